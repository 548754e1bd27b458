/**
 * Compact state encodings for generated machines: {@link io.finalspec.runtime.codec.Field}s built
 * from the code generator's inferred types, combined by {@link io.finalspec.runtime.codec.PackedCodec}
 * into the machine's {@link io.finalspec.runtime.machine.StateCodec}.
 */
package io.finalspec.runtime.codec;
