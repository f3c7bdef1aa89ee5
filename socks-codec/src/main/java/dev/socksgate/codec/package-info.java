/**
 * Version-independent SOCKS wire types: addresses, domain names, the incremental decoding result
 * {@link dev.socksgate.codec.Decoded}, first-byte protocol detection and the HTTP-resistance page.
 *
 * <p>Decoding contract shared by every decoder in this module: a decoder reads from the buffer's
 * position up to its limit and returns exactly one {@link dev.socksgate.codec.Decoded} value. Only
 * a complete message advances the buffer's position, and only by the message's length; bytes after
 * the message are never read past and never consumed.
 */
package dev.socksgate.codec;
