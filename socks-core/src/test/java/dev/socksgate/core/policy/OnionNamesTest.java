package dev.socksgate.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The v3 onion check: length, base32 alphabet, version byte 3 and the SHA3-256 checksum. */
class OnionNamesTest {

  @ParameterizedTest(name = "{0} valid={1}")
  @CsvSource({
    "duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion, true",
    "2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid.onion, true",
    "www.duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion, true",
    "a.b.duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion, true",
    "duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzcaad.onion, false",
    "duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczae.onion, false",
    "duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad1.onion, false",
    "duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzcza.onion, false",
    "duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzcz8d.onion, false",
    "duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onio, false",
    "duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad, false",
    "expyuzz4wqqyqhjn.onion, false",
    "abc.onion, false",
    ".onion, false"
  })
  void isValidV3(String name, boolean valid) {
    assertEquals(valid, OnionNames.isValidV3(name), name);
  }
}
