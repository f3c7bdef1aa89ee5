package dev.socksgate.core.handshake;

import dev.socksgate.codec.v4.Socks4Reply;
import dev.socksgate.codec.v5.Socks5Reply;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import dev.socksgate.core.model.ClientInfo;
import dev.socksgate.core.model.StreamFailure;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The single mapping from failures to reply codes and reply bytes (Tor reference §1
 * (docs/tor-reference.md), §6.2, §9). Every SOCKS4 failure is {@code 00 5B 0000 00000000}; SOCKS5
 * failures carry the REP below.
 *
 * <p>Two SOCKS5 reply shapes exist, as in Tor: the parser's errors are always the 10-byte ATYP 01
 * form ({@link #parserError}); every other reply uses the ATYP of the client connection's address
 * family ({@link #generic}).
 */
public final class ReplyCodes {

  private ReplyCodes() {}

  /** Returns the SOCKS5 REP for a stream failure (Tor reference §9, §12). */
  public static Socks5ReplyCode socks5(StreamFailure failure, boolean extendedErrors) {
    Optional<Socks5ReplyCode> extended = extendedCode(failure);
    if (extended.isPresent()) {
      return extendedErrors ? extended.get() : Socks5ReplyCode.GENERAL_FAILURE;
    }
    return switch (failure) {
      case NOT_ALLOWED -> Socks5ReplyCode.NOT_ALLOWED;
      case NETWORK_UNREACHABLE -> Socks5ReplyCode.NETWORK_UNREACHABLE;
      case HOST_UNREACHABLE, RESOLVE_FAILED -> Socks5ReplyCode.HOST_UNREACHABLE;
      case CONNECTION_REFUSED -> Socks5ReplyCode.CONNECTION_REFUSED;
      case TIMED_OUT -> Socks5ReplyCode.TTL_EXPIRED;
      default -> Socks5ReplyCode.GENERAL_FAILURE;
    };
  }

  /** Returns the proposal 304 code of an onion failure (F0–F7), sent only with ExtendedErrors. */
  public static Optional<Socks5ReplyCode> extendedCode(StreamFailure failure) {
    return Optional.ofNullable(
        switch (failure) {
          case ONION_DESCRIPTOR_NOT_FOUND -> Socks5ReplyCode.ONION_SERVICE_DESC_NOT_FOUND;
          case ONION_DESCRIPTOR_INVALID -> Socks5ReplyCode.ONION_SERVICE_DESC_INVALID;
          case ONION_INTRODUCTION_FAILED -> Socks5ReplyCode.ONION_SERVICE_INTRO_FAILED;
          case ONION_RENDEZVOUS_FAILED -> Socks5ReplyCode.ONION_SERVICE_REND_FAILED;
          case ONION_CLIENT_AUTH_MISSING -> Socks5ReplyCode.ONION_SERVICE_MISSING_CLIENT_AUTH;
          case ONION_CLIENT_AUTH_BAD -> Socks5ReplyCode.ONION_SERVICE_BAD_CLIENT_AUTH;
          case INVALID_ONION_ADDRESS -> Socks5ReplyCode.ONION_SERVICE_BAD_ADDRESS;
          case ONION_INTRODUCTION_TIMED_OUT -> Socks5ReplyCode.ONION_SERVICE_INTRO_TIMEDOUT;
          default -> null;
        });
  }

  /**
   * Returns the failure a SOCKS5 REP from another server stands for (the inverse of {@link
   * #socks5(StreamFailure, boolean)} with extended errors on): an upstream's refusal passes through
   * to our client as the same code. REP 07, 08 and unknown codes are GENERAL.
   *
   * @throws IllegalArgumentException for REP 00, which is no failure
   */
  public static StreamFailure failureOf(Socks5ReplyCode rep) {
    if (rep.equals(Socks5ReplyCode.SUCCEEDED)) {
      throw new IllegalArgumentException("REP 00 is success");
    }
    for (StreamFailure f : REVERSIBLE) {
      if (socks5(f, true).equals(rep)) {
        return f;
      }
    }
    return StreamFailure.GENERAL;
  }

  // One failure per REP: the first listed wins where several map to the same code.
  private static final StreamFailure[] REVERSIBLE = {
    StreamFailure.NOT_ALLOWED,
    StreamFailure.NETWORK_UNREACHABLE,
    StreamFailure.HOST_UNREACHABLE,
    StreamFailure.CONNECTION_REFUSED,
    StreamFailure.TIMED_OUT,
    StreamFailure.ONION_DESCRIPTOR_NOT_FOUND,
    StreamFailure.ONION_DESCRIPTOR_INVALID,
    StreamFailure.ONION_INTRODUCTION_FAILED,
    StreamFailure.ONION_RENDEZVOUS_FAILED,
    StreamFailure.ONION_CLIENT_AUTH_MISSING,
    StreamFailure.ONION_CLIENT_AUTH_BAD,
    StreamFailure.INVALID_ONION_ADDRESS,
    StreamFailure.ONION_INTRODUCTION_TIMED_OUT
  };

  /** Returns the SOCKS5 REP for a handshake failure that has one (Tor reference §6.2). */
  public static Socks5ReplyCode socks5(HandshakeError.Kind kind) {
    return switch (kind) {
      case COMMAND_NOT_SUPPORTED -> Socks5ReplyCode.COMMAND_NOT_SUPPORTED;
      case ADDRESS_TYPE_NOT_SUPPORTED -> Socks5ReplyCode.ADDRESS_TYPE_NOT_SUPPORTED;
      case UNSAFE_REQUEST -> Socks5ReplyCode.NOT_ALLOWED;
      default -> Socks5ReplyCode.GENERAL_FAILURE;
    };
  }

  /** Returns the 10-byte {@code 05 REP 00 01 00000000 0000} form the parser sends. */
  public static ByteBuffer parserError(Socks5ReplyCode rep) {
    return wrap(Socks5Reply.zeroIpv4(rep).toBytes());
  }

  /** Returns the generic reply: zero BND fields, ATYP by the client connection's family. */
  public static ByteBuffer generic(Socks5ReplyCode rep, ClientInfo client) {
    Socks5Reply reply = client.isIpv6() ? Socks5Reply.zeroIpv6(rep) : Socks5Reply.zeroIpv4(rep);
    return wrap(reply.toBytes());
  }

  /**
   * Returns Tor's reply to an invalid request that queued no reply of its own ({@code
   * connection_ap_handshake_socks_reply} with SOCKSPROTOCOL, Tor reference §1): nothing while no
   * version is known, {@code 00 5B ...} for SOCKS4, the {@link #generic} form for SOCKS5.
   */
  static ByteBuffer generic(int version, HandshakeError.Kind kind, ClientInfo client) {
    return switch (version) {
      case 4 -> socks4Rejected();
      case 5 -> generic(socks5(kind), client);
      default -> wrap(new byte[0]);
    };
  }

  /** Returns Tor's failure reply to RESOLVE and RESOLVE_PTR: {@code 05 04 00 00 000000000000}. */
  public static ByteBuffer resolveFailed() {
    return wrap(Socks5Reply.unspecified(Socks5ReplyCode.HOST_UNREACHABLE).toBytes());
  }

  /** Returns {@code 00 5B 0000 00000000}, every SOCKS4 failure. */
  public static ByteBuffer socks4Rejected() {
    return wrap(Socks4Reply.rejected().toBytes());
  }

  static ByteBuffer wrap(byte[] bytes) {
    return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
  }
}
