package dev.socksgate.app.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.socksgate.app.auth.AuthFile;
import dev.socksgate.app.auth.FileAuthenticator;
import dev.socksgate.app.auth.PasswordHash;
import dev.socksgate.app.cli.CliParser;
import dev.socksgate.app.cli.ConfigSnapshot;
import dev.socksgate.app.cli.Invocation;
import dev.socksgate.app.logging.LogStartup;
import dev.socksgate.core.model.ClientInfo;
import dev.socksgate.core.model.Credentials;
import dev.socksgate.core.model.Host;
import dev.socksgate.core.model.ListenerSettings;
import dev.socksgate.core.model.SocksProtocol;
import dev.socksgate.core.model.StreamCommand;
import dev.socksgate.core.model.StreamRequest;
import dev.socksgate.core.model.Target;
import dev.socksgate.core.policy.ClientLimits;
import dev.socksgate.core.port.ClientPolicy;
import dev.socksgate.core.port.DestinationPolicy;
import dev.socksgate.transport.nio.NioServerConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Reload through the real injector: the policies the server asks change, options that need a
 * restart are reported and kept, a file that does not parse changes nothing, the auth file is
 * re-read, and the command line keeps winning over the file.
 */
class ReloaderTest {

  @TempDir Path dir;
  private final List<Lifecycle> lifecycles = new ArrayList<>();

  @AfterEach
  void tearDown() {
    lifecycles.forEach(l -> l.stop(Duration.ZERO));
  }

  /** The injector of a server started with {@code --config FILE} and {@code extra}. */
  private Injector server(Path config, String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("--config", config.toString()));
    args.addAll(List.of(extra));
    Invocation.Run run =
        assertInstanceOf(
            Invocation.Run.class,
            new CliParser(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .parse(args.toArray(String[]::new)));
    Injector injector = Injectors.create(ServerModules.production(run.snapshot()));
    lifecycles.add(injector.getInstance(Lifecycle.class)); // built, never started: closed after
    return injector;
  }

  private Path file(String name, String... lines) throws Exception {
    Path f = dir.resolve(name);
    Files.write(f, List.of(lines), StandardCharsets.UTF_8);
    return f;
  }

  private static ClientPolicy clients(Injector injector) {
    return injector.getInstance(NioServerConfig.class).clientPolicy();
  }

  private static InetAddress ip(int last) throws Exception {
    return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
  }

  private static boolean allowed(DestinationPolicy p, int port) throws Exception {
    ClientInfo client =
        new ClientInfo(new InetSocketAddress(ip(2), 40000), ListenerSettings.torDefaults(1));
    StreamRequest r =
        new StreamRequest(
            StreamCommand.CONNECT,
            new Target(new Host.Address(InetAddress.getByName("192.0.2.7")), port),
            Credentials.NONE,
            SocksProtocol.SOCKS5,
            client,
            false);
    return p.check(r).isEmpty();
  }

  @Test
  void changedPolicies_areApplied_toTheInstancesTheServerAsks() throws Exception {
    Path config =
        file(
            "socksgate.conf",
            "socks-port 127.0.0.1:0",
            "socks-policy reject 127.0.0.3",
            "exit-policy reject *:25");
    Injector injector = server(config);
    ClientPolicy clients = clients(injector);
    DestinationPolicy destinations = injector.getInstance(DestinationPolicy.class);
    assertTrue(clients.admits(ip(2)));
    assertFalse(clients.admits(ip(3)));
    assertFalse(allowed(destinations, 25));
    assertTrue(allowed(destinations, 26));

    file(
        "socksgate.conf",
        "socks-port 127.0.0.1:0",
        "socks-policy reject 127.0.0.2",
        "exit-policy reject *:26");
    Reloader.Applied a =
        assertInstanceOf(Reloader.Applied.class, injector.getInstance(Reloader.class).reload());

    assertEquals(List.of("socks-policy", "exit-policy"), a.applied());
    assertEquals(List.of(), a.needsRestart());
    assertEquals("reload: changed socks-policy, exit-policy", a.summary());
    assertFalse(clients.admits(ip(2)));
    assertTrue(clients.admits(ip(3)));
    assertTrue(allowed(destinations, 25));
    assertFalse(allowed(destinations, 26));
  }

