package dev.socksgate.core.handshake;

import dev.socksgate.codec.CodecError;
import java.util.Objects;

/**
 * Why a handshake failed. The reply sent for each kind is chosen by the engine, from {@link
 * ReplyCodes}.
 *
 * @param kind the class of failure
 * @param detail a short human-readable description that never contains client data
 */
public record HandshakeError(Kind kind, String detail) {

  /** The classes of handshake failure. */
  public enum Kind {
    /**
     * First bytes of no protocol we serve, or an RFC 1929 message before any negotiation: closed
     * without a reply.
     */
    UNKNOWN_PROTOCOL,
    /** An HTTP request on the SOCKS port: answered with the HTTP-resistance page. */
    HTTP_REQUEST,
    /** A version byte that does not fit the current step: ERR(01) after negotiation. */
    BAD_VERSION,
    /** A message that breaks the grammar (RSV, ATYP, lengths, zero methods). */
    SYNTAX,
    /** A SOCKS4 request that did not fit in 512 bytes. */
    TOO_LONG,
    /** A command outside the grammar, such as CONNECT_DIR (F2): REP 01. */
    UNKNOWN_COMMAND,
    /** BIND, UDP ASSOCIATE, or a SOCKS4 command Tor refuses: REP 07, SOCKS4 5B. */
    COMMAND_NOT_SUPPORTED,
    /** RESOLVE_PTR of something that is not an IP address: REP 08. */
    ADDRESS_TYPE_NOT_SUPPORTED,
    /** A destination that fails Tor's host name rules, port 0 or address 0 in SOCKS4. */
    INVALID_DESTINATION,
    /** An IP-only request refused by SafeSocks: REP 02. */
    UNSAFE_REQUEST,
    /** No offered authentication method is acceptable: {@code 05 FF}. */
    NO_ACCEPTABLE_METHOD,
    /** A {@code <torS0X>} username other than {@code <torS0X>0} (proposal 351). */
    BAD_AUTH_EXTENSION,
    /** The authenticator refused the credentials: {@code 01 01}. */
    AUTH_FAILED
  }

  /** Validates the fields. */
  public HandshakeError {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }

  /** Returns the kind for a codec malformation (the one mapping from codec errors). */
  static Kind kindOf(CodecError e) {
    return switch (e.reason()) {
      case BAD_VERSION -> Kind.BAD_VERSION;
      case UNSUPPORTED_COMMAND -> Kind.UNKNOWN_COMMAND;
      case TOO_LONG -> Kind.TOO_LONG;
      case BAD_LENGTH, BAD_VALUE ->
          e.field().equals("NMETHODS") ? Kind.SYNTAX : Kind.INVALID_DESTINATION;
      case BAD_RESERVED, UNSUPPORTED_ADDRESS_TYPE -> Kind.SYNTAX;
    };
  }
}
