package io.finalspec.runtime.value;

import static io.finalspec.runtime.value.Tla.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Value semantics, with expectations taken from TLC 1.1.0 (TLC2 2.18) runs recorded in comments. */
class ValueTest {

    /** The names TLC would meet first in a spec using them, in that order (tests only). */
    private static final NameTable NAMES = new NameTable(java.util.List.of("m1", "m2", "zz", "b", "a", "B", "ab", "aa", "c", "T", "S", "zq", "aq"));

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


    static IntValue i(int v) {
        return integer(v);
    }

    @Test
    void tupleEqualsFunctionOnOneToN() {
        Value t = tuple(i(1), i(2));
        Value f = fcn(interval(1, 2), x -> x);
        Value g = fcn(set(i(2), i(1)), x -> x);
        assertEquals(t, f);
        assertEquals(t, g);
        assertEquals(t.fingerprint(), g.fingerprint());
        assertTrue(eq(t, g));
        assertEquals("<<1, 2>>", g.toString());
    }

    @Test
    void recordEqualsFunctionOnItsFieldNames() {
        Value r = record(new String[] {"a", "b"}, new Value[] {i(1), i(2)});
        Value f = fcn(set(str("a"), str("b")), x -> x.equals(str("a")) ? i(1) : i(2));
        assertEquals(r, f);
        assertEquals(r.fingerprint(), f.fingerprint());
        assertEquals(0, r.compareTo(f));
        // TLC prints fields in intern order: "b" was interned before "a".
        assertEquals("[b |-> 2, a |-> 1]", r.toString());
    }

    @Test
    void emptyTupleIsTheEmptyFunction() {
        Value e = fcn(EMPTY_SET, x -> x);
        assertEquals(EMPTY_SEQ, e);
        assertEquals(EMPTY_SEQ.fingerprint(), e.fingerprint());
        assertEquals("<<>>", e.toString());
        assertEquals(EMPTY_SET, domain(EMPTY_SEQ));
    }

    @Test
    void intervalEqualsEnumeratedSet() {
        Value a = interval(2, 4);
        Value b = set(i(4), i(3), i(2), i(3));
        assertEquals(a, b);
        assertEquals(a.fingerprint(), b.fingerprint());
        assertEquals(0, a.compareTo(b));
        assertEquals(EMPTY_SET, interval(3, 1));
        assertEquals(EMPTY_SET.fingerprint(), interval(3, 1).fingerprint());
        assertEquals("{2, 3, 4}", b.toString());
        assertEquals("2..4", a.toString());
    }

    @Test
    void setsNormalizeLikeTlc() {
        // TLC: {{}, {2}, {3}, {1, 2}} and {<<>>, <<3>>, <<0, 5>>, <<1, 2>>}
        assertEquals("{{}, {2}, {3}, {1, 2}}", set(set(i(3)), set(i(1), i(2)), set(i(2)), EMPTY_SET).toString());
        assertEquals("{<<>>, <<3>>, <<0, 5>>, <<1, 2>>}",
                set(tuple(i(1), i(2)), tuple(i(3)), tuple(i(0), i(5)), EMPTY_SEQ).toString());
        // strings in intern order, not alphabetical: TLC prints {"zq", "aq"}
        assertEquals("{\"zq\", \"aq\"}", set(str("aq"), str("zq")).toString());
        assertEquals(str("zq"), choose(set(str("aq"), str("zq"))));
        // model values by intern order, below everything else
        assertEquals("{m1, m2, zz}", set(modelValue("m2"), modelValue("zz"), modelValue("m1")).toString());
        assertEquals("{m1, 1, 2}", set(i(2), modelValue("m1"), i(1)).toString());
        assertEquals("{FALSE, TRUE}", BOOLEAN.toString());
        // TLC: {[b |-> 0, a |-> 2], [b |-> 1, a |-> 2], [a |-> 1, c |-> 0]}
        Value r1 = record(new String[] {"b", "a"}, new Value[] {i(1), i(2)});
        Value r2 = record(new String[] {"a", "c"}, new Value[] {i(1), i(0)});
        Value r3 = record(new String[] {"a", "b"}, new Value[] {i(2), i(0)});
        assertEquals("{[b |-> 0, a |-> 2], [b |-> 1, a |-> 2], [a |-> 1, c |-> 0]}", set(r1, r2, r3).toString());
        // TLC: {(m1 :> 2), (m1 :> 1 @@ m2 :> 1)}
        Value f1 = fcn(set(modelValue("m1"), modelValue("m2")), x -> i(1));
        Value f2 = fcn(set(modelValue("m1")), x -> i(2));
        assertEquals("{(m1 :> 2), (m1 :> 1 @@ m2 :> 1)}", set(f1, f2).toString());
        assertEquals("(2 :> 2 @@ 3 :> 3)", fcn(interval(2, 3), x -> x).toString());
    }

