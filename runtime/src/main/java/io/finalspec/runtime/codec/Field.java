package io.finalspec.runtime.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.finalspec.runtime.value.BoolValue;
import io.finalspec.runtime.value.FcnShape;
import io.finalspec.runtime.value.FcnValue;
import io.finalspec.runtime.value.IntValue;
import io.finalspec.runtime.value.SetValue;
import io.finalspec.runtime.value.Tla;
import io.finalspec.runtime.value.TlaEvalException;
import io.finalspec.runtime.value.TupleValue;
import io.finalspec.runtime.value.Universe;
import io.finalspec.runtime.value.Value;
import io.finalspec.runtime.value.ValueOrder;

/**
 * How the values of one inferred type are written as bits: the building block of a generated
 * machine's {@link PackedCodec}. A field with finitely many values (at most 2^62) numbers them
 * 0..n-1 and writes the number in the fewest bits; a set of such values is a bit set over that
 * numbering. Decoding gives a value equal to the one encoded (TLA+ equality, same fingerprint),
 * built from the values the machine gave the field (its own strings and model values, so their
 * order is the machine's). Writing a value outside the type throws {@link OutOfTypeException}.
 *
 * <p>Fields are immutable and thread-safe once built; building one enumerates the sets it is given
 * and fails ({@link TlaEvalException}) when one is infinite or too large to number.
 */
