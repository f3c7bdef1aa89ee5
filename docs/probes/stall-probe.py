#!/usr/bin/env python3
"""Overload-shedding probe (issue 13, part 4): not a test, a documented measurement.

Against a SocksGate already running with default settings on --proxy, with an echo origin
started here on 127.0.0.1, it:
  1. measures legitimate clients alone (the no-attack baseline) for --baseline seconds;
  2. opens --stalled connections from 127.0.0.1 that each send one byte of a SOCKS5 greeting and
     stall, in a separate process, and holds them --hold seconds while the legitimate clients
     (from 127.0.0.1 and 127.0.0.2, in this process) keep connecting;
and prints, per phase and source, attempts, failures and the p50/p99 connect-to-echo time
(TCP connect, greeting, CONNECT to the origin, 16 bytes echoed). Loopback only; bounded in time.

  python3 docs/probes/stall-probe.py --proxy 127.0.0.1:9050 --stalled 10200 --hold 15
"""
import argparse
import multiprocessing
import socket
import struct
import threading
import time


def echo_origin():
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 0))
    srv.listen(4096)

    def serve(c):
        try:
            while True:
                b = c.recv(4096)
                if not b:
                    break
                c.sendall(b)
        except OSError:
            pass
        finally:
            c.close()

    def accept():
        while True:
            c, _ = srv.accept()
            threading.Thread(target=serve, args=(c,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    return srv.getsockname()[1]


def one(proxy, source, origin_port, timeout=5.0):
    """One connect-to-echo through the proxy; returns seconds, or None on failure."""
    t0 = time.perf_counter()
    s = socket.socket()
    s.settimeout(timeout)
    try:
        s.bind((source, 0))
        s.connect(proxy)
        s.sendall(b"\x05\x01\x00")
        if s.recv(2) != b"\x05\x00":
            return None
        s.sendall(b"\x05\x01\x00\x01" + socket.inet_aton("127.0.0.1") + struct.pack(">H", origin_port))
        rep = b""
        while len(rep) < 10:
            b = s.recv(10 - len(rep))
            if not b:
                return None
            rep += b
        if rep[1] != 0:
            return None
        msg = b"0123456789abcdef"
        s.sendall(msg)
        got = b""
        while len(got) < len(msg):
            b = s.recv(len(msg) - len(got))
            if not b:
                return None
            got += b
        return time.perf_counter() - t0 if got == msg else None
    except OSError:
        return None
    finally:
        s.close()


def client_loop(proxy, source, origin_port, until, out):
    while time.monotonic() < until:
        out.append(one(proxy, source, origin_port))
        time.sleep(0.02)  # a client's pace, not a flood: ~50 attempts a second at most


def stall(proxy, n, hold, ready):
    socks = []
    for _ in range(n):
        s = socket.socket()
        s.setblocking(True)
        try:
            s.connect(proxy)
            s.send(b"\x05")
        except OSError:
            pass
        socks.append(s)
    ready.set()
    time.sleep(hold)
    for s in socks:
        s.close()


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(len(xs) * p))] if xs else float("nan")


def report(phase, source, results):
    ok = [r for r in results if r is not None]
    print(f"{phase:9} {source:10} attempts={len(results):5} failed={len(results) - len(ok):4} "
          f"p50={pct(ok, 0.50) * 1000:7.2f} ms p99={pct(ok, 0.99) * 1000:7.2f} ms")
    return pct(ok, 0.99), len(results) - len(ok)


def phase(name, proxy, origin_port, seconds):
    until = time.monotonic() + seconds
    res = {src: [] for src in ("127.0.0.1", "127.0.0.2")}
    ts = [threading.Thread(target=client_loop, args=(proxy, src, origin_port, until, res[src]))
          for src in res]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return {src: report(name, src, r) for src, r in res.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--proxy", default="127.0.0.1:9050")
    ap.add_argument("--stalled", type=int, default=10200)
    ap.add_argument("--hold", type=float, default=15)
    ap.add_argument("--baseline", type=float, default=10)
    a = ap.parse_args()
    host, port = a.proxy.rsplit(":", 1)
    if not host.startswith("127."):
        raise SystemExit("--proxy must be a 127.0.0.0/8 literal")
    proxy = (host, int(port))
    origin_port = echo_origin()
    base = phase("no-attack", proxy, origin_port, a.baseline)
    ready = multiprocessing.Event()
    attacker = multiprocessing.Process(target=stall, args=(proxy, a.stalled, a.hold, ready))
    attacker.start()
    ready.wait(a.hold + 120)
    attack = phase("attack", proxy, origin_port, a.hold * 0.8)
    attacker.join(a.hold + 60)
    good = True
    for src in base:
        ratio = attack[src][0] / base[src][0]
        print(f"{src}: attack p99 / no-attack p99 = {ratio:.2f}, failures under attack = {attack[src][1]}")
        good &= attack[src][1] == 0 and ratio <= 3
    print("GOAL MET" if good else "GOAL NOT MET")


if __name__ == "__main__":
    main()
