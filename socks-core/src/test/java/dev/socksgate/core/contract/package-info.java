/**
 * Abstract contract tests, one per driven port: every implementation, fake or real, extends the
 * port's contract. Published in the core's test-jar for the adapter modules; the core's own fakes
 * ({@code dev.socksgate.core.fakes}) pass them too.
 */
package dev.socksgate.core.contract;
