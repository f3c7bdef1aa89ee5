package dev.socksgate.core.session;

import dev.socksgate.codec.DomainName;
import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.v4.Socks4Reply;
import dev.socksgate.codec.v5.Socks5Reply;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import dev.socksgate.core.handshake.HttpAnswers;
import dev.socksgate.core.handshake.ReplyCodes;
import dev.socksgate.core.model.SocksProtocol;
import dev.socksgate.core.model.StreamCommand;
import dev.socksgate.core.model.StreamFailure;
import dev.socksgate.core.model.StreamRequest;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The reply bytes of the use case (Tor reference §3 (docs/tor-reference.md), §7, §9), built from
 * {@link ReplyCodes}, and for HTTP CONNECT from {@link HttpAnswers}.
 */
final class Replies {

  private Replies() {}

  /** CONNECT success: zero BND fields, ATYP by client family; SOCKS4 {@code 00 5A ...}. */
  static ByteBuffer connected(StreamRequest request) {
    if (request.protocol() == SocksProtocol.HTTP) {
      return HttpAnswers.tunnelEstablished();
    }
    if (request.protocol() != SocksProtocol.SOCKS5) {
      return wrap(Socks4Reply.granted().toBytes());
    }
    return ReplyCodes.generic(Socks5ReplyCode.SUCCEEDED, request.client());
  }

  /** The failure reply for any command. */
  static ByteBuffer failure(StreamRequest request, StreamFailure failure) {
    if (request.protocol() == SocksProtocol.HTTP) {
      return HttpAnswers.failure(failure);
    }
    if (request.protocol() != SocksProtocol.SOCKS5) {
      return ReplyCodes.socks4Rejected();
    }
    if (request.command() != StreamCommand.CONNECT) {
      return ReplyCodes.resolveFailed();
    }
    boolean extended = request.client().listener().extendedErrors();
    return ReplyCodes.generic(ReplyCodes.socks5(failure, extended), request.client());
  }

  /** A RESOLVE answer, or empty if this protocol cannot carry it (IPv6 over SOCKS4). */
  static Optional<ByteBuffer> resolved(StreamRequest request, InetAddress answer) {
    if (request.protocol() != SocksProtocol.SOCKS5) {
      return answer instanceof Inet4Address v4
          ? Optional.of(wrap(Socks4Reply.resolved(v4).toBytes()))
          : Optional.empty();
    }
    return Optional.of(
        wrap(Socks5Reply.of(Socks5ReplyCode.SUCCEEDED, SocksAddress.of(answer), 0).toBytes()));
  }

  /** A RESOLVE_PTR answer: {@code 05 00 00 03 <len> <name> 0000}. */
  static ByteBuffer named(DomainName name) {
    return wrap(
        Socks5Reply.of(Socks5ReplyCode.SUCCEEDED, new SocksAddress.Domain(name), 0).toBytes());
  }

  private static ByteBuffer wrap(byte[] b) {
    return ByteBuffer.wrap(b).asReadOnlyBuffer();
  }
}
