/**
 * In-memory fakes of the core's driven ports, for the core's own tests and, through the test-jar,
 * for the adapter and application modules. Each fake passes its port's contract test (see {@code
 * dev.socksgate.core.contract}). They never touch the network, never sleep and complete their
 * stages on the calling thread.
 */
package dev.socksgate.core.fakes;
