package dev.socksgate.core.handshake;

import dev.socksgate.codec.v5.Socks5AuthMethod;
import java.util.Objects;

/** Why a client handshake ({@link ClientHandshake}) failed. */
public sealed interface ClientFailure
    permits ClientFailure.NoAcceptableMethod,
        ClientFailure.UnexpectedMethod,
        ClientFailure.AuthRejected,
        ClientFailure.Refused,
        ClientFailure.Malformed {

  /** The SOCKS5 server accepted none of the offered methods ({@code FF}). */
  record NoAcceptableMethod() implements ClientFailure {}

  /**
   * The SOCKS5 server chose a method that was not offered.
   *
   * @param method the method it chose
   */
  record UnexpectedMethod(Socks5AuthMethod method) implements ClientFailure {
    /** Validates the field. */
    public UnexpectedMethod {
      Objects.requireNonNull(method, "method");
    }
  }

  /** The server refused the username and password (RFC 1929 status other than 0). */
  record AuthRejected() implements ClientFailure {}

  /**
   * The server answered the request with a refusal.
   *
   * @param reply the reply, with its code (and for Tor's RESOLVE refusals, nothing more)
   */
  record Refused(ClientHandshake.Reply reply) implements ClientFailure {
    /** Validates the field. */
    public Refused {
      Objects.requireNonNull(reply, "reply");
    }
  }

  /**
   * The server sent something that is not the message expected.
   *
   * @param message what the codec said of it
   */
  record Malformed(String message) implements ClientFailure {
    /** Validates the field. */
    public Malformed {
      Objects.requireNonNull(message, "message");
    }
  }
}
