package dev.socksgate.codec.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.codec.Decoded;
import java.lang.module.ModuleDescriptor;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.NullMarked;
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
        Set.of(
            "dev.socksgate.codec",
            "dev.socksgate.codec.v4",
            "dev.socksgate.codec.v5",
            "dev.socksgate.codec.http",
            "dev.socksgate.codec.proxy"),
        exports);
  }

  @Test
  void requiresNothingButJavaBaseAndTheNullAnnotationsAtCompileTime() {
    Map<String, Set<ModuleDescriptor.Requires.Modifier>> requires =
        module.getDescriptor().requires().stream()
            .collect(
                Collectors.toMap(
                    ModuleDescriptor.Requires::name, ModuleDescriptor.Requires::modifiers));
    assertEquals(Set.of("java.base", "org.jspecify"), requires.keySet());
    assertEquals(
        Set.of(ModuleDescriptor.Requires.Modifier.STATIC),
        requires.get("org.jspecify"),
        "annotations only: no run-time dependency");
  }

  @Test
  void isNullMarked() {
    assertTrue(module.isAnnotationPresent(NullMarked.class), "NullAway checks @NullMarked code");
  }

  @Test
  void opensNothing() {
    ModuleDescriptor d = module.getDescriptor();
    assertTrue(d.opens().isEmpty(), "opens " + d.opens());
    assertTrue(!d.isOpen(), "open module");
  }
}
