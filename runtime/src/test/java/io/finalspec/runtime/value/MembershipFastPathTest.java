package io.finalspec.runtime.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The shortcuts membership and function application take for values of one name table (a set of
 * strings or model values answers by rank after its second query, a function domain is matched by
 * identity first, a function set compares domains position by position) must answer exactly as
 * TLA+ equality does, for values of the same table and of another one.
 */
class MembershipFastPathTest {
    private static final long SEED = 0x4D45_4D42_4552L;

    private final NameTable first = new NameTable(List.of("done", "fatal", "run", "m1", "m2"));
    private final NameTable second = new NameTable(List.of("m2", "run", "fatal", "done", "m1"));

    /** Membership asked three times (the rank index is built on the second), all three the same. */
    private static boolean member(SetValue s, Value v) {
        boolean a = s.contains(v);
        boolean b = s.contains(v);
        boolean c = s.contains(v);
        assertEquals(a, b);
        assertEquals(b, c);
        return a;
    }

    @Test
    void stringsOfTheSameAndOfAnotherTable() {
        SetValue ended = Tla.set(first.str("done"), first.str("fatal"));
        assertTrue(member(ended, first.str("done")));
        assertFalse(member(ended, first.str("run")));
        assertTrue(member(ended, second.str("fatal")), "equal strings of two tables");
        assertFalse(member(ended, second.str("run")));
        assertFalse(member(ended, first.modelValue("done")), "a model value is no string");
        assertFalse(member(ended, first.str("never seen before")));
    }

    @Test
    void modelValuesOfTheSameAndOfAnotherTable() {
        SetValue threads = Tla.set(first.modelValue("m1"), first.modelValue("m2"));
        assertTrue(member(threads, first.modelValue("m2")));
        assertTrue(member(threads, second.modelValue("m1")), "the same model value in another table");
        assertFalse(member(threads, first.modelValue("m3")));
        assertFalse(member(threads, first.str("m1")), "a string is no model value");
        assertTrue(ValueOrder.equal(first.modelValue("m1"), second.modelValue("m1")));
        assertFalse(ValueOrder.equal(first.modelValue("m1"), second.modelValue("m2")));
        assertEquals(0, ValueOrder.compare(first.modelValue("m1"), second.modelValue("m1")));
    }

    @Test
    void functionApplicationWithKeysOfAnotherTable() {
        FcnValue pc = Tla.fcn(Tla.set(first.modelValue("m1"), first.modelValue("m2")), k -> first.str("run"));
        assertEquals(first.str("run"), Tla.apply(pc, second.modelValue("m2")));
        assertEquals(-1, pc.indexOf(first.modelValue("m3")));
    }

    @Test
    void functionSetsCompareDomainsWhateverBuiltThem() {
        SetValue threads = Tla.set(first.modelValue("m1"), first.modelValue("m2"));
        SetValue pcs = Tla.set(first.str("run"), first.str("done"));
        SetValue typed = Tla.funSet(threads, pcs);
        FcnValue same = Tla.fcn(Tla.set(second.modelValue("m2"), second.modelValue("m1")), k -> second.str("done"));
        assertTrue(member(typed, same));
        FcnValue smaller = Tla.fcn(Tla.set(first.modelValue("m1")), k -> first.str("run"));
        assertFalse(member(typed, smaller));
        FcnValue other = Tla.fcn(Tla.set(first.modelValue("m1"), first.modelValue("m3")), k -> first.str("run"));
        assertFalse(member(typed, other));
        FcnValue badRange = Tla.fcn(threads, k -> first.str("fatal"));
        assertFalse(member(typed, badRange));
    }

