/**
 * {@code socksgate doctor}: checks any SOCKS server on this machine (SocksGate, Tor's SocksPort,
 * Dante) for what a client will need, against a built-in loopback origin, and prints one line per
 * check (PASS, FAIL or SKIP with the reason) and a summary. See docs/operations.md, "Diagnosing a
 * client problem".
 *
 * <p>It speaks SOCKS4, SOCKS4a and SOCKS5 through the core's sans-IO {@code ClientHandshake} (and
 * the codec's client direction for the method-selection probes), over blocking sockets: the doctor
 * is a command-line tool, one check at a time. Every connect and read is bounded by the timeout,
 * and every check has a deadline after which its sockets are closed, so a server that hangs gives
 * FAIL, never a hang of the doctor. The origin listens on 127.0.0.1 and ::1 only, and the only name
 * asked for is {@code localhost}.
 */
package dev.socksgate.app.doctor;
