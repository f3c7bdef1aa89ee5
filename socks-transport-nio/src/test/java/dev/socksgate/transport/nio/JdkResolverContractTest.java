package dev.socksgate.transport.nio;

import dev.socksgate.core.contract.ResolverContract;
import java.net.InetAddress;
import org.junit.jupiter.api.AfterEach;

/** The JDK resolver passes the core's resolver contract, over in-test lookup functions. */
class JdkResolverContractTest extends ResolverContract {

  private JdkResolver resolver;

  @Override
  protected Fixture fixture() {
    InetAddress known = FakeNames.address(new byte[] {127, 0, 0, 7});
    InetAddress unnamed = FakeNames.address(new byte[] {127, 0, 0, 8});
    FakeNames names = new FakeNames().name("known.test", known).ptr(known, "known.test");
    // The reverse function echoes the literal for an unnamed address, as getCanonicalHostName
    // does: the resolver must turn that into "no name".
    resolver =
        new JdkResolver(
            2,
            16,
            names::lookup,
            a -> names.lookupPtr(a).or(() -> java.util.Optional.of(a.getHostAddress())));
    return new Fixture(resolver, "known.test", known, "unknown.test", known, "known.test", unnamed);
  }

  @AfterEach
  void close() {
    if (resolver != null) {
      resolver.close();
    }
  }
}
