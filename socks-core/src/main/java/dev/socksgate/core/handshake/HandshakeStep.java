package dev.socksgate.core.handshake;

import dev.socksgate.core.model.Credentials;
import dev.socksgate.core.model.StreamRequest;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One instruction from the handshake engine to its caller. Exactly one is returned per call.
 *
 * <ul>
 *   <li>{@link Send}: write these bytes to the client, then call {@code step} again with the
 *       remaining input (a pipelining client may already have sent the next message);
 *   <li>{@link NeedMore}: read at least {@code atLeast} more bytes, then call {@code step};
 *   <li>{@link Verify}: ask the authenticator about these credentials, then call {@code verdict};
 *   <li>{@link Done}: the request is complete; the input's remaining bytes are optimistic data;
 *   <li>{@link Failed}: write the reply (possibly empty), then close.
 * </ul>
 */
public sealed interface HandshakeStep
    permits HandshakeStep.Send,
        HandshakeStep.NeedMore,
        HandshakeStep.Verify,
        HandshakeStep.Done,
        HandshakeStep.Failed {

  /**
   * Bytes to send before going on.
   *
   * @param bytes a read-only buffer the caller may consume
   */
  record Send(ByteBuffer bytes) implements HandshakeStep {
    /** Validates the field. */
    public Send {
      Objects.requireNonNull(bytes, "bytes");
    }
  }

  /**
   * More input is needed; nothing was consumed by this call.
   *
   * @param atLeast a lower bound (at least 1) on the bytes still missing
   */
  record NeedMore(int atLeast) implements HandshakeStep {
    /** Validates the bound. */
    public NeedMore {
      if (atLeast < 1) {
        throw new IllegalArgumentException("atLeast must be at least 1");
      }
    }
  }

  /**
   * Credentials to verify; the engine waits for {@code verdict(boolean)}.
   *
   * @param credentials the RFC 1929 username and password
   */
  record Verify(Credentials.UsernamePassword credentials) implements HandshakeStep {
    /** Validates the field. */
    public Verify {
      Objects.requireNonNull(credentials, "credentials");
    }
  }

  /**
   * The handshake is complete.
   *
   * @param request the validated request
   * @param earlyDataLength how many bytes remained in the input after the request: optimistic data,
   *     to be delivered to the exit untouched
   */
  record Done(StreamRequest request, int earlyDataLength) implements HandshakeStep {
    /** Validates the fields. */
    public Done {
      Objects.requireNonNull(request, "request");
    }
  }

  /**
   * The handshake failed: send {@code reply} (possibly empty), then close.
   *
   * @param error why
   * @param reply a read-only buffer, possibly empty
   */
  record Failed(HandshakeError error, ByteBuffer reply) implements HandshakeStep {
    /** Validates the fields. */
    public Failed {
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(reply, "reply");
    }
  }
}
