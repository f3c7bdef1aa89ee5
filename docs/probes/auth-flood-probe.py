#!/usr/bin/env python3
"""Password-flood probe (issue 17): not a test, a documented measurement.

First write an auth file of probe users (PBKDF2-SHA512, the server's default 210,000 iterations
unless --iterations says otherwise) and start SocksGate with it:

  python3 docs/probes/auth-flood-probe.py users /tmp/probe.users
  java -p socks-app/target/modules -m dev.socksgate.app \
      --socks-port 127.0.0.1:9050 --auth-file /tmp/probe.users

Then, against that server:

  python3 docs/probes/auth-flood-probe.py run --proxy 127.0.0.1:9050 --flooders 200 --hold 15

It
  1. authenticates --users users ("base0" …) from 127.0.0.2 one after another, each for the
     first time (so none is in the server's cache): the no-attack first-time latency;
  2. starts --flooders connections from 127.0.0.1 in a separate process that send wrong passwords
     (a fresh random one each time) in a loop for --hold seconds, and on until step 3 is done;
  3. two seconds into the flood, authenticates --users other users ("user0" …) from 127.0.0.2,
     one after another, each for the first time;
and prints the medians, their ratio, how many were accepted, and what the flood got (accepted,
refused `01 01`, closed without a reply). Latency is TCP connect to the RFC 1929 reply. Loopback
only; bounded in time (each attempt times out after --timeout seconds).
"""
import argparse
import base64
import hashlib
import multiprocessing
import os
import socket
import statistics
import threading
import time

PASSWORD = "probe-password"


def users_file(path, n, iterations):
    with open(path, "w", encoding="ascii") as f:
        for prefix in ("base", "user"):
            for i in range(n):
                salt = os.urandom(16)
                dk = hashlib.pbkdf2_hmac("sha512", PASSWORD.encode(), salt, iterations, 64)
                b64 = lambda b: base64.b64encode(b).decode().rstrip("=")
                f.write(f"{prefix}{i}:pbkdf2-sha512:{iterations}:{b64(salt)}:{b64(dk)}\n")


def login(proxy, source, user, password, timeout):
    """One RFC 1929 login; returns (seconds, reply) where reply is 'ok', 'refused' or 'closed'."""
    t0 = time.perf_counter()
    s = socket.socket()
    s.settimeout(timeout)
    try:
        s.bind((source, 0))
        s.connect(proxy)
        s.sendall(b"\x05\x01\x02")
        if s.recv(2) != b"\x05\x02":
            return time.perf_counter() - t0, "closed"
        u, p = user.encode(), password.encode()
        s.sendall(bytes([1, len(u)]) + u + bytes([len(p)]) + p)
        rep = s.recv(2)
        dt = time.perf_counter() - t0
        if rep == b"\x01\x00":
            return dt, "ok"
        return dt, "refused" if rep == b"\x01\x01" else "closed"
    except OSError:
        return time.perf_counter() - t0, "closed"
    finally:
        s.close()


def flood(proxy, n, hold, timeout, ready, done, counts):
    until = time.monotonic() + hold
    local = {"ok": 0, "refused": 0, "closed": 0}
    lock = threading.Lock()

    def loop():
        while time.monotonic() < until or not done.is_set():
            _, r = login(proxy, "127.0.0.1", "user0", os.urandom(8).hex(), timeout)
            with lock:
                local[r] += 1

    ts = [threading.Thread(target=loop, daemon=True) for _ in range(n)]
    for t in ts:
        t.start()
    ready.set()
    for t in ts:
        t.join()
    for k, v in local.items():
        counts[k] = v


def sequence(proxy, prefix, n, timeout):
    out = []
    for i in range(n):
        out.append(login(proxy, "127.0.0.2", f"{prefix}{i}", PASSWORD, timeout))
    return out


def run(a):
    host, port = a.proxy.rsplit(":", 1)
    if not host.startswith("127."):
        raise SystemExit("--proxy must be a 127.0.0.0/8 literal")
    proxy = (host, int(port))
    base = sequence(proxy, "base", a.users, a.timeout)
    base_ms = statistics.median(t for t, _ in base) * 1000
    print(f"no-attack  first-time logins: {sum(r == 'ok' for _, r in base)}/{a.users} accepted, "
          f"median {base_ms:.0f} ms")
    counts = multiprocessing.Manager().dict()
    ready = multiprocessing.Event()
    done = multiprocessing.Event()
    attacker = multiprocessing.Process(
        target=flood, args=(proxy, a.flooders, a.hold, a.timeout, ready, done, counts))
    attacker.start()
    ready.wait(60)
    time.sleep(2)  # let the flood fill the queue first
    attack = sequence(proxy, "user", a.users, a.timeout)
    done.set()
    attacker.join(a.hold + a.timeout + 30)
    att_ms = statistics.median(t for t, _ in attack) * 1000
    accepted = sum(r == "ok" for _, r in attack)
    print(f"under flood first-time logins: {accepted}/{a.users} accepted, median {att_ms:.0f} ms, "
          f"max {max(t for t, _ in attack) * 1000:.0f} ms")
    print(f"flood from 127.0.0.1 ({a.flooders} connections, {a.hold:.0f} s): "
          f"accepted={counts.get('ok', 0)} refused={counts.get('refused', 0)} "
          f"closed={counts.get('closed', 0)}")
    ratio = att_ms / base_ms
    print(f"ratio (flood median / no-attack median) = {ratio:.2f}")
    print("GOAL MET" if accepted == a.users and ratio <= 3 else "GOAL NOT MET")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    u = sub.add_parser("users")
    u.add_argument("path")
    u.add_argument("--users", type=int, default=10)
    u.add_argument("--iterations", type=int, default=210_000)
    r = sub.add_parser("run")
    r.add_argument("--proxy", default="127.0.0.1:9050")
    r.add_argument("--users", type=int, default=10)
    r.add_argument("--flooders", type=int, default=200)
    r.add_argument("--hold", type=float, default=15)
    r.add_argument("--timeout", type=float, default=60)
    a = ap.parse_args()
    if a.cmd == "users":
        users_file(a.path, a.users, a.iterations)
    else:
        run(a)


if __name__ == "__main__":
    main()
