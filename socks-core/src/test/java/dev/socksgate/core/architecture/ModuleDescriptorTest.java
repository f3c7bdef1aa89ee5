package dev.socksgate.core.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.core.handshake.ServerHandshake;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Requires;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/** ArchUnit cannot see JPMS; this asserts the core's module descriptor itself. */
class ModuleDescriptorTest {

  private final Module module = ServerHandshake.class.getModule();

  @Test
  void moduleIsNamedAfterItsRootPackage() {
    assertTrue(module.isNamed(), "tests must run on the module path");
    assertEquals("dev.socksgate.core", module.getName());
  }

  @Test
  void exportsTheApiPackagesOnlyAndUnqualified() {
    ModuleDescriptor d = module.getDescriptor();
    Set<String> exports =
        d.exports().stream()
            .peek(e -> assertTrue(e.targets().isEmpty(), "qualified export " + e))
            .map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toSet());
    assertEquals(
        Set.of(
            "dev.socksgate.core.model",
            "dev.socksgate.core.port",
            "dev.socksgate.core.handshake",
            "dev.socksgate.core.session",
            "dev.socksgate.core.isolation",
            "dev.socksgate.core.policy"),
        exports);
  }

  @Test
  void requiresTheCodecTransitivelyAndNothingElse() {
    Map<String, Set<Requires.Modifier>> requires =
        module.getDescriptor().requires().stream()
            .collect(Collectors.toMap(Requires::name, Requires::modifiers));
    assertEquals(Set.of("java.base", "dev.socksgate.codec", "org.jspecify"), requires.keySet());
    assertEquals(
        Set.of(Requires.Modifier.STATIC),
        requires.get("org.jspecify"),
        "annotations only: no run-time dependency");
    assertTrue(
        requires.get("dev.socksgate.codec").contains(Requires.Modifier.TRANSITIVE),
        "the core's public signatures expose codec types (DomainName, Socks5ReplyCode)");
    assertFalse(requires.get("dev.socksgate.codec").contains(Requires.Modifier.STATIC));
  }

  @Test
  void isNullMarked() {
    assertTrue(module.isAnnotationPresent(NullMarked.class), "NullAway checks @NullMarked code");
  }

  @Test
  void opensNothing() {
    ModuleDescriptor d = module.getDescriptor();
    assertTrue(d.opens().isEmpty(), "opens " + d.opens());
    assertFalse(d.isOpen(), "open module");
  }
}
