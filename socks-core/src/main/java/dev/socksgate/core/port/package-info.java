/**
 * The driven ports: what the core needs from the outside world, as interfaces that adapters in
 * other modules implement. Asynchronous ports return {@link java.util.concurrent.CompletionStage};
 * the core composes them without choosing threads, so callbacks run on the thread that completes
 * the stage (the NIO adapter completes on its event loop).
 */
package dev.socksgate.core.port;
