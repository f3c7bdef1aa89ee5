package dev.socksgate.transport.nio;

import dev.socksgate.core.model.IsolationKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SOCKS5 credentials an upstream sees for an isolation key: the proposal 351 username {@code
 * <torS0X>0}, whose password is the isolation string, and as password an HMAC-SHA256 of the key
 * under a secret of this process. Equal keys give equal passwords (so Tor may put their streams on
 * one circuit), different keys different ones (Tor's IsolateSOCKSAuth keeps them apart; Tor
 * versions before proposal 351 isolate on the raw bytes, which differ too). The client's own
 * credentials never leave this process: only a keyed hash of the whole key does.
 *
 * <p>Thread-safe.
 */
public final class UpstreamCredentials {

  /** The proposal 351 username for format 0. */
  public static final byte[] USERNAME = "<torS0X>0".getBytes(StandardCharsets.US_ASCII);

  private static final String HMAC = "HmacSHA256";

  private final byte[] secret;

  private UpstreamCredentials(byte[] secret) {
    this.secret = secret;
  }

  /** Returns credentials under a fresh random secret: stable for this process's lifetime. */
  public static UpstreamCredentials random() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return new UpstreamCredentials(secret);
  }

  /** Returns credentials under a given secret (tests; deployments that want stable keys). */
  public static UpstreamCredentials withSecret(byte[] secret) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("the secret needs at least 16 bytes");
    }
    return new UpstreamCredentials(secret.clone());
  }

  /** Returns the username: always {@code <torS0X>0}. */
  public byte[] username() {
    return USERNAME.clone();
  }

  /** Returns the password for {@code key}: 64 lower-case hex characters. */
  public byte[] password(IsolationKey key) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(secret, HMAC));
      return HexFormat.of()
          .formatHex(mac.doFinal(key.canonicalBytes()))
          .getBytes(StandardCharsets.US_ASCII);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }

  @Override
  public String toString() {
    return "UpstreamCredentials[<redacted>]";
  }
}
