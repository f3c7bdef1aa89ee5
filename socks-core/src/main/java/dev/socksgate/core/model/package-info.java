/**
 * The stream model: what a client asked for ({@link dev.socksgate.core.model.StreamRequest}), who
 * asked ({@link dev.socksgate.core.model.ClientInfo}), through which listener ({@link
 * dev.socksgate.core.model.ListenerSettings}), and the typed failures a stream can end in. All
 * values are immutable and validated at construction; credentials never appear in {@code
 * toString()}.
 */
package dev.socksgate.core.model;
