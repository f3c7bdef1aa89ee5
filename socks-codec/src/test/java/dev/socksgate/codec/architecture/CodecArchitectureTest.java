package dev.socksgate.codec.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The codec stands alone: it depends on java.base and on itself, nothing else. */
class CodecArchitectureTest {

  private static final JavaClasses CODEC =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.socksgate.codec");

  @Test
  void importFindsTheCodec() {
    // Guard: an import that finds nothing would make every rule below pass vacuously.
    assertTrue(CODEC.size() > 20, "imported " + CODEC.size() + " classes");
  }

  @Test
  void codecDependsOnlyOnJavaBaseAndItself() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "dev.socksgate.codec..",
            "java.lang..",
            "java.util..",
            "java.nio",
            "java.nio.charset",
            "java.net")
        .because("the codec is a standalone library over java.base")
        .check(CODEC);
  }

  @Test
  void codecTouchesNoSocketsOrChannels() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.nio.channels..", "java.io..")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleNameStartingWith("Socket")
        .because("the codec is sans-IO: callers own sockets and buffers")
        .check(CODEC);
  }

  @Test
  void onlyTheCodecItselfUsesItsInternals() {
    classes()
        .that()
        .resideInAPackage("dev.socksgate.codec.internal..")
        .should()
        .onlyBeAccessed()
        .byAnyPackage("dev.socksgate.codec..")
        .because("internal is not exported")
        .check(CODEC);
  }
}