  @Test
  void perClientCapsAndBandwidth_areApplied_toTheServersLimits() throws Exception {
    Path users = dir.resolve("users");
    Files.writeString(users, "", StandardCharsets.UTF_8);
    Path config =
        file(
            "socksgate.conf",
            "socks-port 127.0.0.1:0",
            "auth-file " + users,
            "max-connections-per-address 8");
    Injector injector = server(config);
    ClientLimits limits = injector.getInstance(NioServerConfig.class).clientLimits();
    assertEquals(8, limits.perAddress().limit());
    assertEquals(0, limits.perUser().limit());
    file(
        "socksgate.conf",
        "socks-port 127.0.0.1:0",
        "auth-file " + users,
        "max-connections-per-address 2",
        "max-connections-per-user 3",
        "bandwidth-rate 65536");
    Reloader.Applied a =
        assertInstanceOf(Reloader.Applied.class, injector.getInstance(Reloader.class).reload());
    assertEquals(
        List.of("max-connections-per-address", "max-connections-per-user", "bandwidth-rate"),
        a.applied());
    assertEquals(List.of(), a.needsRestart());
    assertEquals(2, limits.perAddress().limit());
    assertEquals(3, limits.perUser().limit());
  }

  @Test
  void logLevel_isApplied_afterTheSummaryIsLogged() throws Exception {
    Path config = file("socksgate.conf", "socks-port 127.0.0.1:0", "log-level info");
    Reloader reloader = server(config).getInstance(Reloader.class);
    file("socksgate.conf", "socks-port 127.0.0.1:0", "log-level warn");
    try {
      Reloader.Applied a = assertInstanceOf(Reloader.Applied.class, reloader.reload());
      assertEquals("reload: changed log-level", a.summary());
      assertFalse(LoggerFactory.getLogger("socksgate").isInfoEnabled());
      assertTrue(LoggerFactory.getLogger("socksgate").isWarnEnabled());
    } finally {
      LogStartup.setLevel(LogStartup.DEFAULT_LEVEL); // the test JVM's logging, as it was
    }
    assertTrue(LoggerFactory.getLogger("socksgate").isInfoEnabled());
  }

  @Test
  void unchangedFile_changesNothing() throws Exception {
    Path config = file("socksgate.conf", "socks-port 127.0.0.1:0", "log-level warn");
    Reloader.Applied a =
        assertInstanceOf(
            Reloader.Applied.class, server(config).getInstance(Reloader.class).reload());
    assertEquals(List.of(), a.applied());
    assertEquals("reload: no option changed", a.summary());
  }

  @Test
  void optionNeedingRestart_isReported_andLeftAsItWas_atEveryReload() throws Exception {
    Path config =
        file(
            "socksgate.conf",
            "socks-port 127.0.0.1:0",
            "loops 1",
            "safe-socks false",
            "socks-policy reject 127.0.0.3");
    Injector injector = server(config);
    ClientPolicy clients = clients(injector);
    Reloader reloader = injector.getInstance(Reloader.class);
    file(
        "socksgate.conf",
        "socks-port 127.0.0.1:0",
        "loops 2",
        "safe-socks true",
        "socks-policy reject 127.0.0.2");

    Reloader.Applied a = assertInstanceOf(Reloader.Applied.class, reloader.reload());
    assertEquals(List.of("socks-policy"), a.applied());
    assertEquals(List.of("loops", "safe-socks"), a.needsRestart());
    assertEquals(
        "reload: changed socks-policy; needs a restart, left as it was: loops, safe-socks",
        a.summary());
    assertFalse(clients.admits(ip(2)));

    Reloader.Applied again = assertInstanceOf(Reloader.Applied.class, reloader.reload());
    assertEquals(List.of(), again.applied());
    assertEquals(List.of("loops", "safe-socks"), again.needsRestart());
  }

