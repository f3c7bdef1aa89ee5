package dev.socksgate.transport.nio.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.transport.nio.NioSocksServer;
import java.lang.module.ModuleDescriptor;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/** ArchUnit cannot see JPMS; this asserts the transport's module descriptor itself. */
class ModuleDescriptorTest {

  private final Module module = NioSocksServer.class.getModule();

  @Test
  void moduleIsNamedAfterItsRootPackage() {
    assertTrue(module.isNamed(), "tests must run on the module path");
    assertEquals("dev.socksgate.transport.nio", module.getName());
  }

  @Test
  void exportsTheApiPackageOnly_unqualified() {
    ModuleDescriptor d = module.getDescriptor();
    Set<String> exports =
        d.exports().stream()
            .peek(e -> assertTrue(e.targets().isEmpty(), "qualified export " + e))
            .map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toSet());
    assertEquals(Set.of("dev.socksgate.transport.nio"), exports);
    assertTrue(d.packages().contains("dev.socksgate.transport.nio.internal"));
  }

  @Test
  void isNullMarked() {
    assertTrue(module.isAnnotationPresent(NullMarked.class), "NullAway checks @NullMarked code");
  }

  @Test
  void requiresCoreTransitivelyAndSlf4j() {
    Map<String, Set<ModuleDescriptor.Requires.Modifier>> requires =
        module.getDescriptor().requires().stream()
            .collect(
                Collectors.toMap(
                    ModuleDescriptor.Requires::name, ModuleDescriptor.Requires::modifiers));
    assertEquals(
        Set.of("java.base", "dev.socksgate.core", "org.slf4j", "org.jspecify"), requires.keySet());
    assertEquals(
        Set.of(ModuleDescriptor.Requires.Modifier.STATIC),
        requires.get("org.jspecify"),
        "annotations only: no run-time dependency");
    assertEquals(
        Set.of(ModuleDescriptor.Requires.Modifier.TRANSITIVE),
        requires.get("dev.socksgate.core"),
        "core types are in the API's signatures");
    assertEquals(Set.of(), requires.get("org.slf4j"));
  }

  @Test
  void opensNothing() {
    ModuleDescriptor d = module.getDescriptor();
    assertTrue(d.opens().isEmpty(), "opens " + d.opens());
    assertFalse(d.isOpen(), "open module");
  }
}