    @Test
    void chooseTakesTheFirstElementInTlcOrder() {
        assertEquals(i(1), choose(set(i(3), i(1), i(2))));
        assertEquals(modelValue("m1"), choose(set(modelValue("m2"), modelValue("m1"))));
        assertEquals(i(2), choose(interval(1, 5), x -> asInt(x) % 2 == 0));
        TlaEvalException e = assertThrows(TlaEvalException.class, () -> choose(set(i(1)), x -> false));
        assertTrue(e.getMessage().contains("CHOOSE"));
    }

    @Test
    void incomparableValuesRaiseTlcErrors() {
        TlaEvalException e = assertThrows(TlaEvalException.class, () -> set(modelValue("m1"), i(1), str("a")));
        assertTrue(e.getMessage().startsWith("Attempted to compare "), e.getMessage());
        TlaEvalException e2 = assertThrows(TlaEvalException.class, () -> str("a").compareTo(i(1)));
        assertEquals("Attempted to compare string \"a\" with non-string:\n1", e2.getMessage());
        assertThrows(TlaEvalException.class, () -> eq(i(1), str("a")));
        assertThrows(TlaEvalException.class, () -> in(str("a"), set(i(1), i(2))));
        assertFalse(eq(i(1), modelValue("m1")));
        assertFalse(eq(set(i(1)), set(i(1), i(2))));
        assertNotEquals(i(1), str("1"));
    }

    @Test
    void integerArithmeticFollowsTlc() {
        assertEquals(i(-2), div(i(-5), i(3)));
        assertEquals(i(1), mod(i(-5), i(3)));
        assertEquals(i(-1), neg(div(i(5), i(3))));
        assertEquals(i(1024), pow(i(2), i(10)));
        assertEquals(i(Integer.MAX_VALUE), add(sub(pow(i(2), i(30)), i(1)), pow(i(2), i(30))));
        TlaEvalException e = assertThrows(TlaEvalException.class, () -> pow(i(2), i(31)));
        assertEquals("Overflow when computing 2^31", e.getMessage());
        // TLC 2.18: "Overflow when computing 2147483647+1", "... 2147483647*2", "... -2147483647-2"
        assertEquals("Overflow when computing 2147483647+1",
                assertThrows(TlaEvalException.class, () -> add(i(Integer.MAX_VALUE), i(1))).getMessage());
        assertEquals("Overflow when computing 2147483647*2",
                assertThrows(TlaEvalException.class, () -> mul(i(Integer.MAX_VALUE), i(2))).getMessage());
        assertEquals("Overflow when computing -2147483647-2",
                assertThrows(TlaEvalException.class, () -> sub(i(-Integer.MAX_VALUE), i(2))).getMessage());
        assertThrows(TlaEvalException.class, () -> add(i(Integer.MAX_VALUE), i(1)));
        assertThrows(TlaEvalException.class, () -> mul(i(1 << 20), i(1 << 12)));
        assertThrows(TlaEvalException.class, () -> div(i(1), i(0)));
        assertThrows(TlaEvalException.class, () -> mod(i(1), i(0)));
        assertThrows(TlaEvalException.class, () -> add(i(1), str("a")));
    }

    @Test
    void functionsApplyAndExcept() {
        Value f = fcn(set(modelValue("m1"), modelValue("m2")), x -> i(0));
        Value g = except(f, new Value[] {modelValue("m2")}, i(5));
        assertEquals(i(5), apply(g, modelValue("m2")));
        assertEquals(i(0), apply(g, modelValue("m1")));
        assertEquals(i(0), apply(f, modelValue("m2")), "f is unchanged");
        Value h = exceptWith(g, new Value[] {modelValue("m2")}, old -> add(old, i(1)));
        assertEquals(i(6), apply(h, modelValue("m2")));
        // outside the domain: unchanged, as TLC
        assertEquals(f, except(f, new Value[] {modelValue("zz")}, i(1)));
        TlaEvalException e = assertThrows(TlaEvalException.class, () -> apply(f, modelValue("zz")));
        assertTrue(e.getMessage().contains("not in the domain"));
        Value nested = record(new String[] {"a"}, new Value[] {tuple(i(1), i(2))});
        Value n2 = except(nested, new Value[] {str("a"), i(2)}, i(9));
        assertEquals(tuple(i(1), i(9)), dot(n2, "a"));
        assertThrows(TlaEvalException.class, () -> dot(nested, "zz"));
        Value t = apply(fcn(product(interval(1, 2), interval(1, 2)), p -> add(apply(p, i(1)), apply(p, i(2)))), i(2), i(1));
        assertEquals(i(3), t);
        assertEquals(fcn(set(i(1), i(3)), x -> i(2)), atAt(colonGt(i(1), i(2)), colonGt(i(3), i(2))));
        assertEquals(i(2), apply(atAt(colonGt(i(1), i(2)), colonGt(i(1), i(7))), i(1)));
        assertEquals("(1 :> 2 @@ 3 :> 4)", atAt(colonGt(i(1), i(2)), colonGt(i(3), i(4))).toString());
    }

