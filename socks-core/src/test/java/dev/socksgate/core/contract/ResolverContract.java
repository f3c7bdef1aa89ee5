package dev.socksgate.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.socksgate.core.model.IsolationKey;
import dev.socksgate.core.port.Resolver;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Resolver} must do. Adapters (fake and real) extend this class and supply a
 * {@link Fixture}: a resolver and names and addresses it knows and does not know. Nothing here may
 * reach real DNS: real adapters must be built over a name source the test controls.
 */
public abstract class ResolverContract {

  /** A bounded wait: a resolver that never completes fails the contract instead of hanging. */
  protected static final long WAIT_SECONDS = 10;

  /**
   * The resolver under test and what it knows.
   *
   * @param resolver the resolver
   * @param knownName a name that resolves
   * @param knownAddress one address {@code knownName} resolves to
   * @param unknownName a name that does not resolve
   * @param reversible an address with a name
   * @param reverseName the name of {@code reversible}
   * @param unreversible an address without a name
   */
  public record Fixture(
      Resolver resolver,
      String knownName,
      InetAddress knownAddress,
      String unknownName,
      InetAddress reversible,
      String reverseName,
      InetAddress unreversible) {}

  /** Returns a fresh fixture for one test. */
  protected abstract Fixture fixture() throws Exception;

  /** Returns any isolation key; resolvers may ignore it. */
  protected static IsolationKey anyKey() {
    return IsolationKey.builder(0, 0).build();
  }

  @Test
  void resolve_knownName_completesWithItsAddress() throws Exception {
    Fixture f = fixture();
    List<InetAddress> answers = await(f.resolver().resolve(f.knownName(), anyKey()));
    assertTrue(answers.contains(f.knownAddress()), "answers " + answers);
  }

  @Test
  void resolve_unknownName_completesEmptyOrExceptionally() throws Exception {
    Fixture f = fixture();
    CompletionStage<List<InetAddress>> stage = f.resolver().resolve(f.unknownName(), anyKey());
    try {
      assertEquals(List.of(), await(stage));
    } catch (ExecutionException expected) {
      // exceptional completion means "no answer" by the port's contract
    }
  }

  @Test
  void reverse_knownAddress_completesWithItsName() throws Exception {
    Fixture f = fixture();
    assertEquals(
        Optional.of(f.reverseName()), await(f.resolver().reverse(f.reversible(), anyKey())));
  }

  @Test
  void reverse_addressWithoutName_isEmptyNeverTheLiteral() throws Exception {
    Fixture f = fixture();
    CompletionStage<Optional<String>> stage = f.resolver().reverse(f.unreversible(), anyKey());
    try {
      Optional<String> name = await(stage);
      assertFalse(name.isPresent(), "expected no name, got " + name);
    } catch (ExecutionException expected) {
      // exceptional completion means "no name"
    }
  }

  /** Waits a bounded time for a stage. */
  protected static <T> T await(CompletionStage<T> stage)
      throws ExecutionException, InterruptedException, TimeoutException {
    return stage.toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
  }
}
