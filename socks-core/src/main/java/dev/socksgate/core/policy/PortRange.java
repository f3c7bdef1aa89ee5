package dev.socksgate.core.policy;

/**
 * An inclusive range of TCP ports in a policy rule: {@code *}, {@code N} or {@code N-M}.
 *
 * @param low the first port, 0 to 65535
 * @param high the last port, {@code low} to 65535
 */
public record PortRange(int low, int high) {

  /** Every port: what {@code *} and an omitted port mean. */
  public static final PortRange ALL = new PortRange(0, 65535);

  /** Checks the bounds. */
  public PortRange {
    if (low < 0 || high > 65535 || low > high) {
      throw new IllegalArgumentException("bad port range " + low + "-" + high);
    }
  }

  /** Returns true if this range holds {@code port}. */
  public boolean contains(int port) {
    return port >= low && port <= high;
  }

  /** Returns true if this range is every port (the rules that RESOLVE obeys). */
  public boolean isAll() {
    return low == 0 && high == 65535;
  }

  @Override
  public String toString() {
    if (isAll()) {
      return "*";
    }
    return low == high ? Integer.toString(low) : low + "-" + high;
  }
}