    @Test
    void sequences() {
        Value s = tuple(i(1), i(2), i(3));
        assertEquals(i(3), len(s));
        assertEquals(tuple(i(1), i(2), i(3), i(4)), append(s, i(4)));
        assertEquals(i(1), head(s));
        assertEquals(tuple(i(2), i(3)), tail(s));
        assertEquals(tuple(i(2), i(3)), subSeq(s, i(2), i(3)));
        assertEquals(EMPTY_SEQ, subSeq(s, i(3), i(2)));
        assertEquals(tuple(i(1), i(2), i(3), i(1)), concat(s, tuple(i(1))));
        assertEquals(tuple(i(2)), selectSeq(s, x -> asInt(x) % 2 == 0));
        assertEquals(str("abc"), concat(str("ab"), str("c")));
        assertEquals(i(3), len(str("abc")));
        assertEquals(tuple(i(3), i(2), i(1)), sortSeq(s, (a, b) -> gt(a, b)));
        assertThrows(TlaEvalException.class, () -> head(EMPTY_SEQ));
        assertThrows(TlaEvalException.class, () -> len(set(i(1))));
        assertTrue(seqSetContains(interval(1, 3), s));
        assertFalse(seqSetContains(interval(1, 2), s));
        assertTrue(in(EMPTY_SEQ, seqSet(BOOLEAN)));
        assertEquals("Seq({FALSE, TRUE})", seqSet(BOOLEAN).toString());
    }

    @Test
    void setOperationsAndLazySets() {
        Value a = set(i(1), i(2), i(3));
        Value b = interval(2, 5);
        assertEquals(interval(1, 5), union(a, b));
        assertEquals(set(i(2), i(3)), intersect(a, b));
        assertEquals(set(i(1)), minus(a, b));
        assertTrue(subseteq(set(i(2)), a));
        assertTrue(in(set(i(1), i(3)), subsetOf(a)));
        assertFalse(in(set(i(4)), subsetOf(a)));
        assertEquals(i(8), cardinality(subsetOf(a)));
        assertEquals(i(9), cardinality(funSet(set(i(1), i(2)), a)));
        assertEquals(i(6), cardinality(recordSet(new String[] {"a", "b"}, new Value[] {a, BOOLEAN})));
        assertEquals(i(6), cardinality(product(a, BOOLEAN)));
        assertEquals(i(6), cardinality(permutations(a)));
        assertEquals(set(i(1), i(2), i(3), i(4)), bigUnion(set(set(i(1), i(2)), set(i(3), i(4)))));
        assertTrue(in(fcn(set(i(1), i(2)), x -> i(3)), funSet(interval(1, 2), NAT)));
        assertFalse(in(fcn(set(i(1), i(2)), x -> i(-3)), funSet(interval(1, 2), NAT)));
        assertTrue(in(record(new String[] {"a"}, new Value[] {i(7)}), recordSet(new String[] {"a"}, new Value[] {INT})));
        assertFalse(isFiniteSet(NAT));
        assertTrue(isFiniteSet(a));
        assertThrows(TlaEvalException.class, () -> cardinality(NAT));
        assertEquals(set(i(2), i(4), i(6)), map(a, x -> mul(x, i(2))));
        assertEquals(set(i(2)), filter(a, x -> asInt(x) == 2));
        assertTrue(exists(a, x -> asInt(x) == 3));
        assertTrue(forall(a, x -> asInt(x) > 0));
        // TLC: [{1,2} -> {3}] = {<<3, 3>>}; SUBSET {1,2} = {{}, {1}, {2}, {1, 2}}
        assertEquals("{<<3, 3>>}", funSet(set(i(1), i(2)), set(i(3))).toString());
        assertEquals("{{}, {1}, {2}, {1, 2}}", subsetOf(set(i(1), i(2))).toString());
        assertEquals(set(tuple(i(1), FALSE), tuple(i(1), TRUE)), product(set(i(1)), BOOLEAN));
    }