  @Test
  void brokenFile_keepsTheWholeConfiguration_andNamesFileAndLine() throws Exception {
    Path config = file("socksgate.conf", "socks-port 127.0.0.1:0", "socks-policy reject 127.0.0.3");
    Injector injector = server(config);
    ClientPolicy clients = clients(injector);
    Reloader reloader = injector.getInstance(Reloader.class);
    file(
        "socksgate.conf",
        "socks-port 127.0.0.1:0",
        "socks-policy reject 127.0.0.2",
        "exit-policy reject 1.2.3.4/99:*");

    Reloader.Refused r = assertInstanceOf(Reloader.Refused.class, reloader.reload());
    assertTrue(r.summary().startsWith("reload failed, configuration unchanged: "), r.summary());
    assertTrue(r.summary().contains(config + ":3"), r.summary());
    assertTrue(clients.admits(ip(2)), "the good line before the bad one is not applied");
    assertFalse(clients.admits(ip(3)));

    file("socksgate.conf", "socks-port 127.0.0.1:0", "socks-policy reject 127.0.0.2");
    Reloader.Applied a = assertInstanceOf(Reloader.Applied.class, reloader.reload());
    assertEquals(List.of("socks-policy"), a.applied());
    assertFalse(clients.admits(ip(2)));
  }

  @Test
  void commandLine_keepsWinningOverTheFile() throws Exception {
    Path config = file("socksgate.conf", "socks-port 127.0.0.1:0", "socks-policy reject 127.0.0.3");
    Injector injector = server(config, "--socks-policy", "reject 127.0.0.4");
    ClientPolicy clients = clients(injector);
    file("socksgate.conf", "socks-port 127.0.0.1:0", "socks-policy reject 127.0.0.2");

    Reloader.Applied a =
        assertInstanceOf(Reloader.Applied.class, injector.getInstance(Reloader.class).reload());
    assertEquals(List.of(), a.applied());
    assertTrue(clients.admits(ip(2)));
    assertTrue(clients.admits(ip(3)));
    assertFalse(clients.admits(ip(4)));
  }

  private static String entry(String user, String password) {
    return AuthFile.entry(user, PasswordHash.create(password.toCharArray(), 1000));
  }

