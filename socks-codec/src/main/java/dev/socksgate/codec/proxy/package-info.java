/**
 * The PROXY protocol (HAProxy's {@code proxy-protocol.txt}): the header a load balancer puts in
 * front of a relayed connection to carry the original client's address, in the text form (version
 * 1, §2.1) and the binary form (version 2, §2.2). {@link
 * dev.socksgate.codec.proxy.ProxyHeader#decode} reads either, detected by its signature (§2.2,
 * end); {@link dev.socksgate.codec.proxy.ProxyHeader#toBytes} writes one, for senders and tests.
 */
package dev.socksgate.codec.proxy;