    @Test
    void infiniteSetAlgebraStaysLazy() {
        Value pos = minus(NAT, set(i(0)));
        assertTrue(in(i(3), pos));
        assertFalse(in(i(0), pos));
        assertFalse(in(i(-1), pos));
        Value ext = union(set(i(-1)), NAT);
        assertTrue(in(i(-1), ext));
        assertTrue(in(i(7), ext));
        assertFalse(isFiniteSet(ext));
        assertEquals(set(i(1), i(2)), intersect(NAT, set(i(-1), i(1), i(2))));
        assertTrue(in(i(5), intersect(NAT, INT)));
        assertThrows(TlaEvalException.class, () -> elements(pos));
        assertEquals("(Nat \\ {0})", pos.toString());
        // hashing and Java equality never throw, even for infinite lazy sets
        Value fs = funSet(interval(1, 2), NAT);
        assertEquals(fs, funSet(interval(1, 2), NAT));
        assertEquals(fs.hashCode(), funSet(set(i(1), i(2)), NAT).hashCode());
        assertFalse(fs.equals(NAT));
    }

    @Test
    void lazySetsEnumerateInCanonicalOrder() {
        for (Value s : List.of(subsetOf(interval(1, 4)), funSet(interval(1, 3), set(i(1), i(2), modelValue("m1"))),
                recordSet(new String[] {"a", "b", "c"}, new Value[] {interval(1, 2), BOOLEAN, set(str("a"), str("b"))}),
                product(interval(1, 3), BOOLEAN, interval(0, 1)), permutations(interval(1, 4)))) {
            List<Value> seen = new ArrayList<>();
            for (Value v : elements(s)) {
                seen.add(v);
            }
            for (int k = 1; k < seen.size(); k++) {
                assertTrue(seen.get(k - 1).compareTo(seen.get(k)) < 0, "order at " + k + " in " + s);
            }
            assertEquals(asInt(cardinality(s)), seen.size());
            assertEquals(setOf(seen), s);
            assertEquals(setOf(seen).fingerprint(), s.fingerprint());
        }
    }

    @Test
    void enumerationSizes() {
        for (int n = 0; n <= 6; n++) {
            assertEquals(1 << n, asInt(cardinality(subsetOf(interval(1, n)))));
            for (int m = 0; m <= 3; m++) {
                assertEquals((int) Math.pow(m, n), asInt(cardinality(funSet(interval(1, n), interval(1, m)))));
                int count = 0;
                for (Value v : elements(funSet(interval(1, n), interval(1, m)))) {
                    count++;
                }
                assertEquals((int) Math.pow(m, n), count);
            }
        }
    }

    @Test
    void stringsPrintWithEscapes() {
        assertEquals("<<1, \"a\\nb\\\"c\">>", tuple(i(1), str("a\nb\"c")).toString());
        assertEquals("TRUE", TRUE.toString());
        assertEquals("m1", modelValue("m1").toString());
        assertEquals("[T |-> \"x\", S |-> {1}]", record(new String[] {"S", "T"}, new Value[] {set(i(1)), str("x")}).toString());
    }

