package io.finalspec.runtime.machine;

import io.finalspec.runtime.value.BinaryValues;
import io.finalspec.runtime.value.Value;

/**
 * A machine's states as bytes, for states that leave the JVM: the machine's {@link StateCodec}
 * words when it has one that takes every state (8 bytes a word; a codec that may decline a state,
 * {@link StateCodec#mayDecline}, is not used here, since a receiver reads a fixed width), else each variable in {@link BinaryValues}' tagged form:
 * the machine's own names as their fixed rank, names met while running spelled out once per state. Decoding gives a state equal to the encoded one, with the same
 * fingerprint, in any JVM running the same machine (names are interned in its own table).
 *
 * <p>One instance per thread: it keeps its buffers between calls.
 */
public final class StateBytes {
    private final Machine machine;
    private final StateCodec codec;
    private final int variables;
    private final BinaryValues.Writer writer;
    private final BinaryValues.Reader reader;
    private final long[] words;

    public StateBytes(Machine machine) {
        this.machine = machine;
        StateCodec c = machine.codec();
        this.codec = c == null || c.mayDecline() ? null : c;
        this.variables = machine.variables().size();
        this.writer = new BinaryValues.Writer(machine.names());
        this.reader = new BinaryValues.Reader(machine.names());
        this.words = codec == null ? null : new long[codec.words()];
    }

    /** Whether states travel as the machine's fixed-width codec words (else as tagged values). */
    public boolean packed() {
        return codec != null;
    }

    /** The bytes of {@code s}. */
    public byte[] encode(State s) {
        if (codec != null) {
            if (!codec.encode(s, words, 0)) {
                throw new IllegalStateException("a state codec that takes every state declined " + s);
            }
            byte[] out = new byte[words.length * Long.BYTES];
            for (int w = 0; w < words.length; w++) {
                long v = words[w];
                for (int b = 0; b < Long.BYTES; b++) {
                    out[w * Long.BYTES + b] = (byte) (v >>> (8 * b));
                }
            }
            return out;
        }
        writer.reset();
        for (int i = 0; i < variables; i++) {
            writer.write(s.get(i));
        }
        return writer.toByteArray();
    }

    /** The state whose bytes start at {@code in[at]} (as written by {@link #encode}). */
    public State decode(byte[] in, int at) {
        if (codec != null) {
            for (int w = 0; w < words.length; w++) {
                long v = 0;
                for (int b = 0; b < Long.BYTES; b++) {
                    v |= (in[at + w * Long.BYTES + b] & 0xFFL) << (8 * b);
                }
                words[w] = v;
            }
            return codec.decode(words, 0);
        }
        reader.reset(in, at);
        Value[] values = new Value[variables];
        for (int i = 0; i < variables; i++) {
            values[i] = reader.read();
        }
        return machine.state(values);
    }
}
