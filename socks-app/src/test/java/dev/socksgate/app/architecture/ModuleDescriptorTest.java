package dev.socksgate.app.architecture;

import static java.lang.module.ModuleDescriptor.Requires.Modifier.STATIC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.NullUnmarked;
import org.junit.jupiter.api.Test;

/**
 * ArchUnit cannot see JPMS: this asserts every module's descriptor as the running module layer has
 * it (the app's tests run on the module path with all four modules).
 */
class ModuleDescriptorTest {

  private static Module module(String name) {
    return ModuleLayer.boot()
        .findModule(name)
        .or(
            () ->
                ModuleDescriptorTest.class.getModule().getLayer() == null
                    ? java.util.Optional.empty()
                    : ModuleDescriptorTest.class.getModule().getLayer().findModule(name))
        .orElseThrow(() -> new AssertionError(name + " is not on the module path"));
  }

  private static ModuleDescriptor descriptor(String name) {
    return module(name).getDescriptor();
  }

  private static Set<String> exports(ModuleDescriptor d) {
    return d.exports().stream()
        .peek(e -> assertTrue(e.targets().isEmpty(), "qualified " + e))
        .map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toSet());
  }

  private static Map<String, Set<ModuleDescriptor.Requires.Modifier>> requires(ModuleDescriptor d) {
    return d.requires().stream()
        .filter(r -> !r.name().equals("java.base"))
        .collect(
            Collectors.toMap(
                ModuleDescriptor.Requires::name, ModuleDescriptor.Requires::modifiers));
  }

  @Test
  void appIsNullMarked() {
    Module app = ModuleDescriptorTest.class.getModule();
    assertTrue(app.isAnnotationPresent(NullMarked.class), "NullAway checks @NullMarked code");
  }

  @Test
  void noPackageIsNullUnmarked() {
    // Guard: the bench's package-info is found, so the loop below reads package annotations.
    assertNotNull(
        Class.forName(
            ModuleDescriptorTest.class.getModule(), "dev.socksgate.app.bench.package-info"),
        "the bench's package-info");
    for (String name :
        List.of(
            "dev.socksgate.codec",
            "dev.socksgate.core",
            "dev.socksgate.transport.nio",
            "dev.socksgate.app")) {
      Module m = module(name);
      for (String p : m.getPackages()) {
        Class<?> info = Class.forName(m, p + ".package-info");
        assertFalse(
            info != null && info.isAnnotationPresent(NullUnmarked.class),
            p + " is @NullUnmarked: NullAway would skip it");
      }
    }
  }

  @Test
  void appRunsAsANamedModule() {
    assertEquals("dev.socksgate.app", ModuleDescriptorTest.class.getModule().getName());
  }

  @Test
  void codec() {
    ModuleDescriptor d = descriptor("dev.socksgate.codec");
    assertEquals(
        Set.of(
            "dev.socksgate.codec",
            "dev.socksgate.codec.v4",
            "dev.socksgate.codec.v5",
            "dev.socksgate.codec.http",
            "dev.socksgate.codec.proxy"),
        exports(d));
    assertEquals(Map.of("org.jspecify", Set.of(STATIC)), requires(d));
    assertTrue(d.opens().isEmpty());
  }

  @Test
  void core() {
    ModuleDescriptor d = descriptor("dev.socksgate.core");
    assertEquals(
        Set.of(
            "dev.socksgate.core.model",
            "dev.socksgate.core.port",
            "dev.socksgate.core.handshake",
            "dev.socksgate.core.session",
            "dev.socksgate.core.isolation",
            "dev.socksgate.core.policy"),
        exports(d));
    assertEquals(
        Map.of(
            "dev.socksgate.codec",
            Set.of(ModuleDescriptor.Requires.Modifier.TRANSITIVE),
            "org.jspecify",
            Set.of(STATIC)),
        requires(d));
    assertTrue(d.opens().isEmpty());
  }

  @Test
  void transport() {
    ModuleDescriptor d = descriptor("dev.socksgate.transport.nio");
    assertEquals(Set.of("dev.socksgate.transport.nio"), exports(d));
    assertEquals(
        Map.of(
            "dev.socksgate.core",
            Set.of(ModuleDescriptor.Requires.Modifier.TRANSITIVE),
            "org.slf4j",
            Set.of(),
            "org.jspecify",
            Set.of(STATIC)),
        requires(d));
    assertTrue(d.opens().isEmpty());
  }

  @Test
  void app() {
    ModuleDescriptor d = descriptor("dev.socksgate.app");
    assertEquals(Set.of(), exports(d));
    assertEquals(
        Set.of(
            "dev.socksgate.transport.nio",
            "com.google.guice",
            "com.google.common",
            "jakarta.inject",
            "org.slf4j",
            "org.apache.logging.log4j",
            "org.apache.logging.log4j.core",
            "jdk.unsupported",
            "io.prometheus.metrics.model",
            "io.prometheus.metrics.core",
            "io.prometheus.writer.text",
            "io.prometheus.metrics.instrumentation.jvm",
            "org.jspecify"),
        requires(d).keySet());
    assertEquals(Set.of(STATIC), requires(d).get("org.jspecify"));
    Map<String, Set<String>> opens =
        d.opens().stream()
            .collect(
                Collectors.toMap(ModuleDescriptor.Opens::source, ModuleDescriptor.Opens::targets));
    assertEquals(Map.of("dev.socksgate.app.wiring", Set.of("com.google.guice")), opens);
  }
}