  private static boolean verify(FileAuthenticator a, String user, String pass) throws Exception {
    return a.verify(
            InetAddress.getLoopbackAddress(),
            user.getBytes(StandardCharsets.UTF_8),
            pass.getBytes(StandardCharsets.UTF_8))
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  @Test
  void authFile_isReread_removedAndChangedUsersRefused_fromTheCacheToo() throws Exception {
    Path users = file("users", entry("alice", "wonder"), entry("bob", "builder"));
    Path config = file("socksgate.conf", "socks-port 127.0.0.1:0", "auth-file " + users.toString());
    Injector injector = server(config);
    FileAuthenticator auth =
        injector
            .getInstance(Key.get(new TypeLiteral<Optional<FileAuthenticator>>() {}))
            .orElseThrow();
    assertTrue(verify(auth, "alice", "wonder"));
    assertTrue(verify(auth, "bob", "builder")); // both now remembered
    file("users", entry("bob", "changed"), entry("carol", "singer"));

    Reloader.Applied a =
        assertInstanceOf(Reloader.Applied.class, injector.getInstance(Reloader.class).reload());
    assertEquals(
        "reload: no option changed; auth file re-read, 2 user(s),"
            + " closed 0 connection(s) of 2 revoked user(s)", // the server was never started
        a.summary());
    assertFalse(verify(auth, "alice", "wonder"));
    assertFalse(verify(auth, "bob", "builder"));
    assertTrue(verify(auth, "bob", "changed"));
    assertTrue(verify(auth, "carol", "singer"));
  }

  @Test
  void authFile_removedAndChangedUsers_areRevoked_newAndUnchangedAreNot() throws Exception {
    String dave = entry("dave", "digger");
    Path users = file("users", entry("alice", "wonder"), entry("bob", "builder"), dave);
    Path config = file("socksgate.conf", "socks-port 127.0.0.1:0", "auth-file " + users.toString());
    Injector injector = server(config);
    Optional<FileAuthenticator> auth =
        injector.getInstance(Key.get(new TypeLiteral<Optional<FileAuthenticator>>() {}));
    Optional<ConfigSnapshot> startup =
        injector.getInstance(Key.get(new TypeLiteral<Optional<ConfigSnapshot>>() {}));
    List<Set<String>> asked = new ArrayList<>();
    Reloader reloader =
        new Reloader(
            startup,
            Map.of(),
            auth,
            revoked -> {
              asked.add(revoked);
              return CompletableFuture.completedFuture(3);
            });

    Reloader.Applied same = assertInstanceOf(Reloader.Applied.class, reloader.reload());
    assertEquals("reload: no option changed; auth file re-read, 3 user(s)", same.summary());
    assertEquals(List.of(), asked, "an unchanged file revokes nobody");

    file("users", entry("bob", "changed"), entry("carol", "singer"), dave);
    Reloader.Applied a = assertInstanceOf(Reloader.Applied.class, reloader.reload());
    assertEquals(List.of(Set.of("alice", "bob")), asked);
    assertEquals(
        "reload: no option changed; auth file re-read, 3 user(s),"
            + " closed 3 connection(s) of 2 revoked user(s)",
        a.summary());
    assertFalse(verify(auth.orElseThrow(), "alice", "wonder"), "refused before the close");
  }

  @Test
  void revokerThatFails_isReported_andTheReloadStillApplies() throws Exception {
    Path users = file("users", entry("alice", "wonder"));
    Path config = file("socksgate.conf", "socks-port 127.0.0.1:0", "auth-file " + users.toString());
    Injector injector = server(config);
    Reloader reloader =
        new Reloader(
            injector.getInstance(Key.get(new TypeLiteral<Optional<ConfigSnapshot>>() {})),
            Map.of(),
            injector.getInstance(Key.get(new TypeLiteral<Optional<FileAuthenticator>>() {})),
            revoked -> CompletableFuture.failedFuture(new IllegalStateException("loop gone")));
    file("users", entry("bob", "builder"));

    Reloader.Applied a = assertInstanceOf(Reloader.Applied.class, reloader.reload());
    assertEquals(
        "reload: no option changed; auth file re-read, 1 user(s),"
            + " closing the connections of 1 revoked user(s) did not finish",
        a.summary());
  }

  @Test
  void unreadableAuthFile_keepsEverything() throws Exception {
    Path users = file("users", entry("alice", "wonder"));
    Path config =
        file(
            "socksgate.conf",
            "socks-port 127.0.0.1:0",
            "auth-file " + users.toString(),
            "socks-policy reject 127.0.0.3");
    Injector injector = server(config);
    ClientPolicy clients = clients(injector);
    FileAuthenticator auth =
        injector
            .getInstance(Key.get(new TypeLiteral<Optional<FileAuthenticator>>() {}))
            .orElseThrow();
    file(
        "socksgate.conf",
        "socks-port 127.0.0.1:0",
        "auth-file " + users.toString(),
        "socks-policy reject 127.0.0.2");
    Files.write(users, List.of("alice:not-a-hash"), StandardCharsets.UTF_8);

    Reloader.Refused r =
        assertInstanceOf(Reloader.Refused.class, injector.getInstance(Reloader.class).reload());
    assertTrue(r.summary().contains("--auth-file " + users), r.summary());
    assertTrue(clients.admits(ip(2)));
    assertTrue(verify(auth, "alice", "wonder"));
  }
}
