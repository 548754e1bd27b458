package io.finalspec.toolkit.oracle;

import java.util.Map;
import java.util.function.Function;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import tlc2.value.IValue;
import tlc2.value.ValueConstants;
import tlc2.value.impl.BoolValue;
import tlc2.value.impl.FcnRcdValue;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.IntervalValue;
import tlc2.value.impl.LazyValue;
import tlc2.value.impl.ModelValue;
import tlc2.value.impl.RecordValue;
import tlc2.value.impl.SetEnumValue;
import tlc2.value.impl.StringValue;
import tlc2.value.impl.TupleValue;
import tlc2.value.impl.Value;
import tlc2.value.impl.ValueVec;
import util.UniqueString;

/**
 * Translates TLC values to and from their ITF JSON encoding (Apalache ADR-015), in the child JVM.
 *
 * <p>Writing: integers, strings and booleans as JSON scalars; model values as
 * {@code {"#unserializable":"name"}}; sets, lazy ones included ({@code 1..3}, {@code SUBSET S},
 * {@code [S -> T]}, {@code [a : S]}, {@code S \X T}, set comprehensions), enumerated as
 * {@code {"#set":[...]}} in TLC's normalized order; functions with domain {@code 1..n} and the
 * empty function as {@code {"#tup":[...]}}; functions whose domain is a nonempty set of strings as
 * JSON objects; every other function as {@code {"#map":[[k, v], ...]}} in TLC's domain order.
 *
 * <p>Reading builds the same TLC classes TLC itself builds ({@link TupleValue}, normalized
 * {@link SetEnumValue}, {@link RecordValue}, {@link FcnRcdValue}), so states read from JSON have
 * the fingerprints TLC gives its own states. Model values resolve to the ones the loaded spec
 * interned; an unknown name is an error, not a fresh model value.
 */
final class ValueCodec {

    private final Map<String, ModelValue> modelValues;
    private final Function<LazyValue, IValue> lazy;

    /**
     * @param modelValues the spec's model values by name
     * @param lazy evaluates a {@link LazyValue} that has not been evaluated yet
     */
    ValueCodec(Map<String, ModelValue> modelValues, Function<LazyValue, IValue> lazy) {
        this.modelValues = modelValues;
        this.lazy = lazy;
    }

    // ---- TLC -> JSON -------------------------------------------------------------------------

    void write(IValue value, StringBuilder out) {
        Value v = (Value) value;
        switch (v.getKind()) {
            case ValueConstants.INTVALUE -> out.append(((IntValue) v).val);
            case ValueConstants.BOOLVALUE -> out.append(((BoolValue) v).val);
            case ValueConstants.STRINGVALUE -> JsonText.string(out, ((StringValue) v).val.toString());
            case ValueConstants.MODELVALUE ->
                JsonText.string(out.append("{\"#unserializable\":"), ((ModelValue) v).val.toString()).append('}');
            case ValueConstants.TUPLEVALUE -> writeTuple(((TupleValue) v).elems, out);
            case ValueConstants.RECORDVALUE -> writeRecord((RecordValue) v, out);
            case ValueConstants.FCNRCDVALUE -> writeFcn((FcnRcdValue) v, out);
            case ValueConstants.SETENUMVALUE -> writeSet((SetEnumValue) v, out);
            case ValueConstants.INTERVALVALUE -> writeInterval((IntervalValue) v, out);
            case ValueConstants.LAZYVALUE -> write(forced((LazyValue) v, lazy), out);
            case ValueConstants.FCNLAMBDAVALUE, ValueConstants.OPRCDVALUE -> write(v.toFcnRcd(), out);
            case ValueConstants.SETPREDVALUE, ValueConstants.SETOFFCNSVALUE, ValueConstants.SETOFRCDSVALUE,
                ValueConstants.SETOFTUPLESVALUE, ValueConstants.SUBSETVALUE, ValueConstants.SETDIFFVALUE,
                ValueConstants.SETCAPVALUE, ValueConstants.SETCUPVALUE, ValueConstants.UNIONVALUE -> write(enumerated(v), out);
            default -> throw new IllegalArgumentException("no ITF encoding for the " + v.getKindString() + " " + v);
        }
    }

    /** A LET or operator argument TLC left unevaluated: its value, evaluated by {@code lazy} if it has none yet (also read by RuntimeValues). */
    static IValue forced(LazyValue lv, Function<LazyValue, IValue> lazy) {
        Value cached = lv.getValue();
        return cached != null ? cached : lazy.apply(lv);
    }

    /** One of TLC's lazy sets (SUBSET, [S -> T], a comprehension...) enumerated (also read by RuntimeValues). */
    static Value enumerated(Value v) {
        Value set = v.toSetEnum();
        if (set == null) {
            throw new IllegalArgumentException("cannot enumerate the set " + v);
        }
        return set;
    }

    private void writeTuple(Value[] elems, StringBuilder out) {
        out.append("{\"#tup\":[");
        for (int i = 0; i < elems.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            write(elems[i], out);
        }
        out.append("]}");
    }

    private void writeRecord(RecordValue r, StringBuilder out) {
        r.normalize();
        if (r.names.length == 0) {
            out.append("{\"#tup\":[]}");
            return;
        }
        out.append('{');
        for (int i = 0; i < r.names.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            JsonText.string(out, r.names[i].toString()).append(':');
            write(r.values[i], out);
        }
        out.append('}');
    }

