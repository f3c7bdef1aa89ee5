package dev.socksgate.transport.nio.internal;

import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.transport.nio.NioExit;

/**
 * The phases of a {@link ClientConnection}, each with the data that exist exactly while the
 * connection is in it: the handshake input until the request is complete, the request until it is
 * answered, the exit while its success reply is written. A phase's {@code toString} is its name in
 * the connection's state diagram (and in its debug log).
 *
 * <p>Immutable; a connection allocates a few of them in its life, none per read event.
 */
sealed interface ClientPhase {

  /** Handed over to a {@link Relay}: the connection holds nothing any more. */
  ClientPhase RELAYING = new Relaying();

  /** The last reply is flushed, then FIN, then the client's bytes are discarded until its EOF. */
  ClientPhase CLOSING = new Closing();

  /** Everything the connection held is closed or given back. */
  ClientPhase CLOSED = new Closed();

  /** The phases that own the handshake input: {@link Handshaking} and {@link Verifying}. */
  sealed interface Handshake extends ClientPhase {
    /** The client's handshake input and the engine that consumes it. */
    HandshakeInput in();
  }

  /** Reading the client's handshake and stepping the engine over it. */
  record Handshaking(HandshakeInput in) implements Handshake {
    @Override
    public String toString() {
      return "HANDSHAKE";
    }
  }

  /** The authenticator is checking the client's credentials; the client is not read. */
  record Verifying(HandshakeInput in) implements Handshake {
    @Override
    public String toString() {
      return "VERIFYING";
    }
  }

  /** The use case is working on the complete request; the client is not read. */
  record Opening(StreamRequest request) implements ClientPhase {
    @Override
    public String toString() {
      return "OPENING";
    }
  }

  /** The success reply is being written; then the exit goes to the relay. */
  record Replying(StreamRequest request, NioExit exit) implements ClientPhase {
    @Override
    public String toString() {
      return "REPLYING";
    }
  }

  /** See {@link ClientPhase#RELAYING}. */
  final class Relaying implements ClientPhase {
    private Relaying() {}

    @Override
    public String toString() {
      return "RELAYING";
    }
  }

  /** See {@link ClientPhase#CLOSING}. */
  final class Closing implements ClientPhase {
    private Closing() {}

    @Override
    public String toString() {
      return "CLOSING";
    }
  }

  /** See {@link ClientPhase#CLOSED}. */
  final class Closed implements ClientPhase {
    private Closed() {}

    @Override
    public String toString() {
      return "CLOSED";
    }
  }
}
