package dev.socksgate.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.socksgate.codec.http.HttpRequestHead;
import dev.socksgate.codec.proxy.ProxyHeader;
import dev.socksgate.codec.v4.Socks4Reply;
import dev.socksgate.codec.v4.Socks4Request;
import dev.socksgate.codec.v5.PasswordAuthReply;
import dev.socksgate.codec.v5.PasswordAuthRequest;
import dev.socksgate.codec.v5.Socks5Greeting;
import dev.socksgate.codec.v5.Socks5MethodSelection;
import dev.socksgate.codec.v5.Socks5Reply;
import dev.socksgate.codec.v5.Socks5Request;

/**
 * One Jazzer fuzz target per decoder; each checks the whole decoding contract of {@link
 * DecoderOracle} on whatever bytes the fuzzer makes.
 *
 * <p>A plain {@code verify} runs these in regression mode: each target replays the inputs stored in
 * {@code src/test/resources/dev/socksgate/codec/DecoderFuzzTestInputs/<method>/}. To fuzz one
 * target (only the first fuzz test in a JVM is fuzzed, so select exactly one):
 *
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -B -ntp -pl socks-codec test -Dtest=DecoderFuzzTest#socks5Request \
 *     -Djazzer.max_duration=5m
 * </pre>
 *
 * <p>{@code jazzer.max_duration} overrides the short {@code maxDuration} below (see
 * docs/testing.md).
 */
class DecoderFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void socks4Request(byte[] data) {
    DecoderOracle.check(data, Socks4Request::decode, Socks4Request::toBytes);
  }

  @FuzzTest(maxDuration = "10s")
  void socks4Reply(byte[] data) {
    DecoderOracle.check(data, Socks4Reply::decode, Socks4Reply::toBytes);
  }

  @FuzzTest(maxDuration = "10s")
  void socks5Greeting(byte[] data) {
    DecoderOracle.check(data, Socks5Greeting::decode, Socks5Greeting::toBytes);
  }

  @FuzzTest(maxDuration = "10s")
  void socks5MethodSelection(byte[] data) {
    DecoderOracle.check(data, Socks5MethodSelection::decode, Socks5MethodSelection::toBytes);
  }

  @FuzzTest(maxDuration = "10s")
  void passwordAuthRequest(byte[] data) {
    DecoderOracle.check(data, PasswordAuthRequest::decode, PasswordAuthRequest::toBytes);
  }

  @FuzzTest(maxDuration = "10s")
  void passwordAuthReply(byte[] data) {
    DecoderOracle.check(data, PasswordAuthReply::decode, PasswordAuthReply::toBytes);
  }

  @FuzzTest(maxDuration = "10s")
  void socks5Request(byte[] data) {
    DecoderOracle.check(data, Socks5Request::decode, Socks5Request::toBytes);
  }

  @FuzzTest(maxDuration = "10s")
  void socks5Reply(byte[] data) {
    DecoderOracle.check(data, Socks5Reply::decode, Socks5Reply::toBytes);
  }

  @FuzzTest(maxDuration = "10s")
  void httpRequestHead(byte[] data) {
    DecoderOracle.check(data, HttpRequestHead::decode, HttpRequestHead::toBytes);
  }

  @FuzzTest(maxDuration = "10s")
  void proxyHeader(byte[] data) {
    DecoderOracle.checkByValue(data, ProxyHeader::decode, ProxyHeader::toBytes);
  }
}
