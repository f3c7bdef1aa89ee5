package dev.socksgate.core.port;

import dev.socksgate.core.model.IsolationKey;
import dev.socksgate.core.model.StreamRequest;

/** Decides which streams may share an exit, by giving each request an {@link IsolationKey}. */
public interface IsolationPolicy {

  /** Returns the key of {@code request}: equal keys may share an exit, different keys must not. */
  IsolationKey keyFor(StreamRequest request);
}
