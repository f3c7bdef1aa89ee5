package dev.socksgate.app.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.app.support.AppProcess;
import dev.socksgate.app.support.EchoOrigin;
import dev.socksgate.app.support.SocksTestClient;
import dev.socksgate.codec.SocksAddress;
import dev.socksgate.codec.v5.Socks5Command;
import dev.socksgate.codec.v5.Socks5ReplyCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as users get it: the tarball unpacked somewhere else (a path with a space), its
 * launcher's choice of Java, its class-data archive, and the failures it must name.
 */
class DistributionIT {

  private static final String VERSION = System.getProperty("socksgate.version", "");

  @TempDir static Path temp;
  private static Path spaced;
  private static Path spacedCache;

  /** Unpacks the tarball once, into a folder whose name has a space. */
  @BeforeAll
  static void unpack() throws Exception {
    Path tarball = tarball();
    spaced = Files.createDirectories(temp.resolve("install dir"));
    spacedCache = Files.createDirectories(temp.resolve("cache dir"));
    Result r =
        run(
            List.of("tar", "-xzf", tarball.toAbsolutePath().toString(), "-C", spaced.toString()),
            Map.of());
    assertEquals(0, r.status(), r.output());
  }

  private static Path tarball() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("target"))) {
      List<Path> found =
          s.filter(p -> p.getFileName().toString().matches("socksgate-.+\\.tar\\.gz"))
              .collect(Collectors.toList());
      assertEquals(1, found.size(), "one tarball in target/ after package: " + found);
      return found.get(0);
    }
  }

  private static Path home() throws IOException {
    try (Stream<Path> s = Files.list(spaced)) {
      return s.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }

  @Test
  void tarball_holdsTheLayout_withTheModulePathOfTheBuild() throws Exception {
    Path home = home();
    assertTrue(home.getFileName().toString().startsWith("socksgate-"), home.toString());
    Path launcher = home.resolve("bin/socksgate");
    assertTrue(
        Files.getPosixFilePermissions(launcher).contains(PosixFilePermission.OTHERS_EXECUTE),
        "bin/socksgate is executable");
    for (String f :
        List.of(
            "conf/socksgate.conf",
            "conf/log4j2.properties",
            "systemd/socksgate.service",
            "README.md",
            "THIRD-PARTY.txt",
            "licenses/Apache-2.0.txt",
            "licenses/MIT-SLF4J.txt")) {
      assertTrue(Files.isRegularFile(home.resolve(f)), f);
    }
    String thirdParty = Files.readString(home.resolve("THIRD-PARTY.txt"));
    for (String jar : names(home.resolve("lib"))) {
      if (!jar.startsWith("socks-")) { // our own modules are not third-party
        String artifact = jar.replaceFirst("-[0-9].*$", ""); // the name before the version
        assertTrue(thirdParty.contains(":" + artifact + ":"), "THIRD-PARTY.txt lists " + jar);
      }
    }
    assertTrue(
        Files.readString(home.resolve("licenses/Apache-2.0.txt")).contains("Apache License"));
    assertEquals(
        names(AppProcess.modules()),
        names(home.resolve("lib")),
        "lib/ is the module path the build made, and nothing else (no class-data archive)");
    String unit = Files.readString(home.resolve("systemd/socksgate.service"));
    assertTrue(unit.contains("ExecStart=/opt/socksgate/bin/socksgate"), unit);
    assertEquals(
        Files.readString(Path.of("src/main/resources/log4j2.properties")),
        Files.readString(home.resolve("conf/log4j2.properties")));
  }

  @Test
  void launcher_inAPathWithASpace_printsTheVersion_checks_andRelays() throws Exception {
    Path launcher = home().resolve("bin/socksgate");
    Result version = run(List.of(launcher.toString(), "--version"), Map.of());
    assertEquals(0, version.status(), version.output());
    assertEquals("socksgate " + VERSION, version.output().strip());

    Result check = run(List.of(launcher.toString(), "--check"), Map.of());
    assertEquals(0, check.status(), check.output());
    assertTrue(check.output().startsWith("configuration OK"), check.output());
    assertFalse(check.output().contains("warning"), check.output());
    // The first start made the archive, or (Java 17 cannot archive a module path with a space)
    // marked the training as failed; either way the next start does not train again.
    List<String> made = names(spacedCache);
    assertEquals(1, made.size(), "an archive or a failure marker: " + made);
    assertTrue(made.get(0).matches("socksgate-\\d+-\\d+\\.(jsa|aot)(\\.failed)?"), made.get(0));
    FileTime madeAt = Files.getLastModifiedTime(spacedCache.resolve(made.get(0)));
    Result again = run(List.of(launcher.toString(), "--check"), Map.of());
    assertEquals(0, again.status(), again.output());
    assertEquals(made, names(spacedCache));
    assertEquals(madeAt, Files.getLastModifiedTime(spacedCache.resolve(made.get(0))), "not remade");

    try (EchoOrigin origin = EchoOrigin.start();
        AppProcess app =
            AppProcess.start(
                1,
                List.of(launcher.toString(), "--socks-port", "127.0.0.1:0"),
                withCache(Map.of()))) {
      assertEquals("java", commandName(app.pid()), "the launcher execs the JVM");
      try (SocksTestClient c =
          SocksTestClient.connect(
                  new InetSocketAddress(InetAddress.getLoopbackAddress(), app.port()))
              .noAuth()) {
        assertEquals(
            Socks5ReplyCode.SUCCEEDED,
            c.request(
                    Socks5Command.CONNECT,
                    SocksAddress.of(InetAddress.getLoopbackAddress()),
                    origin.port())
                .rep());
        byte[] ping = "through the launcher".getBytes(StandardCharsets.US_ASCII);
        c.send(ping);
        assertArrayEquals(ping, c.readExactly(ping.length));
      }
      assertEquals(0, app.stop(), app.log());
      assertTrue(app.log().contains("stopped"), app.log());
    }
  }

  @Test
  void launcher_unknownOption_exits2WithUsage() throws Exception {
    Result r =
        run(List.of(home().resolve("bin/socksgate").toString(), "--no-such-option"), Map.of());
    assertEquals(2, r.status(), r.output());
    assertTrue(r.output().contains("socksgate: unknown option '--no-such-option'"), r.output());
    assertTrue(r.output().contains("Usage: socksgate"), r.output());
  }

  @Test
  void launcher_javaHomePointingAtNothing_saysSoInOneLine() throws Exception {
    Path nothing = temp.resolve("no java here");
    Result r =
        run(
            List.of(home().resolve("bin/socksgate").toString(), "--check"),
            Map.of("JAVA_HOME", nothing.toString()));
    assertEquals(1, r.status(), r.output());
    assertEquals(1, r.output().strip().lines().count(), r.output());
    assertTrue(r.output().startsWith("socksgate: JAVA_HOME is '" + nothing + "'"), r.output());
  }

  @Test
  void launcher_refusesJava11_fromJavaHome_andFromPath() throws Exception {
    Path launcher = home().resolve("bin/socksgate");
    // A JDK 11 as installed (release file), and one known only by what `java -version` says.
    Path withRelease = fakeJava(temp.resolve("jdk 11"), true);
    Path withoutRelease = fakeJava(temp.resolve("jdk11-bare"), false);

    Result fromHome =
        run(List.of(launcher.toString(), "--check"), Map.of("JAVA_HOME", withRelease.toString()));
    Result fromPath =
        run(
            List.of(launcher.toString(), "--check"),
            Map.of("JAVA_HOME", "", "PATH", withoutRelease.resolve("bin") + ":/usr/bin:/bin"));
    for (Result r : List.of(fromHome, fromPath)) {
      assertEquals(1, r.status(), r.output());
      assertEquals(1, r.output().strip().lines().count(), r.output());
      assertTrue(
          r.output().contains("is version 11.0.22; SocksGate needs Java 17 or newer"), r.output());
    }
  }

  /** A directory that looks like a JDK 11: its java answers -version and fails otherwise. */
  private static Path fakeJava(Path dir, boolean releaseFile) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path java = bin.resolve("java");
    Files.writeString(
        java,
        "#!/bin/sh\n"
            + "if [ \"$1\" = -version ]; then\n"
            + "  echo 'openjdk version \"11.0.22\" 2024-01-16' >&2\n"
            + "  exit 0\n"
            + "fi\n"
            + "echo 'the fake Java 11 was asked to run a program' >&2\n"
            + "exit 99\n");
    Files.setPosixFilePermissions(
        java,
        Set.of(
            PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_EXECUTE,
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.OTHERS_READ));
    if (releaseFile) {
      Files.writeString(dir.resolve("release"), "JAVA_VERSION=\"11.0.22\"\n");
    }
    return dir;
  }

  @Test
  void classDataArchive_madeOnFirstStart_used_remadeWhenStale_quietWhenBroken() throws Exception {
    // A copy without a space in its path (JDK 17 cannot archive a module path with one).
    Path home = copyOf(home(), temp.resolve("writable"));
    Path launcher = home.resolve("bin/socksgate");
    Path cache = Files.createDirectories(temp.resolve("cache"));
    Map<String, String> env = Map.of("SOCKSGATE_CACHE_DIR", cache.toString());

    Result first = run(List.of(launcher.toString(), "--check"), env);
    assertEquals(0, first.status(), first.output());
    assertEquals(
        "configuration OK: 1 listener(s)",
        first.output().strip(),
        "the training run prints nothing");
    Path archive = onlyArchive(cache);

    // Used: the app's own classes come from it (SOCKSGATE_JAVA_OPTS comes after ours).
    Map<String, String> logging = new HashMap<>(env);
    logging.put("SOCKSGATE_JAVA_OPTS", "-Xlog:class+load=info");
    Result used = run(List.of(launcher.toString(), "--check"), logging);
    assertEquals(0, used.status(), used.output());
    assertTrue(
        used.output().contains("dev.socksgate.app.Main source: shared objects file"),
        "Main is loaded from the archive");

    // Stale: a jar newer than the archive (same size, same name) makes the launcher train again.
    Path jar = home.resolve("lib").resolve(names(home.resolve("lib")).get(0));
    Files.setLastModifiedTime(
        archive, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
    Result again = run(List.of(launcher.toString(), "--check"), env);
    assertEquals(0, again.status(), again.output());
    Path remade = onlyArchive(cache);
    assertTrue(
        Files.getLastModifiedTime(remade).compareTo(Files.getLastModifiedTime(jar)) > 0,
        "made anew after the jar changed");

    // Broken (truncated, or not an archive at all): ignored, and the JVM says nothing.
    for (byte[] junk :
        List.of(new byte[0], "not a class-data archive".getBytes(StandardCharsets.US_ASCII))) {
      Files.delete(remade); // the JVM makes archives read-only
      Files.write(remade, junk);
      Result broken = run(List.of(launcher.toString(), "--check"), env);
      assertEquals(0, broken.status(), broken.output());
      assertEquals("configuration OK: 1 listener(s)", broken.output().strip());
    }

    // A second install sharing the cache gets an archive of its own; the first keeps its own.
    Path other = copyOf(home, temp.resolve("writable-2"));
    Result second = run(List.of(other.resolve("bin/socksgate").toString(), "--check"), env);
    assertEquals(0, second.status(), second.output());
    assertEquals(2, names(cache).size(), "one archive per install: " + names(cache));
    assertTrue(Files.exists(remade), "the first install's archive is left alone");

    // Turned off: no archive is looked for or made.
    Path none = Files.createDirectories(temp.resolve("cache-off"));
    Result off =
        run(
            List.of(launcher.toString(), "--check"),
            Map.of("SOCKSGATE_CDS", "off", "SOCKSGATE_CACHE_DIR", none.toString()));
    assertEquals(0, off.status(), off.output());
    assertEquals(List.of(), names(none));
  }

  @Test
  void readOnlyInstall_withNowhereToWrite_startsWithoutAnArchive_silently() throws Exception {
    Path home = copyOf(home(), temp.resolve("readonly"));
    Path nohome = Files.createDirectories(temp.resolve("readonly-home"));
    List<String> check = List.of(home.resolve("bin/socksgate").toString(), "--check");
    Map<String, String> env = new HashMap<>();
    env.put("HOME", nohome.toString());
    env.put("XDG_CACHE_HOME", null);
    env.put("SOCKSGATE_CACHE_DIR", null);
    env.put("CACHE_DIRECTORY", null);
    Result r;
    if ("root".equals(System.getProperty("user.name"))) {
      // Permissions do not stop root: mount both read-only in a mount namespace of its own.
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  "unshare",
                  "-m",
                  "sh",
                  "-c",
                  "mount --bind -o ro \"$1\" \"$1\" && mount --bind -o ro \"$2\" \"$2\" && shift 2 "
                      + "&& exec \"$@\"",
                  "sh",
                  home.toString(),
                  nohome.toString()));
      cmd.addAll(check);
      r = run(cmd, env);
    } else {
      setWritable(home.resolve("lib"), false);
      setWritable(nohome, false);
      try {
        r = run(check, env);
      } finally {
        setWritable(home.resolve("lib"), true);
        setWritable(nohome, true);
      }
    }
    assertEquals(0, r.status(), r.output());
    assertEquals("configuration OK: 1 listener(s)", r.output().strip());
    assertEquals(names(AppProcess.modules()), names(home.resolve("lib")), "nothing written");
    assertEquals(List.of(), names(nohome), "nothing written");
  }

  private static void setWritable(Path dir, boolean writable) throws IOException {
    Set<PosixFilePermission> p = Files.getPosixFilePermissions(dir);
    if (writable) {
      p.add(PosixFilePermission.OWNER_WRITE);
    } else {
      p.remove(PosixFilePermission.OWNER_WRITE);
    }
    Files.setPosixFilePermissions(dir, p);
  }

  private static Path onlyArchive(Path dir) throws IOException {
    List<String> names = names(dir);
    assertEquals(1, names.size(), "one archive: " + names);
    assertTrue(names.get(0).matches("socksgate-\\d+-\\d+\\.(jsa|aot)"), names.get(0));
    return dir.resolve(names.get(0));
  }

  private static Path copyOf(Path from, Path to) throws Exception {
    Result r = run(List.of("cp", "-Rp", from.toString(), to.toString()), Map.of());
    assertEquals(0, r.status(), r.output());
    return to;
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  private static String commandName(long pid) {
    String cmd = ProcessHandle.of(pid).flatMap(h -> h.info().command()).orElse("?");
    return Path.of(cmd).getFileName().toString();
  }

  private record Result(int status, String output) {}

  /**
   * The launcher keeps its class-data archive in the shared cache (a folder with a space) unless a
   * test chooses otherwise, so that the unpacked install itself stays as the tarball made it.
   */
  private static Map<String, String> withCache(Map<String, String> env) {
    if (env.containsKey("SOCKSGATE_CACHE_DIR")) {
      return env;
    }
    Map<String, String> all = new HashMap<>(env);
    all.put("SOCKSGATE_CACHE_DIR", spacedCache.toString());
    return all;
  }

  /** Runs a command to its end (bounded), with stdout and stderr together. */
  private static Result run(List<String> command, Map<String, String> env) throws Exception {
    env = withCache(env);
    ProcessBuilder pb =
        AppProcess.withEnvironment(new ProcessBuilder(command), env).redirectErrorStream(true);
    Path out = Files.createTempFile(temp, "out", ".txt");
    Process p =
        pb.redirectOutput(out.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("did not end within 60 s: " + command);
    }
    return new Result(p.exitValue(), Files.readString(out));
  }
}
