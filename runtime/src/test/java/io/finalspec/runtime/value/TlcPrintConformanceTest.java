package io.finalspec.runtime.value;

import static io.finalspec.runtime.value.Tla.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Expected strings are TLC 2.18's PrintT output for the same expressions (module P: CONSTANTS
 * m1, m2, then the expressions in this order, so TLC interned m1, m2, x, y, b, a in that order).
 * TLC breaks long sets over lines; the single-line form is compared here.
 */
class TlcPrintConformanceTest {

    /** The names TLC would meet first in a spec using them, in that order (tests only). */
    private static final NameTable NAMES = new NameTable(java.util.List.of("m1", "m2", "x", "y", "b", "a"));

    private static StrValue str(String s) {
        return NAMES.str(s);
    }

    private static ModelValue modelValue(String s) {
        return NAMES.modelValue(s);
    }

    private static FcnValue record(String[] n, Value[] v) {
        return NAMES.record(n, v);
    }

    private static SetValue recordSet(String[] n, Value[] v) {
        return NAMES.recordSet(n, v);
    }


    static Value i(int x) {
        return integer(x);
    }

    private static void same(String tlc, Value v) {
        assertEquals(tlc, v instanceof SetValue s ? s.toEnum().toString() : v.toString());
    }

    @Test
    void lazySetsEnumerateAsTlcPrintsThem() {
        same("{{}, {1}, {2}, {3}, {1, 2}, {1, 3}, {2, 3}, {1, 2, 3}}", subsetOf(set(i(1), i(2), i(3))));
        same("{<<1, 1>>, <<1, 2>>, <<2, 1>>, <<2, 2>>}", funSet(set(i(1), i(2)), set(i(1), i(2))));
        same("{<<\"x\", 1>>, <<\"x\", 2>>, <<\"y\", 1>>, <<\"y\", 2>>}", product(set(str("x"), str("y")), set(i(1), i(2))));
        same("{<<1, 2, 3>>, <<1, 3, 2>>, <<2, 1, 3>>, <<2, 3, 1>>, <<3, 1, 2>>, <<3, 2, 1>>}", permutations(set(i(1), i(2), i(3))));
        same("{[b |-> 1, a |-> \"x\"], [b |-> 1, a |-> \"y\"], [b |-> 2, a |-> \"x\"], [b |-> 2, a |-> \"y\"]}",
                recordSet(new String[] {"b", "a"}, new Value[] {set(i(1), i(2)), set(str("x"), str("y"))}));
        same("{<<m1, 1>>, <<m2, 1>>}", product(set(modelValue("m2"), modelValue("m1")), set(i(1))));
    }

    @Test
    void normalizedOrderAsTlc() {
        same("{<<3>>, <<0, 0>>, <<1, 2>>, <<0, 0, 0>>}",
                set(tuple(i(1), i(2)), fcn(set(i(1), i(2)), x -> i(0)), tuple(i(0), i(0), i(0)), tuple(i(3))));
        same("{[b |-> 0], [a |-> 1], [b |-> 1, a |-> 0]}", set(record(new String[] {"a"}, new Value[] {i(1)}),
                record(new String[] {"a", "b"}, new Value[] {i(0), i(1)}), record(new String[] {"b"}, new Value[] {i(0)})));
        same("{{m1}, {1}, {m2, 1}}", set(set(modelValue("m1")), set(i(1)), set(modelValue("m2"), i(1))));
        assertEquals("(m1 :> m1 @@ m2 :> m2)", fcn(set(modelValue("m1"), modelValue("m2")), x -> x).toString());
    }

    @Test
    void chooseAsTlc() {
        assertEquals("{1, 2}", choose(subsetOf(set(i(1), i(2), i(3))), s -> asInt(cardinality(s)) == 2).toString());
        assertEquals("<<1, 2>>", choose(funSet(set(i(1), i(2)), set(i(1), i(2))),
                f -> neq(apply(f, i(1)), apply(f, i(2)))).toString());
        assertEquals("<<1, 2, 3>>", sortSeq(tuple(i(3), i(1), i(2)), Tla::lt).toString());
    }

    @Test
    void errorsAsTlc() {
        // TLC: "Attempted to check equality of the function << >> with the value:\n{}" (TLC spells the empty function "<< >>")
        assertEquals("Attempted to check equality of the function <<>> with the value:\n{}",
                org.junit.jupiter.api.Assertions.assertThrows(TlaEvalException.class, () -> eq(EMPTY_SEQ, EMPTY_SET)).getMessage());
        assertEquals("Attempted to compare the function <<>> with the value:\n{}",
                org.junit.jupiter.api.Assertions.assertThrows(TlaEvalException.class, () -> set(EMPTY_SET, EMPTY_SEQ)).getMessage());
    }
}
