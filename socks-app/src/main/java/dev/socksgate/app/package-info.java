/** The {@code socksgate} command: {@link dev.socksgate.app.Main}. */
package dev.socksgate.app;
