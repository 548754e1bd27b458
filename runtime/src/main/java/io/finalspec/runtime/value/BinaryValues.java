package io.finalspec.runtime.value;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact tagged binary form of finite values, for states that leave the JVM (the distributed
 * explorer's batches): one tag byte per value, integers and lengths as variable-length integers,
 * a name the machine's table was built with as its fixed rank, any other name spelled out once per
 * encoded unit and referred to by index after that.
 *
 * <p>A rank is the position in one machine's {@link NameTable} (TLC's intern order). The names the
 * table was built with (the generator's list) have the same rank in every JVM running the machine,
 * so they travel as that rank; a name first met while running (a {@code ToString} result) gets the
 * next free rank, which another JVM may have given to another name, so it travels as its text.
 * Decoding interns it in the receiving machine's table, so the value is equal and has the same
 * fingerprint there, and sorts in that machine's order. Sets, records and functions are rebuilt
 * through their normalizing constructors for the same reason.
 *
 * <p>Lazy sets travel as their elements (an interval as its bounds); an infinite set cannot be
 * encoded (no state of a checkable model holds one: TLC cannot fingerprint it either).
 */
public final class BinaryValues {
    private static final int FALSE = 0;
    private static final int TRUE = 1;
    private static final int INT = 2;
    private static final int STR = 3;
    private static final int MODEL = 4;
    private static final int NAME_REF = 5;
    private static final int SET = 6;
    private static final int INTERVAL = 7;
    private static final int TUPLE = 8;
    private static final int INT_FCN = 9;
    private static final int FCN = 10;
    private static final int STR_FIXED = 11;
    private static final int MODEL_FIXED = 12;

    private BinaryValues() {
    }

    /** Writes values into a growing buffer; names repeat as references until {@link #reset}. */
    public static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        private final Map<Object, Integer> names = new HashMap<>();
        private final NameTable table;

        /** A writer that spells out every name (for readers whose table is built from another list). */
        public Writer() {
            this(null);
        }

        /** A writer for readers whose table is built from the same list as {@code table} (the same machine). */
        public Writer(NameTable table) {
            this.table = table;
        }

        /** Starts a new unit: names written before are no longer referred to. */
        public void reset() {
            out.reset();
            names.clear();
        }

        public byte[] toByteArray() {
            return out.toByteArray();
        }

        public int size() {
            return out.size();
        }

        public void write(Value v) {
            switch (v.kind()) {
                case BOOL -> out.write(((BoolValue) v).value() ? TRUE : FALSE);
                case INT -> {
                    out.write(INT);
                    writeVarLong(zigzag(((IntValue) v).value()));
                }
                case STRING -> writeName(STR, ((StrValue) v).value(), v);
                case MODEL -> writeName(MODEL, ((ModelValue) v).name(), v);
                case SET -> writeSet((SetValue) v);
                case FUNCTION -> writeFcn((FcnValue) v);
                default -> throw new IllegalStateException("unknown kind " + v.kind());
            }
        }

        private void writeName(int tag, String text, Value v) {
            int fixed = table == null ? -1 : table.fixedRank(text);
            if (fixed >= 0) {
                out.write(tag == STR ? STR_FIXED : MODEL_FIXED);
                writeVarLong(fixed);
                return;
            }
            // keyed by kind and text: a string and a model value may share their text
            Object key = tag == STR ? text : List.of(text);
            Integer ref = names.get(key);
            if (ref != null) {
                out.write(NAME_REF);
                writeVarLong(ref);
                return;
            }
            names.put(key, names.size());
            out.write(tag);
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            writeVarLong(b.length);
            out.write(b, 0, b.length);
        }

        private void writeSet(SetValue s) {
            if (s instanceof IntervalValue iv) {
                out.write(INTERVAL);
                writeVarLong(zigzag(iv.lo));
                writeVarLong(zigzag(iv.hi));
                return;
            }
            if (!s.isFinite()) {
                throw new IllegalArgumentException("cannot encode the infinite set " + s);
            }
            EnumSetValue e = s.toEnum();
            out.write(SET);
            writeVarLong(e.size());
            for (Value x : e.elems) {
                write(x);
            }
        }

        private void writeFcn(FcnValue f) {
            int n = f.size();
            if (f instanceof TupleValue t) {
                out.write(TUPLE);
                writeVarLong(n);
                for (Value x : t.elems) {
                    write(x);
                }
            } else if (f instanceof IntFcnValue i) {
                out.write(INT_FCN);
                writeVarLong(zigzag(i.lo));
                writeVarLong(n);
                for (Value x : i.values) {
                    write(x);
                }
            } else {
                // records and every other function: key/value pairs (a record's keys are strings)
                out.write(FCN);
                writeVarLong(n);
                for (int k = 0; k < n; k++) {
                    write(f.keyAt(k));
                    write(f.valueAt(k));
                }
            }
        }

        private void writeVarLong(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }
    }

    /** Reads values written by a {@link Writer}, interning names in {@code table}. */
    public static final class Reader {
        private final NameTable table;
        private final List<Value> names = new ArrayList<>();
        private byte[] in;
        private int pos;

        public Reader(NameTable table) {
            this.table = table;
        }

        /** Starts reading a unit at {@code in[at]}. */
        public void reset(byte[] in, int at) {
            this.in = in;
            this.pos = at;
            names.clear();
        }

        /** The position after the last value read. */
        public int position() {
            return pos;
        }

        public Value read() {
            int tag = in[pos++];
            return switch (tag) {
                case FALSE -> BoolValue.FALSE;
                case TRUE -> BoolValue.TRUE;
                case INT -> IntValue.of(unzigzag(readVarLong()));
                case STR -> remember(table.str(readText()));
                case MODEL -> remember(table.modelValue(readText()));
                case NAME_REF -> names.get((int) readVarLong());
                case STR_FIXED -> table.str(table.fixedName((int) readVarLong()));
                case MODEL_FIXED -> table.modelValue(table.fixedName((int) readVarLong()));
                case SET -> EnumSetValue.of(readN(length()));
                case INTERVAL -> {
                    int lo = unzigzag(readVarLong());
                    yield new IntervalValue(lo, unzigzag(readVarLong()));
                }
                case TUPLE -> new TupleValue(readN(length()));
                case INT_FCN -> {
                    int lo = unzigzag(readVarLong());
                    Value[] vals = readN(length());
                    Value[] keys = new Value[vals.length];
                    for (int i = 0; i < keys.length; i++) {
                        keys[i] = IntValue.of(lo + i);
                    }
                    yield Fcns.make(keys, vals);
                }
                case FCN -> readPairs(length());
                default -> throw new IllegalArgumentException("bad value tag " + tag + " at byte " + (pos - 1));
            };
        }

        private Value remember(Value v) {
            names.add(v);
            return v;
        }

        private FcnValue readPairs(int n) {
            Value[] keys = new Value[n];
            Value[] vals = new Value[n];
            for (int i = 0; i < n; i++) {
                keys[i] = read();
                vals[i] = read();
            }
            // sorted again in this machine's order: the writer's order of runtime-grown names may differ
            return Tla.fromPairs(keys, vals);
        }

        private Value[] readN(int n) {
            Value[] a = new Value[n];
            for (int i = 0; i < n; i++) {
                a[i] = read();
            }
            return a;
        }

        private int length() {
            long n = readVarLong();
            if (n < 0 || n > in.length - pos) {
                throw new IllegalArgumentException("bad length " + n + " at byte " + pos);
            }
            return (int) n;
        }

        private String readText() {
            int n = length();
            String s = new String(in, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        private long readVarLong() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = in[pos++];
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("variable-length integer too long at byte " + pos);
        }
    }

    private static long zigzag(int v) {
        return ((long) v << 1) ^ ((long) v >> 63);
    }

    private static int unzigzag(long v) {
        return (int) ((v >>> 1) ^ -(v & 1));
    }
}
