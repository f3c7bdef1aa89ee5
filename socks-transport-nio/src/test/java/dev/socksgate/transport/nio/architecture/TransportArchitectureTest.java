package dev.socksgate.transport.nio.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * The transport's boundaries, as ArchUnit sees them in the module's main classes (JPMS is asserted
 * separately, in {@link ModuleDescriptorTest}).
 */
class TransportArchitectureTest {

  private static final String API = "dev.socksgate.transport.nio";
  private static final String INTERNAL = "dev.socksgate.transport.nio.internal..";
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.socksgate.transport");

  @Test
  void importFoundBothPackages() {
    // Without this an empty import would make every rule below pass vacuously.
    assertTrue(CLASSES.stream().anyMatch(c -> c.getPackageName().equals(API)), "API classes");
    assertTrue(
        CLASSES.stream().anyMatch(c -> c.getPackageName().endsWith(".internal")),
        "internal classes");
  }

  @Test
  void dependsOnlyOnCoreCodecJavaAndSlf4j() {
    classes()
        .that()
        .resideInAPackage("dev.socksgate.transport..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "dev.socksgate.transport..",
            "dev.socksgate.core..",
            "dev.socksgate.codec..",
            "java..",
            "javax.crypto..",
            "org.slf4j..")
        .because("dependencies point inward: transport → core → codec")
        .check(CLASSES);
  }

  @Test
  void noDependencyInjection() {
    noClasses()
        .that()
        .resideInAPackage("dev.socksgate.transport..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.google.inject..", "javax.inject..", "jakarta.inject..")
        .because("Guice exists only in socks-app")
        .check(CLASSES);
  }

  @Test
  void noOtherModulesInternals() {
    noClasses()
        .that()
        .resideInAPackage("dev.socksgate.transport..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.socksgate.codec.internal..", "dev.socksgate.core..internal..")
        .because("a module's internal packages are its own")
        .check(CLASSES);
  }

  // Which classes may speak the server's side of the wire (decode a client's messages, encode a
  // server's) is checked for every module at once, without exemptions, by the app's LayeringTest
  // (onlyTheCoreEngineSpeaksTheServerSide): the upstream exit is a SOCKS client and may not.

  @Test
  void publicApiExposesNoInternalType() {
    codeUnits()
        .that()
        .areDeclaredInClassesThat()
        .resideInAPackage(API)
        .and()
        .areDeclaredInClassesThat()
        .arePublic()
        .and()
        .arePublic()
        .should(notMention(INTERNAL))
        .because("embedders compile against dev.socksgate.transport.nio only")
        .check(CLASSES);
  }

  @Test
  void noTimerThreadsNoSleeping() {
    noClasses()
        .that()
        .resideInAPackage("dev.socksgate.transport..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.util.Timer")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.util.concurrent.ScheduledThreadPoolExecutor")
        .orShould()
        .callMethod(Thread.class, "sleep", long.class)
        .because("timers live in the loop's deadline heap")
        .check(CLASSES);
  }

  @Test
  void loggersArePrivateStaticFinal() {
    fields()
        .that()
        .haveRawType(Logger.class)
        .should()
        .bePrivate()
        .andShould()
        .beStatic()
        .andShould()
        .beFinal()
        .because("a logger is a private static final field of its class")
        .check(CLASSES);
  }

  private static ArchCondition<JavaCodeUnit> notMention(String packageIdentifier) {
    return new ArchCondition<>("not have internal types in their signature") {
      @Override
      public void check(JavaCodeUnit unit, ConditionEvents events) {
        List<JavaClass> types = new ArrayList<>(unit.getRawParameterTypes());
        types.add(unit.getRawReturnType());
        for (JavaClass t : types) {
          if (t.getPackageName().startsWith(packageIdentifier.replace("..", ""))) {
            events.add(
                SimpleConditionEvent.violated(
                    unit, unit.getFullName() + " exposes " + t.getName()));
          }
        }
      }
    };
  }
}
