package dev.socksgate.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import dev.socksgate.codec.v4.Socks4Reply;
import dev.socksgate.codec.v4.Socks4Request;
import dev.socksgate.codec.v5.PasswordAuthReply;
import dev.socksgate.codec.v5.PasswordAuthRequest;
import dev.socksgate.codec.v5.Socks5Greeting;
import dev.socksgate.codec.v5.Socks5MethodSelection;
import dev.socksgate.codec.v5.Socks5Reply;
import dev.socksgate.codec.v5.Socks5Request;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The hexagon's layering over all four modules: codec ← core ← transport ← app, no cycles, no
 * dependency injection below the app, and no module reaching into another's internals.
 */
class LayeringTest {

  private static final String ROOT = "dev.socksgate";
  private static final JavaClasses ALL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(ROOT);

  @Test
  void importFindsEveryModule() {
    // Guard: an import that finds nothing makes every noClasses() rule pass vacuously.
    for (String layer : new String[] {"codec", "core", "transport", "app"}) {
      long n = ALL.stream().filter(c -> c.getPackageName().startsWith(ROOT + "." + layer)).count();
      assertTrue(n > 5, layer + ": " + n + " classes imported");
    }
  }

  @Test
  void layersDependInwardOnly() {
    layeredArchitecture()
        .consideringAllDependencies()
        .layer("codec")
        .definedBy(ROOT + ".codec..")
        .layer("core")
        .definedBy(ROOT + ".core..")
        .layer("transport")
        .definedBy(ROOT + ".transport..")
        .layer("app")
        .definedBy(ROOT + ".app..")
        .optionalLayer("jdk")
        .definedBy("java..", "javax.crypto..")
        .optionalLayer("logging")
        .definedBy("org.slf4j..")
        .optionalLayer("frameworks")
        .definedBy("com.google.inject..", "com.google.common..", "jakarta.inject..")
        .whereLayer("app")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("transport")
        .mayOnlyBeAccessedByLayers("app")
        .whereLayer("core")
        .mayOnlyBeAccessedByLayers("transport", "app")
        .whereLayer("codec")
        .mayOnlyBeAccessedByLayers("core", "transport", "app")
        .whereLayer("logging")
        .mayOnlyBeAccessedByLayers("transport", "app")
        .whereLayer("frameworks")
        .mayOnlyBeAccessedByLayers("app")
        .ensureAllClassesAreContainedInArchitecture()
        .because("dependencies point inward: app -> transport -> core -> codec")
        .check(ALL);
  }

  @Test
  void modulesAreFreeOfCycles() {
    slices()
        .matching(ROOT + ".(*)..")
        .should()
        .beFreeOfCycles()
        .because("a cycle between modules would make them impossible to take alone")
        .check(ALL);
  }

  @Test
  void noDependencyInjectionBelowTheApp() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".app..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.google.inject..", "javax.inject..", "jakarta.inject..")
        .because("Guice is confined to socks-app; lower modules are built with constructors")
        .check(ALL);
  }

  @Test
  void log4jIsConfinedToTheAppsLoggingPackage() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".app.logging..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.logging..")
        .because("code logs through SLF4J; only start-up (LogStartup) knows the backend")
        .check(ALL);
  }

  @Test
  void internalsAreUsedOnlyInsideTheirModule() {
    for (String module : new String[] {"codec", "transport.nio"}) {
      classes()
          .that()
          .resideInAPackage(ROOT + "." + module + ".internal..")
          .should()
          .onlyBeAccessed()
          .byAnyPackage(ROOT + "." + module + "..")
          .because("internal packages are not exported by their module")
          .check(ALL);
    }
  }

  /**
   * The server's side of the wire: decoding what a client sends, encoding what a server answers.
   * The client side (encoding requests, decoding replies) is open to every SOCKS client.
   */
  private static final DescribedPredicate<JavaMethodCall> SERVER_SIDE =
      DescribedPredicate.describe(
          "decodes a client's message or encodes a server's",
          call -> {
            String owner = call.getTarget().getOwner().getName();
            String name = call.getTarget().getName();
            boolean decodesClient =
                name.equals("decode")
                    && Set.of(
                            Socks5Request.class.getName(),
                            Socks4Request.class.getName(),
                            Socks5Greeting.class.getName(),
                            PasswordAuthRequest.class.getName())
                        .contains(owner);
            boolean encodesServer =
                (name.equals("encode") || name.equals("toBytes"))
                    && Set.of(
                            Socks5Reply.class.getName(),
                            Socks4Reply.class.getName(),
                            Socks5MethodSelection.class.getName(),
                            PasswordAuthReply.class.getName())
                        .contains(owner);
            return decodesClient || encodesServer;
          });

  @Test
  void onlyTheCoreEngineSpeaksTheServerSide() {
    noClasses()
        .that()
        .resideInAnyPackage(ROOT + ".transport..", ROOT + ".app..")
        .should()
        .callMethodWhere(SERVER_SIDE)
        .because(
            "the server's bytes are decided by the core's handshake engine; SOCKS clients (the"
                + " upstream exit, the benchmark) use only the codec's client direction")
        .check(ALL);
  }

  @Test
  void theBenchUsesOnlyTheClientApi() {
    classes()
        .that()
        .resideInAPackage(ROOT + ".app.bench..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            ROOT + ".app.bench..",
            ROOT + ".codec",
            ROOT + ".codec.v5..",
            ROOT + ".core.handshake..",
            ROOT + ".core.model..",
            "java..")
        .because(
            "the bench measures any SOCKS5 server through the public client API (the codec's"
                + " messages, the core's ClientHandshake); it is a subcommand, not part of the server")
        .check(ALL);
  }

  @Test
  void theDoctorUsesOnlyTheClientApi() {
    classes()
        .that()
        .resideInAPackage(ROOT + ".app.doctor..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            ROOT + ".app.doctor..",
            ROOT + ".codec",
            ROOT + ".codec.v4..",
            ROOT + ".codec.v5..",
            ROOT + ".core.handshake..",
            ROOT + ".core.model..",
            "java..")
        .because(
            "the doctor checks any SOCKS server as a client would (the core's ClientHandshake, the"
                + " codec's client direction); it is a subcommand, not part of the server")
        .check(ALL);
  }

  @Test
  void generalCodingRules() {
    GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
        .because("logging goes through SLF4J")
        .check(ALL);
    GeneralCodingRules.NO_CLASSES_SHOULD_USE_JODATIME.because("java.time is enough").check(ALL);
    GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION
        .because("constructor injection only")
        .check(ALL);
    GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS
        .because("typed errors")
        .check(ALL);
  }
}