public abstract sealed class Field permits Field.Bool, Field.Int32, Field.Members, Field.Components, Field.PartialFunction, Field.SetOf,
        Field.SeqOf {
    /** At most this many values are numbered for a member field or a bit set (a bit set has one bit per value). */
    public static final int MAX_MEMBERS = 1 << 16;
    /** A bit set spans at most this many bits (values of its element type). */
    public static final int MAX_SET_BITS = 4096;

    /** The number of values, or -1 when there are more than 2^62. */
    public abstract long cardinality();

    /** The value's number in {@code [0, cardinality())}; only when the cardinality is known. */
    abstract long code(Value v);

    /** The value numbered {@code code}. */
    abstract Value decode(long code);

    /**
     * Bits per value, computed on first use (encoding asks for them per value, and a composite
     * field's are a walk over its parts). A racing first use computes the same number twice.
     */
    private int bits = -1;

    /** Bits per value. */
    public final int bits() {
        int b = bits;
        if (b < 0) {
            long n = cardinality();
            b = n >= 0 ? bitsFor(n) : wideBits();
            bits = b;
        }
        return b;
    }

    /** Bits of a field with more than 2^62 values. */
    int wideBits() {
        throw new IllegalStateException("no wide encoding");
    }

    void write(Value v, BitCursor out) {
        out.put(code(v), bits());
    }

    Value read(BitCursor in) {
        return decode(in.take(bits()));
    }

    /** A short description of the type for messages. */
    public abstract String describe();

    /** Whether a value of the type may not fit (an open sequence longer than its slots, at any depth). */
    boolean mayOverflow() {
        return false;
    }

    /** Slots of an {@link #openSeqOf} sequence: longer ones do not fit (their states wait as objects). */
    public static final int OPEN_SLOTS = 8;

    /**
     * Thrown by {@link #write} for a value of the type that does not fit its slots; the codec then
     * declines the state. Preallocated, without a stack trace: it is an answer, not an error.
     */
    static final class Overflow extends RuntimeException {
        static final Overflow INSTANCE = new Overflow();

        private Overflow() {
            super("does not fit", null, false, false);
        }
    }

    static int bitsFor(long n) {
        return n <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(n - 1);
    }

    static OutOfTypeException outside(Value v, Field f) {
        return new OutOfTypeException("value " + v + " is not of type " + f.describe());
    }

    // ------------------------------------------------------------------ factories (generated code calls these)

    /** {@code BOOLEAN}. */
    public static Field bool() {
        return Bool.INSTANCE;
    }

    /** Any integer (TLC's integers are 32-bit: a wider result is an overflow error before it reaches a state). */
    public static Field int32() {
        return Int32.INSTANCE;
    }

    /** The elements of the union of {@code sets} (finite sets of any values). */
    public static Field members(Value... sets) {
        return new Members(sets);
    }

    /** Records with exactly the fields {@code names}, field {@code names[i]} of type {@code fields[i]}. */
    public static Field record(Value[] names, Field... fields) {
        return new Function(names, fields);
    }

    /** Functions with domain exactly {@code domain} (a finite set) and values of type {@code range}. */
    public static Field function(Value domain, Field range) {
        Value[] keys = elements(domain);
        Field[] ranges = new Field[keys.length];
        Arrays.fill(ranges, range);
        return new Function(keys, ranges);
    }

    /**
     * Functions whose domain is any subset of the union of {@code keys} (finite sets), with values
     * of type {@code range}: the partial functions a spec grows with {@code :>} and {@code @@}.
     */
    public static Field partialFunction(Field range, Value... keys) {
        List<Value> all = new ArrayList<>();
        for (Value set : keys) {
            all.addAll(Arrays.asList(elements(set)));
        }
        all.sort(ValueOrder::compare);
        List<Value> distinct = new ArrayList<>();
        for (Value k : all) {
            if (distinct.isEmpty() || ValueOrder.compare(distinct.get(distinct.size() - 1), k) != 0) {
                distinct.add(k);
            }
        }
        if (distinct.size() > MAX_MEMBERS) {
            throw new TlaEvalException("a set of " + distinct.size() + " keys is too large to number for a state encoding");
        }
        return new PartialFunction(distinct.toArray(new Value[0]), range);
    }

    /** Finite sets of values of type {@code element}, as a bit set over its numbering. */
    public static Field setOf(Field element) {
        return new SetOf(element);
    }

    /** Sequences of at most {@code maxLength} values of type {@code element}: the length, then a slot per position. */
    public static Field seqOf(Field element, int maxLength) {
        return new SeqOf(element, maxLength, false);
    }

    /**
     * Sequences of any length (a queue that {@code Append} grows) of values of type {@code element}:
     * the length, then {@link #OPEN_SLOTS} slots; a longer sequence does not fit, and its state is
     * kept as an object ({@link io.finalspec.runtime.machine.StateCodec#encode} returns false).
     */
    public static Field openSeqOf(Field element) {
        return new SeqOf(element, OPEN_SLOTS, true);
    }

    /** Tuples of exactly {@code components.length} values, the i-th of type {@code components[i]}. */
    public static Field tuple(Field... components) {
        return new TupleOf(components);
    }

    private static Value[] elements(Value set) {
        SetValue s = Tla.asSet(set);
        if (!s.isFinite()) {
            throw new TlaEvalException("an infinite set has no state encoding");
        }
        if (s.size() > MAX_MEMBERS) {
            throw new TlaEvalException("a set of " + s.size() + " values is too large to number for a state encoding");
        }
        List<Value> out = new ArrayList<>();
        for (Value v : s) {
            out.add(v);
        }
        return out.toArray(new Value[0]);
    }

    // ------------------------------------------------------------------ the fields

    static final class Bool extends Field {
        static final Bool INSTANCE = new Bool();

        @Override
        public long cardinality() {
            return 2;
        }

        @Override
        long code(Value v) {
            if (v instanceof BoolValue b) {
                return b.value() ? 1 : 0;
            }
            throw outside(v, this);
        }

        @Override
        Value decode(long code) {
            return BoolValue.of(code != 0);
        }

        @Override
        public String describe() {
            return "BOOLEAN";
        }
    }

    static final class Int32 extends Field {
        static final Int32 INSTANCE = new Int32();

        @Override
        public long cardinality() {
            return -1;
        }

        @Override
        long code(Value v) {
            throw new IllegalStateException("integers are not numbered");
        }

        @Override
        Value decode(long code) {
            throw new IllegalStateException("integers are not numbered");
        }

        @Override
        int wideBits() {
            return 32;
        }

        @Override
        void write(Value v, BitCursor out) {
            if (v instanceof IntValue i) {
                out.put(i.value(), 32);
                return;
            }
            throw outside(v, this);
        }

        @Override
        Value read(BitCursor in) {
            return IntValue.of((int) in.take(32));
        }

        @Override
        public String describe() {
            return "Int";
        }
    }

    /** The values of finite sets, numbered in the order the sets enumerate them (repeats once). */
    static final class Members extends Field {
        private final Value[] members;
        private final Map<Value, Integer> codes = new HashMap<>();
        /** Up to this many members, a value is first looked for by identity, before hashing. */
        private static final int IDENTITY_SCAN = 16;
        /** When every member is an integer of one interval {@code lo..lo+n-1}: {@code lo}, else null. */
        private final Integer lo;

        Members(Value... sets) {
            List<Value> all = new ArrayList<>();
            for (Value s : sets) {
                for (Value v : elements(s)) {
                    // equal values (a union's repeats) share one number
                    if (codes.putIfAbsent(v, all.size()) == null) {
                        all.add(v);
                    }
                    if (all.size() > MAX_MEMBERS) {
                        throw new TlaEvalException("more than " + MAX_MEMBERS + " values to number for a state encoding");
                    }
                }
            }
            members = all.toArray(new Value[0]);
            lo = interval(members);
        }

        private static Integer interval(Value[] members) {
            if (members.length == 0 || !(members[0] instanceof IntValue first)) {
                return null;
            }
            for (int i = 0; i < members.length; i++) {
                if (!(members[i] instanceof IntValue v) || (long) v.value() - first.value() != i) {
                    return null;
                }
            }
            return first.value();
        }

        @Override
        public long cardinality() {
            return members.length;
        }

        @Override
        long code(Value v) {
            if (lo != null && v instanceof IntValue i) {
                long c = (long) i.value() - lo;
                if (c >= 0 && c < members.length) {
                    return c;
                }
                throw outside(v, this);
            }
            if (members.length <= IDENTITY_SCAN) {
                // most values come from the same table as the members: the very same objects
                for (int i = 0; i < members.length; i++) {
                    if (members[i] == v) {
                        return i;
                    }
                }
            }
            Integer c = codes.get(v);
            if (c == null) {
                throw outside(v, this);
            }
            return c;
        }

        @Override
        Value decode(long code) {
            return members[(int) code];
        }

        @Override
        public String describe() {
            return Arrays.toString(members);
        }
    }

    /**
     * Values made of a fixed number of components, each of a field of its own: functions over one
     * fixed finite domain (records among them) and tuples of one length. Numbered in mixed radix
     * while the product of the components' cardinalities is at most 2^62; else written component
     * after component.
     */
    abstract static sealed class Components extends Field permits Function, TupleOf {
        private final Field[] parts;
        /** Each part's cardinality: the radix of its digit. */
        private final long[] radices;
        private final long cardinality;
        /** The values decoded last, when they are numbered (else null). */
        private final DecodeCache decoded;

        Components(Field[] parts) {
            this.parts = parts;
            this.radices = new long[parts.length];
            long n = 1;
            for (int i = 0; i < parts.length; i++) {
                long k = parts[i].cardinality();
                radices[i] = k;
                if (n >= 0) {
                    n = k < 0 || (k > 0 && n > (1L << 62) / k) ? -1 : n * k;
                }
            }
            this.cardinality = n;
            this.decoded = n > 0 ? new DecodeCache(n, this::build) : null;
        }

        /** {@code v} as components in this field's order, or an {@link OutOfTypeException}. */
        abstract FcnValue components(Value v);

        /** The value of these components. */
        abstract Value make(Value[] components);

        /** What one component is called in {@link #describe} ({@code "k: "} for a key, {@code ""} for a position). */
        abstract String label(int i);

        @Override
        public long cardinality() {
            return cardinality;
        }

        @Override
        long code(Value v) {
            FcnValue f = components(v);
            long c = 0;
            for (int i = parts.length - 1; i >= 0; i--) {
                c = c * radices[i] + parts[i].code(f.valueAt(i));
            }
            return c;
        }

        @Override
        Value decode(long code) {
            return decoded.get(code);
        }

        private Value build(long code) {
            Value[] vals = new Value[parts.length];
            for (int i = 0; i < parts.length; i++) {
                long n = radices[i];
                vals[i] = parts[i].decode(code % n);
                code /= n;
            }
            return make(vals);
        }

        @Override
        int wideBits() {
            int b = 0;
            for (Field c : parts) {
                b += c.bits();
            }
            return b;
        }

        @Override
        void write(Value v, BitCursor out) {
            if (cardinality >= 0) {
                super.write(v, out);
                return;
            }
            FcnValue f = components(v);
            for (int i = 0; i < parts.length; i++) {
                parts[i].write(f.valueAt(i), out);
            }
        }

        @Override
        Value read(BitCursor in) {
            if (cardinality >= 0) {
                return super.read(in);
            }
            Value[] vals = new Value[parts.length];
            for (int i = 0; i < parts.length; i++) {
                vals[i] = parts[i].read(in);
            }
            return make(vals);
        }

        @Override
        boolean mayOverflow() {
            for (Field c : parts) {
                if (c.mayOverflow()) {
                    return true;
                }
            }
            return false;
        }

        String describe(String open, String close) {
            StringBuilder sb = new StringBuilder(open);
            for (int i = 0; i < parts.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(label(i)).append(parts[i].describe());
            }
            return sb.append(close).toString();
        }
    }

    /** Functions (records among them) with one fixed finite domain, a component per domain element. */
    static final class Function extends Components {
        /** The domain in TLC's order (the order of every function value's {@code keyAt}). */
        private final Value[] keys;
        /** Builds the decoded functions over {@code keys} without sorting them again. */
        private final FcnShape shape;

        Function(Value[] keys, Field[] ranges) {
            this(Domain.sorted(keys, ranges));
        }

        private Function(Domain domain) {
            super(domain.ranges());
            this.keys = domain.keys();
            this.shape = FcnShape.of(this.keys);
        }

        @Override
        FcnValue components(Value v) {
            if (!(v instanceof FcnValue f) || f.size() != keys.length) {
                throw outside(v, this);
            }
            for (int i = 0; i < keys.length; i++) {
                Value k = f.keyAt(i);
                if (k != keys[i] && !ValueOrder.equal(k, keys[i])) {
                    throw outside(v, this);
                }
            }
            return f;
        }

        @Override
        Value make(Value[] components) {
            return shape.make(components);
        }

        @Override
        String label(int i) {
            return keys[i] + ": ";
        }

        @Override
        public String describe() {
            return describe("[", "]");
        }
    }

    /**
     * Functions whose domain is a subset of one finite set of keys: for each key, absent or a value
     * of the range type. Numbered in mixed radix while small (per key: 0 when absent, else one more
     * than the value's number), else key after key: a presence bit, then the value's bits (zero
     * when absent).
     */
    static final class PartialFunction extends Field {
        /** Above this many keys the shape of each domain is not kept (one per subset). */
        private static final int MAX_KEPT_SHAPES_KEYS = 12;
        /** The keys in TLC's order (the order of every function value's {@code keyAt}). */
        private final Value[] keys;
        private final Field range;
        private final long cardinality;
        /** The range's cardinality and one (a key may have no value): the radix of a key's digit. */
        private final long radix;
        /** The values decoded last, when they are numbered (else null). */
        private final DecodeCache decoded;
        /** The shape of the functions over each subset of the keys (by bit mask), built on first use; null when there are too many. */
        private final FcnShape[] shapes;

        /** {@code keys}: distinct, in TLC's order ({@link #partialFunction} sorts the union of the key sets). */
        PartialFunction(Value[] keys, Field range) {
            this.keys = keys;
            this.range = range;
            this.radix = range.cardinality() < 0 ? -1 : range.cardinality() + 1;
            long n = 1;
            for (int i = 0; i < keys.length && n >= 0; i++) {
                n = radix < 0 || n > (1L << 62) / radix ? -1 : n * radix;
            }
            this.cardinality = n;
            this.decoded = n > 0 ? new DecodeCache(n, this::build) : null;
            this.shapes = keys.length <= MAX_KEPT_SHAPES_KEYS ? new FcnShape[1 << keys.length] : null;
        }

        @Override
        public long cardinality() {
            return cardinality;
        }

        private FcnValue function(Value v) {
            if (!(v instanceof FcnValue f) || f.size() > keys.length) {
                throw outside(v, this);
            }
            return f;
        }

        /**
         * For each key (in order), the index of its value in {@code f}, or -1 when {@code f} has no
         * value there; an {@link OutOfTypeException} when {@code f} has a key that is not one of them.
         */
        private int[] positions(FcnValue f) {
            int[] at = new int[keys.length];
            int j = 0;
            for (int i = 0; i < keys.length; i++) {
                int c = j < f.size() ? compare(f.keyAt(j), keys[i]) : 1;
                if (c < 0) {
                    throw outside(f, this); // f's key j is below keys[i], and was not an earlier key
                }
                at[i] = c == 0 ? j++ : -1;
            }
            if (j < f.size()) {
                throw outside(f, this);
            }
            return at;
        }

        private static int compare(Value a, Value b) {
            return a == b ? 0 : ValueOrder.compare(a, b);
        }

        @Override
        long code(Value v) {
            FcnValue f = function(v);
            int[] at = positions(f);
            long c = 0;
            for (int i = keys.length - 1; i >= 0; i--) {
                c = c * radix + (at[i] < 0 ? 0 : 1 + range.code(f.valueAt(at[i])));
            }
            return c;
        }

        @Override
        Value decode(long code) {
            return decoded.get(code);
        }

        private Value build(long code) {
            Value[] vals = new Value[keys.length];
            for (int i = 0; i < keys.length; i++) {
                long digit = code % radix;
                code /= radix;
                vals[i] = digit == 0 ? null : range.decode(digit - 1);
            }
            return make(vals);
        }

        /** The function with a value at each key where {@code vals} (in key order) has one. */
        private Value make(Value[] vals) {
            int count = 0;
            int mask = 0;
            for (int i = 0; i < vals.length; i++) {
                if (vals[i] != null) {
                    count++;
                    mask |= shapes != null ? 1 << i : 0;
                }
            }
            Value[] present = new Value[count];
            Value[] at = new Value[count];
            int k = 0;
            for (int i = 0; i < vals.length; i++) {
                if (vals[i] != null) {
                    present[k] = keys[i];
                    at[k++] = vals[i];
                }
            }
            if (shapes == null) {
                return FcnShape.of(present).make(at);
            }
            FcnShape shape = shapes[mask];
            if (shape == null) {
                shape = FcnShape.of(present); // immutable: a race builds it twice, harmlessly
                shapes[mask] = shape;
            }
            return shape.make(at);
        }

        @Override
        int wideBits() {
            return keys.length * (1 + range.bits());
        }

        @Override
        void write(Value v, BitCursor out) {
            if (cardinality >= 0) {
                super.write(v, out);
                return;
            }
            FcnValue f = function(v);
            int[] at = positions(f);
            for (int i = 0; i < keys.length; i++) {
                if (at[i] < 0) {
                    out.put(0, 1);
                    out.skip(range.bits());
                } else {
                    out.put(1, 1);
                    range.write(f.valueAt(at[i]), out);
                }
            }
        }

        @Override
        Value read(BitCursor in) {
            if (cardinality >= 0) {
                return super.read(in);
            }
            Value[] vals = new Value[keys.length];
            for (int i = 0; i < keys.length; i++) {
                if (in.take(1) == 0) {
                    in.skip(range.bits());
                } else {
                    vals[i] = range.read(in);
                }
            }
            return make(vals);
        }

        @Override
        boolean mayOverflow() {
            return range.mayOverflow();
        }

        @Override
        public String describe() {
            StringBuilder sb = new StringBuilder("[SUBSET {");
            for (int i = 0; i < keys.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(keys[i]);
            }
            return sb.append("} -> ").append(range.describe()).append(']').toString();
        }
    }

    /** A function field's keys in TLC's order, and their ranges in the same order. */
    private record Domain(Value[] keys, Field[] ranges) {
        /** Sorts {@code keys} (a duplicate is an error) and {@code ranges} with them. */
        static Domain sorted(Value[] keys, Field[] ranges) {
            if (keys.length != ranges.length) {
                throw new IllegalArgumentException(keys.length + " keys but " + ranges.length + " fields");
            }
            Integer[] order = new Integer[keys.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> ValueOrder.compare(keys[a], keys[b]));
            Value[] k = new Value[keys.length];
            Field[] r = new Field[keys.length];
            for (int i = 0; i < order.length; i++) {
                k[i] = keys[order[i]];
                r[i] = ranges[order[i]];
                if (i > 0 && ValueOrder.compare(k[i - 1], k[i]) == 0) {
                    throw new TlaEvalException("duplicate domain element " + k[i]);
                }
            }
            return new Domain(k, r);
        }
    }

    /** Sets of values of a numbered type: one bit per value. */
    static final class SetOf extends Field {
        private final Field element;
        private final int universe;
        /** The element type's values (decoded once, shared by every decoded set) in TLC's order. */
        private final Universe members;
        /** The sets decoded last, when they are numbered (else null). */
        private final DecodeCache decoded;

        SetOf(Field element) {
            long n = element.cardinality();
            if (n < 0 || n > MAX_SET_BITS) {
                throw new TlaEvalException("a set over " + (n < 0 ? "too many" : n) + " values is too wide for a state encoding");
            }
            this.element = element;
            this.universe = (int) n;
            Value[] all = new Value[universe];
            for (int c = 0; c < universe; c++) {
                all[c] = element.decode(c);
            }
            this.members = Universe.of(all);
            this.decoded = universe <= 62 ? new DecodeCache(1L << universe, members::fromBits) : null;
        }

        @Override
        public long cardinality() {
            return universe <= 62 ? 1L << universe : -1;
        }

        private SetValue set(Value v) {
            if (!(v instanceof SetValue s) || !s.isFinite()) {
                throw outside(v, this);
            }
            return s;
        }

        @Override
        long code(Value v) {
            long bits = 0;
            for (Value e : set(v)) {
                bits |= 1L << element.code(e);
            }
            return bits;
        }

        @Override
        Value decode(long code) {
            return decoded.get(code);
        }

        @Override
        int wideBits() {
            return universe;
        }

        @Override
        void write(Value v, BitCursor out) {
            if (universe <= 62) {
                super.write(v, out);
                return;
            }
            long[] bits = new long[(universe + 63) / 64];
            for (Value e : set(v)) {
                long c = element.code(e);
                bits[(int) (c >>> 6)] |= 1L << (c & 63);
            }
            for (int w = 0; w < bits.length; w++) {
                out.put(bits[w], Math.min(64, universe - 64 * w));
            }
        }

        @Override
        Value read(BitCursor in) {
            if (universe <= 62) {
                return super.read(in);
            }
            long[] words = new long[(universe + 63) / 64];
            for (int w = 0; w < words.length; w++) {
                words[w] = in.take(Math.min(64, universe - 64 * w));
            }
            return members.fromBits(words);
        }

        @Override
        public String describe() {
            return "SUBSET " + element.describe();
        }
    }

    /**
     * Sequences (tuples) of bounded length: the length, then {@code maxLength} slots (the unused
     * ones zero). Numbered in mixed radix while small, else written slot after slot.
     */
    static final class SeqOf extends Field {
        private final Field element;
        private final int maxLength;
        /** Whether longer sequences are of the type too (they do not fit: {@link Overflow}). */
        private final boolean open;
        private final long cardinality;
        /** The element's cardinality (at least 1): the radix of a slot's digit. */
        private final long radix;
        /** Bits of the length. */
        private final int lengthBits;
        /** The sequences decoded last, when they are numbered (else null). */
        private final DecodeCache decoded;

        SeqOf(Field element, int maxLength, boolean open) {
            if (maxLength < 0) {
                throw new IllegalArgumentException("maxLength " + maxLength);
            }
            this.element = element;
            this.maxLength = maxLength;
            this.open = open;
            long c = element.cardinality();
            this.radix = Math.max(1, c);
            this.lengthBits = bitsFor(maxLength + 1L);
            long n = maxLength + 1L;
            for (int i = 0; i < maxLength && n >= 0; i++) {
                n = c < 0 || (c > 0 && n > (1L << 62) / c) ? -1 : n * radix;
            }
            // an open sequence has values beyond its slots: not a finite type, never numbered
            this.cardinality = open ? -1 : n;
            this.decoded = n > 0 ? new DecodeCache(n, this::build) : null;
        }

        @Override
        public long cardinality() {
            return cardinality;
        }

        private TupleValue tuple(Value v) {
            if (!(v instanceof TupleValue t)) {
                throw outside(v, this);
            }
            if (t.size() > maxLength) {
                throw open ? Overflow.INSTANCE : outside(v, this);
            }
            return t;
        }

        @Override
        boolean mayOverflow() {
            return open || element.mayOverflow();
        }

        @Override
        long code(Value v) {
            TupleValue t = tuple(v);
            long c = 0;
            for (int i = maxLength - 1; i >= 0; i--) {
                c = c * radix + (i < t.size() ? element.code(t.valueAt(i)) : 0);
            }
            return c * (maxLength + 1L) + t.size();
        }

        @Override
        Value decode(long code) {
            return decoded.get(code);
        }

        private Value build(long code) {
            int length = (int) (code % (maxLength + 1L));
            code /= maxLength + 1L;
            Value[] vals = new Value[length];
            for (int i = 0; i < length; i++) {
                vals[i] = element.decode(code % radix);
                code /= radix;
            }
            return Tla.tuple(vals);
        }

        @Override
        int wideBits() {
            return lengthBits + maxLength * element.bits();
        }

        @Override
        void write(Value v, BitCursor out) {
            if (cardinality >= 0) {
                super.write(v, out);
                return;
            }
            TupleValue t = tuple(v);
            out.put(t.size(), lengthBits);
            for (int i = 0; i < t.size(); i++) {
                element.write(t.valueAt(i), out);
            }
            out.skip((maxLength - t.size()) * element.bits());
        }

        @Override
        Value read(BitCursor in) {
            if (cardinality >= 0) {
                return super.read(in);
            }
            int length = (int) in.take(lengthBits);
            Value[] vals = new Value[length];
            for (int i = 0; i < length; i++) {
                vals[i] = element.read(in);
            }
            in.skip((maxLength - length) * element.bits());
            return Tla.tuple(vals);
        }

        @Override
        public String describe() {
            return "Seq(" + element.describe() + (open ? ") packed up to length " : ") of length <= ") + maxLength;
        }
    }
    /** Tuples of one fixed length, each position of its own type ({@code <<p, 1>>} of a process and a number). */
    static final class TupleOf extends Components {
        private final int length;

        TupleOf(Field[] components) {
            super(components.clone());
            if (components.length == 0) {
                throw new IllegalArgumentException("a tuple field needs a component");
            }
            this.length = components.length;
        }

        @Override
        FcnValue components(Value v) {
            if (!(v instanceof TupleValue t) || t.size() != length) {
                throw outside(v, this);
            }
            return t;
        }

        @Override
        Value make(Value[] components) {
            return Tla.tuple(components);
        }

        @Override
        String label(int i) {
            return "";
        }

        @Override
        public String describe() {
            return describe("<<", ">>");
        }
    }
}
