/**
 * Test support shared by the core's tests and, through the test-jar, by adapter modules: byte
 * vectors ({@link dev.socksgate.core.testing.Hex}) and ready-made clients and requests ({@link
 * dev.socksgate.core.testing.Requests}). Lives in a package that does not exist in main, so the
 * test-jar works on the class path next to the core module.
 */
package dev.socksgate.core.testing;
