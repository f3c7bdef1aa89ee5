package dev.socksgate.codec.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.codec.Decoded;
import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** ArchUnit cannot see JPMS; this asserts the codec's module descriptor itself. */
class ModuleDescriptorTest {

  private final Module module = Decoded.class.getModule();

  @Test
  void moduleIsNamedAfterItsRootPackage() {
    assertTrue(module.isNamed(), "tests must run on the module path");
    assertEquals("dev.socksgate.codec", module.getName());
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
        Set.of("dev.socksgate.codec", "dev.socksgate.codec.v4", "dev.socksgate.codec.v5"), exports);
  }

  @Test
  void requiresNothingButJavaBase() {
    Set<String> requires =
        module.getDescriptor().requires().stream()
            .map(ModuleDescriptor.Requires::name)
            .collect(Collectors.toSet());
    assertEquals(Set.of("java.base"), requires);
  }

  @Test
  void opensNothing() {
    ModuleDescriptor d = module.getDescriptor();
    assertTrue(d.opens().isEmpty(), "opens " + d.opens());
    assertTrue(!d.isOpen(), "open module");
  }
}
