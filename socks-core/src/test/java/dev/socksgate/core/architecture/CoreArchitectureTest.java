package dev.socksgate.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The core is the framework-free inner ring: it depends on the JDK and the codec only, and it never
 * logs, injects, spawns or schedules threads, reads clocks or touches sockets. The module
 * descriptor enforces the module graph; these rules enforce the rest.
 */
class CoreArchitectureTest {

  private static final JavaClasses IMPORTED =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.socksgate.core");

  /**
   * Returns the core's main classes, after checking that the import found them: an empty import
   * would make every rule pass vacuously. Every rule calls this first.
   */
  private static JavaClasses core() {
    assertTrue(IMPORTED.size() > 30, "imported " + IMPORTED.size() + " classes");
    assertTrue(IMPORTED.contain("dev.socksgate.core.handshake.ServerHandshake"));
    assertTrue(
        !IMPORTED.contain("dev.socksgate.core.fakes.MapResolver"),
        "test classes must not be imported");
    return IMPORTED;
  }

  @Test
  void importFindsTheCoreAndNoTests() {
    core();
  }

  @Test
  void coreDependsOnlyOnTheJdkTheCodecAndItself() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "dev.socksgate.codec..", "dev.socksgate.core..")
        .because("core requires only the codec")
        .check(core());
  }

  @Test
  void coreTouchesNoSocketsOrChannels() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("java.nio.channels..")
        .orShould()
        .dependOnClassesThat()
        .haveNameMatching("java\\.net\\.Socket.*")
        .orShould()
        .dependOnClassesThat()
        .haveNameMatching("java\\.net\\.(Server|Datagram)Socket.*")
        .because("the core is sans-IO: transports own sockets and buffers")
        .check(core());
  }

  @Test
  void coreNeitherSpawnsNorSchedulesThreads() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.lang.Thread")
        .orShould()
        .dependOnClassesThat()
        .haveNameMatching("java\\.util\\.concurrent\\.Executor.*")
        .orShould()
        .dependOnClassesThat()
        .haveNameMatching(
            "java\\.util\\.concurrent\\.(ThreadPoolExecutor|ScheduledExecutorService"
                + "|ForkJoinPool)")
        .orShould()
        .dependOnClassesThat()
        .haveNameMatching("java\\.util\\.Timer.*")
        .because(
            "the core chooses no threads: continuations run where a port completes its"
                + " stage, and timers live on the transport's loop")
        .check(core());
  }

  @Test
  void coreReadsNoClock() {
    noClasses()
        .should()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.time.Clock")
        .because("time enters the core only through the TimeSource port, so tests control it")
        .check(core());
  }

  @Test
  void coreUsesNoDependencyInjection() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.google.inject..", "javax.inject..", "jakarta.inject..")
        .because("Guice lives in socks-app alone; lower modules are built in @Provides methods")
        .check(core());
  }

  @Test
  void coreDoesNotLog() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.slf4j..", "java.util.logging..", "org.apache.logging..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.lang.System$Logger")
        .because("the core returns typed results and leaves logging to transport and app")
        .check(core());
  }

  @Test
  void portsDependOnTheModelOnly() {
    classes()
        .that()
        .resideInAPackage("dev.socksgate.core.port..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "dev.socksgate.core.model..", "dev.socksgate.core.port..")
        .because("ports speak the domain model, never wire formats or implementations")
        .check(core());
  }

  @Test
  void modelKnowsNoPortsAndNoUseCase() {
    noClasses()
        .that()
        .resideInAPackage("dev.socksgate.core.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.socksgate.core.port..",
            "dev.socksgate.core.session..",
            "dev.socksgate.core.handshake..",
            "dev.socksgate.core.policy..",
            "dev.socksgate.core.isolation..")
        .because("the model is the innermost layer of the core")
        .check(core());
  }
}
