package dev.socksgate.core.fakes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.socksgate.core.contract.ResolverContract;
import dev.socksgate.core.model.IsolationKey;
import dev.socksgate.core.testing.Requests;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The map resolver passes the resolver contract, and records what it was asked. */
class MapResolverTest extends ResolverContract {

  private static final InetAddress EXAMPLE = Requests.ip("93.184.216.34");

  @Override
  protected Fixture fixture() {
    MapResolver r =
        new MapResolver()
            .name("example.com", EXAMPLE, Requests.ip("2001:db8::1"))
            .ptr(EXAMPLE, "example.com");
    return new Fixture(
        r,
        "example.com",
        EXAMPLE,
        "unknown.example",
        EXAMPLE,
        "example.com",
        Requests.ip("192.0.2.1"));
  }

  @Test
  void resolve_keepsTheOrderItWasGiven() throws Exception {
    MapResolver r = new MapResolver().name("x.test", Requests.ip("::1"), Requests.ip("1.2.3.4"));
    assertEquals(
        List.of(Requests.ip("::1"), Requests.ip("1.2.3.4")), await(r.resolve("x.test", anyKey())));
  }

  @Test
  void lookups_recordQueryAndKey() throws Exception {
    MapResolver r = new MapResolver();
    IsolationKey key = IsolationKey.builder(4, 2).build();
    await(r.resolve("a.test", key));
    await(r.reverse(EXAMPLE, key));
    assertEquals(
        List.of(new MapResolver.Lookup("a.test", key), new MapResolver.Lookup(EXAMPLE, key)),
        r.lookups());
  }
}
