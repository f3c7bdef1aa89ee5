/**
 * Implementation details of the codec: bounds-checked reading and the shared address encoding. Not
 * exported; nothing here is API.
 */
package dev.socksgate.codec.internal;
