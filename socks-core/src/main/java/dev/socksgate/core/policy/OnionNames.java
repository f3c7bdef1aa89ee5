package dev.socksgate.core.policy;

/**
 * The shape of a version 3 onion name (rend-spec-v3 §6): an optional subdomain, then 56 base32
 * characters ({@code a-z}, {@code 2-7}) and {@code .onion}. The checksum is not verified here.
 */
final class OnionNames {

  private static final int V3_LENGTH = 56;

  private OnionNames() {}

  static boolean isWellFormed(String name) {
    if (!name.endsWith(".onion")) {
      return false;
    }
    String rest = name.substring(0, name.length() - ".onion".length());
    String label = rest.substring(rest.lastIndexOf('.') + 1);
    if (label.length() != V3_LENGTH) {
      return false;
    }
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '2' && c <= '7')) {
        return false;
      }
    }
    return true;
  }
}