    @Test
    void functionSetsOnIntervalsKnowTuplesAndArraysFromTheirBounds() {
        for (int lo = -1; lo <= 2; lo++) {
            for (int hi = lo - 1; hi <= lo + 2; hi++) {
                SetValue domain = Tla.interval(lo, hi);
                SetValue typed = Tla.funSet(domain, Tla.BOOLEAN);
                for (int flo = -1; flo <= 2; flo++) {
                    for (int fhi = flo - 1; fhi <= flo + 2; fhi++) {
                        FcnValue f = Tla.fcn(Tla.interval(flo, fhi), k -> Tla.TRUE);
                        boolean expected = ValueOrder.equal(f.domain(), domain);
                        assertEquals(expected, member(typed, f), () -> f + " in " + typed);
                        FcnValue generic = Tla.fromPairs(keysOf(f), valuesOf(f));
                        assertEquals(expected, member(typed, generic), () -> generic + " (from pairs) in " + typed);
                    }
                }
                assertFalse(member(typed, Tla.fcn(Tla.set(Tla.integer(lo), Tla.integer(hi + 2)), k -> Tla.TRUE)),
                    "a function on two integers that are not an interval");
            }
        }
        SetValue procs = Tla.interval(1, 3);
        assertEquals(Tla.set(Tla.integer(1), Tla.integer(3)), Tla.minus(procs, Tla.set(Tla.integer(2))));
        assertEquals(procs, Tla.minus(procs, Tla.set(Tla.integer(7))));
        assertEquals(Tla.set(Tla.integer(2)), Tla.intersect(procs, Tla.set(Tla.integer(2), Tla.integer(5))));
    }

    private static Value[] keysOf(FcnValue f) {
        Value[] k = new Value[f.size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = f.keyAt(i);
        }
        return k;
    }

    private static Value[] valuesOf(FcnValue f) {
        Value[] v = new Value[f.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.valueAt(i);
        }
        return v;
    }

    @Test
    void membershipAgreesWithEqualityOnRandomValues() {
        qt().withFixedSeed(SEED).withExamples(2000).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            RandomValues.Type elem = RandomValues.type(r, 1);
            SetValue s = (SetValue) RandomValues.gen(new RandomValues.Type('S', elem, null, null, null), r);
            SetValue domains = Tla.funSet(s, Tla.set(Tla.TRUE, Tla.FALSE));
            for (int i = 0; i < 6; i++) {
                Value v = RandomValues.rebuild(RandomValues.gen(elem, r), r);
                boolean expected = false;
                for (Value e : s) {
                    expected |= ValueOrder.equal(e, v);
                }
                assertEquals(expected, member(s, v), () -> v + " in " + s);
                FcnValue f = Tla.fcn(Tla.set(v), k -> Tla.TRUE);
                assertEquals(s.size() == 1 && expected, member(domains, f), () -> f + " in [" + s + " -> BOOLEAN]");
            }
        });
    }

    /**
     * The same as {@link #membershipAgreesWithEqualityOnRandomValues} with the value looked up
     * built by a table that ranks every name the other way round, at any depth (tuples and records
     * of strings, sets of sets, functions over model values): lookups must not trust an order
     * that two tables do not share. Domains of more than eight keys take the binary search.
     */
    @Test
    void lookupsOfValuesOfAnotherTableAtAnyDepth() {
        NameTable reversed = RandomValues.reversedTable();
        qt().withFixedSeed(SEED + 1).withExamples(3000).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            RandomValues.Type elem = RandomValues.type(r, 2);
            List<Value> pool = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ((SetValue) RandomValues.gen(new RandomValues.Type('S', elem, null, null, null), r)).forEach(pool::add);
            }
            SetValue s = Tla.setOf(pool);
            FcnValue f = Tla.fcn(s, k -> Tla.TRUE);
            for (int i = 0; i < 8; i++) {
                Value mine = RandomValues.gen(elem, r);
                Value theirs = RandomValues.translate(mine, reversed);
                boolean expected = false;
                for (Value e : s) {
                    expected |= ValueOrder.equal(e, mine);
                }
                assertEquals(expected, member(s, theirs), () -> theirs + " (another table) in " + s);
                assertEquals(expected, f.indexOf(theirs) >= 0, () -> theirs + " (another table) in DOMAIN of " + s.size() + " keys");
            }
        });
    }

    @Test
    void orderingTwoNamesOfTwoTablesIsAnError() {
        assertEquals(0, ValueOrder.compare(first.str("run"), second.str("run")));
        assertThrows(TwoTablesException.class, () -> ValueOrder.compare(first.str("run"), second.str("done")));
        assertThrows(TwoTablesException.class, () -> ValueOrder.compare(first.modelValue("m1"), second.modelValue("m2")));
        assertThrows(TwoTablesException.class,
            () -> ValueOrder.compare(Tla.set(first.str("run"), first.str("done")), Tla.set(second.str("run"), second.str("fatal"))),
            "sets ordered by two tables cannot be compared element by element");
    }
}