    private void writeFcn(FcnRcdValue f, StringBuilder out) {
        f.normalize();
        Value[] values = f.values;
        if (values.length == 0 || isOneToN(f)) {
            writeTuple(values, out);
            return;
        }
        if (f.intv == null && allStrings(f.domain)) {
            out.append('{');
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                JsonText.string(out, ((StringValue) f.domain[i]).val.toString()).append(':');
                write(values[i], out);
            }
            out.append('}');
            return;
        }
        out.append("{\"#map\":[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('[');
            if (f.intv != null) {
                out.append(f.intv.low + i);
            } else {
                write(f.domain[i], out);
            }
            out.append(',');
            write(values[i], out);
            out.append(']');
        }
        out.append("]}");
    }

    /** TLC builds {@code [i \in 1..n |-> e]} with an explicit domain array, not an interval (also read by RuntimeValues). */
    static boolean isOneToN(FcnRcdValue f) {
        if (f.intv != null) {
            return f.intv.low == 1;
        }
        for (int i = 0; i < f.domain.length; i++) {
            if (!(f.domain[i] instanceof IntValue iv) || iv.val != i + 1) {
                return false;
            }
        }
        return true;
    }

    /** Whether every element of a function's domain is a string: the function is a record. */
    static boolean allStrings(Value[] domain) {
        for (Value d : domain) {
            if (!(d instanceof StringValue)) {
                return false;
            }
        }
        return true;
    }

    private void writeSet(SetEnumValue s, StringBuilder out) {
        s.normalize();
        ValueVec elems = s.elems;
        out.append("{\"#set\":[");
        for (int i = 0; i < elems.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(elems.elementAt(i), out);
        }
        out.append("]}");
    }

    private static void writeInterval(IntervalValue iv, StringBuilder out) {
        out.append("{\"#set\":[");
        for (long i = iv.low; i <= iv.high; i++) {
            if (i > iv.low) {
                out.append(',');
            }
            out.append(i);
        }
        out.append("]}");
    }

    // ---- JSON -> TLC -------------------------------------------------------------------------

    Value read(JsonElement e) {
        if (e.isJsonPrimitive()) {
            return primitive(e.getAsJsonPrimitive());
        }
        if (e.isJsonArray()) {
            throw new IllegalArgumentException("a bare JSON array is not an ITF value (use #tup or #set): " + e);
        }
        if (e.isJsonNull()) {
            throw new IllegalArgumentException("null is not an ITF value");
        }
        JsonObject o = e.getAsJsonObject();
        if (o.size() == 1) {
            Map.Entry<String, JsonElement> only = o.entrySet().iterator().next();
            switch (only.getKey()) {
                case "#tup" -> {
                    return new TupleValue(readAll(array(only)));
                }
                case "#set" -> {
                    return new SetEnumValue(readAll(array(only)), false).normalize();
                }
                case "#map" -> {
                    return map(array(only));
                }
                case "#unserializable" -> {
                    return modelValue(only.getValue().getAsString());
                }
                case "#bigint" -> {
                    return integer(new java.math.BigInteger(only.getValue().getAsString()));
                }
                default -> {
                    if (only.getKey().startsWith("#")) {
                        throw new IllegalArgumentException("unknown ITF tag " + only.getKey());
                    }
                }
            }
        }
        if (o.size() == 0) {
            return TupleValue.EmptyTuple;
        }
        UniqueString[] names = new UniqueString[o.size()];
        Value[] values = new Value[o.size()];
        int i = 0;
        for (Map.Entry<String, JsonElement> field : o.entrySet()) {
            names[i] = UniqueString.uniqueStringOf(field.getKey());
            values[i++] = read(field.getValue());
        }
        return new RecordValue(names, values, false).normalize();
    }

    private Value primitive(JsonPrimitive p) {
        if (p.isBoolean()) {
            return p.getAsBoolean() ? BoolValue.ValTrue : BoolValue.ValFalse;
        }
        if (p.isString()) {
            return new StringValue(p.getAsString());
        }
        java.math.BigDecimal d = p.getAsBigDecimal();
        try {
            return integer(d.toBigIntegerExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("not an integer: " + p);
        }
    }

    private static Value integer(java.math.BigInteger n) {
        if (n.bitLength() > 31) {
            throw new IllegalArgumentException("integer out of TLC's range (32 bits): " + n);
        }
        return IntValue.gen(n.intValue());
    }

    private Value modelValue(String name) {
        ModelValue mv = modelValues.get(name);
        if (mv == null) {
            throw new IllegalArgumentException("unknown model value " + name + " (the spec's model values: "
                + modelValues.keySet() + ")");
        }
        return mv;
    }

    private Value map(JsonArray pairs) {
        Value[] domain = new Value[pairs.size()];
        Value[] values = new Value[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            JsonElement pair = pairs.get(i);
            if (!pair.isJsonArray() || pair.getAsJsonArray().size() != 2) {
                throw new IllegalArgumentException("#map entries are [key, value] pairs, not " + pair);
            }
            domain[i] = read(pair.getAsJsonArray().get(0));
            values[i] = read(pair.getAsJsonArray().get(1));
        }
        return new FcnRcdValue(domain, values, false).normalize();
    }

    private Value[] readAll(JsonArray items) {
        Value[] out = new Value[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = read(items.get(i));
        }
        return out;
    }

    private static JsonArray array(Map.Entry<String, JsonElement> tagged) {
        if (!tagged.getValue().isJsonArray()) {
            throw new IllegalArgumentException(tagged.getKey() + " takes an array, not " + tagged.getValue());
        }
        return tagged.getValue().getAsJsonArray();
    }
}
