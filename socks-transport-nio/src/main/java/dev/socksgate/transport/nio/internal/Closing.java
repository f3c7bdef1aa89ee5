package dev.socksgate.transport.nio.internal;

import java.io.Closeable;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closing resources whose close failure changes nothing for the caller (it is logged at DEBUG). */
public final class Closing {

  private static final Logger LOG = LoggerFactory.getLogger(Closing.class);

  private Closing() {}

  /** Closes {@code c} (if not null); an {@link IOException} is logged, not thrown. */
  public static void quietly(Closeable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (IOException e) {
      LOG.debug("close failed", e);
    }
  }
}