    @Test
    void errorMessagesAsTlc() {
        // Each expected text is TLC 2.18's message for the same expression.
        assertEquals("Attempted to apply tuple\n<<1, 2>>\nto integer 3 which is out of domain.",
                assertThrows(TlaEvalException.class, () -> apply(tuple(i(1), i(2)), i(3))).getMessage());
        assertEquals("Attempted to apply Head to the empty sequence.",
                assertThrows(TlaEvalException.class, () -> head(EMPTY_SEQ)).getMessage());
        assertEquals("Attempted to apply Tail to the empty sequence.",
                assertThrows(TlaEvalException.class, () -> tail(EMPTY_SEQ)).getMessage());
        assertEquals("Attempted to select nonexistent field \"zz\" from the record\n[a |-> 1]",
                assertThrows(TlaEvalException.class, () -> dot(record(new String[] {"a"}, new Value[] {i(1)}), "zz")).getMessage());
        assertEquals("The third argument of SubSeq must be in the domain of its first argument:\n<<1, 2, 3>>\n, but instead it is\n5",
                assertThrows(TlaEvalException.class, () -> subSeq(tuple(i(1), i(2), i(3)), i(2), i(5))).getMessage());
        assertEquals("The second argument of % should be a positive number, but instead it is:\n0",
                assertThrows(TlaEvalException.class, () -> mod(i(5), i(0))).getMessage());
        assertEquals("The second argument of \\div is 0.",
                assertThrows(TlaEvalException.class, () -> div(i(5), i(0))).getMessage());
        assertEquals("Attempted to check equality of integer 1 with non-integer:\n\"a\"",
                assertThrows(TlaEvalException.class, () -> in(str("a"), set(i(1)))).getMessage());
        assertEquals("The argument of Len should be a sequence, but instead it is:\n{1}",
                assertThrows(TlaEvalException.class, () -> len(set(i(1)))).getMessage());
        assertEquals("Attempted to compute cardinality of the value\nNat",
                assertThrows(TlaEvalException.class, () -> cardinality(NAT)).getMessage());
        assertEquals("Evaluating an expression of the form Append(v, s) when s is not a sequence:\n{1}",
                assertThrows(TlaEvalException.class, () -> append(set(i(1)), i(1))).getMessage());
        assertTrue(assertThrows(TlaEvalException.class, () -> choose(set(i(1), i(2)), x -> gt(x, i(5)))).getMessage()
                .startsWith("Attempted to compute the value of an expression of form\nCHOOSE x \\in S: P, but no element of S satisfied P."));
        // EXCEPT outside the domain leaves the value unchanged (TLC only warns)
        assertEquals(tuple(i(1), i(2)), except(tuple(i(1), i(2)), new Value[] {i(3)}, i(0)));
        assertEquals(record(new String[] {"a"}, new Value[] {i(1)}),
                except(record(new String[] {"a"}, new Value[] {i(1)}), new Value[] {str("b")}, i(2)));
    }

    @Test
    void sortSeqBreaksTiesAsTlc() {
        Value[] recs = new Value[5];
        int[] keys = {1, 0, 1, 0, 1};
        for (int k = 0; k < 5; k++) {
            recs[k] = record(new String[] {"k", "v"}, new Value[] {i(keys[k]), i(k + 1)});
        }
        Value s = tuple(recs);
        // TLC 2.18: v order 2, 4, 1, 3, 5 with <, and 4, 2, 5, 3, 1 with <=
        assertEquals(List.of(2, 4, 1, 3, 5), vs(sortSeq(s, (x, y) -> lt(dot(x, "k"), dot(y, "k")))));
        assertEquals(List.of(4, 2, 5, 3, 1), vs(sortSeq(s, (x, y) -> le(dot(x, "k"), dot(y, "k")))));
    }

    private static List<Integer> vs(Value seq) {
        List<Integer> out = new ArrayList<>();
        for (Value r : asSeq(seq, "test")) {
            out.add(asInt(dot(r, "v")));
        }
        return out;
    }

    @Test
    void tlcModuleOperators() {
        assertEquals(str("<<1, 2>>"), NAMES.toStringValue(tuple(i(1), i(2))));
        assertEquals(TRUE, Tla.assertTrue(true, str("x")));
        TlaEvalException e = assertThrows(TlaEvalException.class, () -> Tla.assertTrue(false, str("boom")));
        assertTrue(e.getMessage().contains("\"boom\""));
        assertThrows(TlaEvalException.class, () -> asBool(i(1)));
        assertThrows(TlaEvalException.class, () -> asInt(TRUE));
        assertEquals(set(i(1), i(2)), range(tuple(i(2), i(1), i(2))));
    }

    /** A set's element array is its normalized order; a lazy set's is computed once; an infinite set has none. */
    @Test
    void elementArrayIsTheNormalizedOrderComputedOnce() {
        Value interval = interval(integer(0), integer(4));
        Value[] once = elementArray(interval);
        List<Value> iterated = new ArrayList<>();
        elements(interval).forEach(iterated::add);
        assertEquals(iterated, List.of(once));
        assertTrue(once == elementArray(interval), "a lazy set's array is kept");
        Value strings = set(str("c"), str("a"), str("b"));
        List<Value> order = new ArrayList<>();
        elements(strings).forEach(order::add);
        assertEquals(order, List.of(elementArray(strings)));
        TlaEvalException e = assertThrows(TlaEvalException.class, () -> elementArray(NAT));
        assertTrue(e.getMessage().startsWith("Attempted to enumerate the infinite set"), e.getMessage());
    }
}
