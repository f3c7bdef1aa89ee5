package dev.socksgate.app.wiring;

import dev.socksgate.app.control.ControlCommands;
import dev.socksgate.app.control.ControlPort;
import dev.socksgate.app.control.Cookie;
import dev.socksgate.core.isolation.TorIsolationPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control port as a lifecycle service: on start, writes a fresh cookie and binds; on stop,
 * closes and deletes the cookie. NEWNYM advances the isolation epoch of {@link TorIsolationPolicy};
 * RELOAD and HUP run the {@link Reloader}.
 */
final class ControlService implements Lifecycle.Service, ControlCommands {

  private static final Logger LOG = LoggerFactory.getLogger("socksgate.control");

  private final Path cookieFile;
  private final TorIsolationPolicy isolation;
  private final Reloader reloader;
  private final ControlPort port;
  private volatile @Nullable Cookie cookie;

  /** Creates the service; nothing is written or bound until {@link #start()}. */
  ControlService(
      InetSocketAddress bind, Path cookieFile, TorIsolationPolicy isolation, Reloader reloader) {
    this.cookieFile = cookieFile;
    this.isolation = isolation;
    this.reloader = reloader;
    this.port = new ControlPort(bind, this);
  }

  /** Returns the port. */
  ControlPort port() {
    return port;
  }

  @Override
  public void start() throws IOException {
    cookie = Cookie.create(cookieFile);
    port.start();
  }

  @Override
  public void stop(Duration drain) {
    port.close();
    if (cookie == null) {
      return; // never started: the cookie file, if any, is not ours
    }
    try {
      Files.deleteIfExists(cookieFile);
    } catch (IOException e) {
      LOG.warn("could not delete the control cookie {}: {}", cookieFile, e.getMessage());
    }
  }

  @Override
  public String name() {
    return "control port";
  }

  @Override
  public long newIdentity() {
    long epoch = isolation.newIdentity();
    LOG.info("new identity: streams from now on share no exit with earlier ones (epoch {})", epoch);
    return epoch;
  }

  @Override
  public boolean reload() {
    return reloader.reload() instanceof Reloader.Applied;
  }

  @Override
  public Cookie cookie() {
    Cookie c = cookie;
    if (c == null) {
      throw new IllegalStateException("the control service is not started");
    }
    return c;
  }
}
