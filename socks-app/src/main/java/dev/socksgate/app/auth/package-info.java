/**
 * RFC 1929 credential checking for {@code --auth-file}: a file of salted PBKDF2 hashes and an
 * {@link dev.socksgate.core.port.Authenticator} that verifies against it off the event loop.
 */
package dev.socksgate.app.auth;
