package dev.socksgate.app.cli;

/** The version recorded in the module descriptor (set by the build). */
final class Version {

  private Version() {}

  /** Returns {@code socksgate VERSION}. */
  static String text() {
    Module module = Version.class.getModule();
    String version =
        module.getDescriptor() == null
            ? "development build"
            : module.getDescriptor().rawVersion().orElse("unknown");
    return "socksgate " + version;
  }
}
