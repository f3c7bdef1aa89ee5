package dev.socksgate.app.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version recorded in the module descriptor (set by the build). */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version =
        VersionProvider.class.getModule().getDescriptor() == null
            ? "development build"
            : VersionProvider.class.getModule().getDescriptor().rawVersion().orElse("unknown");
    return new String[] {"socksgate " + version};
  }
}
