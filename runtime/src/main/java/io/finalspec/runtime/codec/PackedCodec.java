package io.finalspec.runtime.codec;

import java.util.List;
import java.util.function.Function;

import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.machine.StateCodec;
import io.finalspec.runtime.value.Value;

/**
 * A generated machine's {@link StateCodec}: one {@link Field} per variable, in declaration order,
 * written bit after bit into the fewest {@code long} words. The code generator emits the fields
 * from the types its type pass inferred; {@code build} is the machine's {@code State} constructor,
 * so a decoded state is of the machine's own class and computes the same fingerprint, and
 * {@code known} (optional) its constructor for a state whose fingerprint the explorer stored.
 *
 * <p>A value outside its variable's field means the inferred type was wrong: encoding stops with
 * an {@link OutOfTypeException} naming the variable (an internal error), never with a wrong word.
 */
public final class PackedCodec implements StateCodec {
    private final List<String> variables;
    private final Field[] fields;
    /** Each field's bits. */
    private final int[] widths;
    private final Function<Value[], State> build;
    private final KnownFingerprint known;
    private final int words;
    private final boolean mayDecline;

    /** The machine's constructor of a state from its values and its fingerprint, computed before. */
    @FunctionalInterface
    public interface KnownFingerprint {
        State build(Value[] values, long fingerprint);
    }

    public PackedCodec(List<String> variables, List<Field> fields, Function<Value[], State> build) {
        this(variables, fields, build, null);
    }

    public PackedCodec(List<String> variables, List<Field> fields, Function<Value[], State> build,
            KnownFingerprint known) {
        if (variables.size() != fields.size()) {
            throw new IllegalArgumentException(variables.size() + " variables but " + fields.size() + " fields");
        }
        this.variables = List.copyOf(variables);
        this.fields = fields.toArray(new Field[0]);
        this.widths = new int[this.fields.length];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = this.fields[i].bits();
        }
        this.build = build;
        this.known = known;
        long bits = 0;
        for (int w : widths) {
            bits += w;
        }
        this.words = (int) Math.max(1, (bits + 63) / 64);
        boolean open = false;
        for (Field f : this.fields) {
            open |= f.mayOverflow();
        }
        this.mayDecline = open;
    }

    @Override
    public boolean mayDecline() {
        return mayDecline;
    }

    @Override
    public int words() {
        return words;
    }

    /** Bits per state (the sum of the fields' bits). */
    public int bits() {
        int b = 0;
        for (int w : widths) {
            b += w;
        }
        return b;
    }

    @Override
    public boolean encode(State state, long[] into, int at) {
        return encode(state, into, at, null, null, 0);
    }

    /** Copies the fields of the variables {@code state} shares with {@code parent}: fixed widths, the same place. */
    @Override
    public boolean encode(State state, long[] into, int at, State parent, long[] parentWords, int parentAt) {
        java.util.Arrays.fill(into, at, at + words, 0L);
        BitCursor out = new BitCursor(into, at);
        for (int i = 0; i < fields.length; i++) {
            Value v = state.get(i);
            if (parent != null && v == parent.get(i)) {
                out.copy(parentWords, parentAt, widths[i]);
                continue;
            }
            try {
                fields[i].write(v, out);
            } catch (Field.Overflow e) {
                java.util.Arrays.fill(into, at, at + words, 0L);
                return false;
            } catch (OutOfTypeException e) {
                java.util.Arrays.fill(into, at, at + words, 0L);
                throw new OutOfTypeException("internal error (a finalspec bug in the type pass): variable "
                        + variables.get(i) + " = " + state.get(i) + " is outside its inferred type "
                        + fields[i].describe() + " (" + e.getMessage() + ")");
            }
        }
        return true;
    }

    @Override
    public State decode(long[] from, int at) {
        return build.apply(values(from, at, null, null, 0));
    }

    @Override
    public State decode(long[] from, int at, long fingerprint) {
        return withFingerprint(values(from, at, null, null, 0), fingerprint);
    }

    @Override
    public State decodeAfter(long[] from, int at, State previous, long[] previousWords, int previousAt) {
        return build.apply(values(from, at, previous, previousWords, previousAt));
    }

    @Override
    public State decodeAfter(long[] from, int at, long fingerprint, State previous, long[] previousWords, int previousAt) {
        return withFingerprint(values(from, at, previous, previousWords, previousAt), fingerprint);
    }

    private State withFingerprint(Value[] values, long fingerprint) {
        return known == null ? build.apply(values) : known.build(values, fingerprint);
    }

    /**
     * The values written at {@code from[at ..]}; a field whose bits are those of {@code previous}'s
     * words (when given) takes {@code previous}'s value: encoding is one-to-one, so the same bits
     * are an equal value, and the object is shared instead of built.
     */
    private Value[] values(long[] from, int at, State previous, long[] previousWords, int previousAt) {
        BitCursor in = new BitCursor(from, at);
        Value[] values = new Value[fields.length];
        for (int i = 0; i < fields.length; i++) {
            if (previous != null && in.sameAs(previousWords, previousAt, widths[i])) {
                values[i] = previous.get(i);
                in.skip(widths[i]);
            } else {
                values[i] = fields[i].read(in);
            }
        }
        return values;
    }

    /** Per variable: its name, bits and type, one a line (what {@code gen} and the docs show). */
    public String layout() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            sb.append(variables.get(i)).append(": ").append(fields[i].bits()).append(" bits, ")
                    .append(fields[i].describe()).append('\n');
        }
        return sb.toString();
    }
}
