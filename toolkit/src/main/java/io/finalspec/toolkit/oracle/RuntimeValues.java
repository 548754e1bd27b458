package io.finalspec.toolkit.oracle;

import java.util.function.Function;

import io.finalspec.runtime.value.NameTable;
import io.finalspec.runtime.value.Tla;

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

/**
 * Translates TLC values into the generated machine's runtime values, in TLC's JVM, without text in
 * between: the same mapping as writing the value as ITF JSON ({@link ValueCodec}) and reading it
 * back with the machine's names ({@code Itf.fromJson}). Integers, booleans, strings and model
 * values map to their runtime counterparts (strings and model values through the machine's own
 * {@link NameTable}); sets, lazy ones included, to enumerated sets; functions with domain
 * {@code 1..n} and the empty function to tuples; functions whose domain is a nonempty set of strings
 * to records; every other function to a function from its pairs.
 */
final class RuntimeValues {

    private final NameTable names;
    private final Function<LazyValue, IValue> lazy;

    /**
     * @param names the machine's names
     * @param lazy evaluates a {@link LazyValue} that has not been evaluated yet
     */
    RuntimeValues(NameTable names, Function<LazyValue, IValue> lazy) {
        this.names = names;
        this.lazy = lazy;
    }

    io.finalspec.runtime.value.Value convert(IValue value) {
        Value v = (Value) value;
        return switch (v.getKind()) {
            case ValueConstants.INTVALUE -> Tla.integer(((IntValue) v).val);
            case ValueConstants.BOOLVALUE -> Tla.bool(((BoolValue) v).val);
            case ValueConstants.STRINGVALUE -> names.str(((StringValue) v).val.toString());
            case ValueConstants.MODELVALUE -> names.modelValue(((ModelValue) v).val.toString());
            case ValueConstants.TUPLEVALUE -> Tla.tuple(all(((TupleValue) v).elems));
            case ValueConstants.RECORDVALUE -> record((RecordValue) v);
            case ValueConstants.FCNRCDVALUE -> function((FcnRcdValue) v);
            case ValueConstants.SETENUMVALUE -> set((SetEnumValue) v);
            case ValueConstants.INTERVALVALUE -> interval((IntervalValue) v);
            case ValueConstants.LAZYVALUE -> convert(ValueCodec.forced((LazyValue) v, lazy));
            case ValueConstants.FCNLAMBDAVALUE, ValueConstants.OPRCDVALUE -> convert(v.toFcnRcd());
            case ValueConstants.SETPREDVALUE, ValueConstants.SETOFFCNSVALUE, ValueConstants.SETOFRCDSVALUE,
                ValueConstants.SETOFTUPLESVALUE, ValueConstants.SUBSETVALUE, ValueConstants.SETDIFFVALUE,
                ValueConstants.SETCAPVALUE, ValueConstants.SETCUPVALUE, ValueConstants.UNIONVALUE -> convert(ValueCodec.enumerated(v));
            default -> throw new IllegalArgumentException("no runtime value for the " + v.getKindString() + " " + v);
        };
    }

    private io.finalspec.runtime.value.Value[] all(Value[] elems) {
        io.finalspec.runtime.value.Value[] out = new io.finalspec.runtime.value.Value[elems.length];
        for (int i = 0; i < elems.length; i++) {
            out[i] = convert(elems[i]);
        }
        return out;
    }

    private io.finalspec.runtime.value.Value record(RecordValue r) {
        if (r.names.length == 0) {
            return Tla.EMPTY_SEQ;
        }
        String[] fields = new String[r.names.length];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = r.names[i].toString();
        }
        return names.record(fields, all(r.values));
    }

    private io.finalspec.runtime.value.Value function(FcnRcdValue f) {
        f.normalize();
        if (f.values.length == 0 || ValueCodec.isOneToN(f)) {
            return Tla.tuple(all(f.values));
        }
        if (f.intv == null && ValueCodec.allStrings(f.domain)) {
            String[] fields = new String[f.domain.length];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = ((StringValue) f.domain[i]).val.toString();
            }
            return names.record(fields, all(f.values));
        }
        io.finalspec.runtime.value.Value[] keys = new io.finalspec.runtime.value.Value[f.values.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = f.intv != null ? Tla.integer(f.intv.low + i) : convert(f.domain[i]);
        }
        return Tla.fromPairs(keys, all(f.values));
    }

    private io.finalspec.runtime.value.Value set(SetEnumValue s) {
        s.normalize(); // no duplicates
        ValueVec elems = s.elems;
        io.finalspec.runtime.value.Value[] out = new io.finalspec.runtime.value.Value[elems.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = convert(elems.elementAt(i));
        }
        return Tla.set(out);
    }

    private static io.finalspec.runtime.value.Value interval(IntervalValue iv) {
        io.finalspec.runtime.value.Value[] out = new io.finalspec.runtime.value.Value[Math.max(0, iv.high - iv.low + 1)];
        for (int i = 0; i < out.length; i++) {
            out[i] = Tla.integer(iv.low + i);
        }
        return Tla.set(out);
    }
}
