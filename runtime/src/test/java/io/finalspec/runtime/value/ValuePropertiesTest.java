package io.finalspec.runtime.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.finalspec.runtime.trace.Itf;
import io.finalspec.runtime.trace.ValueParser;

/**
 * QuickTheories properties over random values. Each theory runs from a fixed seed (recorded here)
 * so failures reproduce; the generated long seeds a {@link Random} that builds the values.
 */
class ValuePropertiesTest {
    static final long SEED = 0x5EED_F1A1_5BECL;
    static final int EXAMPLES = 3000;

    private static Value one(long seed) {
        Random r = new Random(seed);
        return RandomValues.gen(RandomValues.type(r, 3), r);
    }

    @Test
    void equalValuesHaveEqualFingerprintsWhateverTheRepresentation() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            Value v = RandomValues.gen(RandomValues.type(r, 3), r);
            Value w = RandomValues.rebuild(v, r);
            assertEquals(v, w, () -> v + " vs " + w);
            assertEquals(v.fingerprint(), w.fingerprint(), () -> v + " vs " + w);
            assertEquals(v.hashCode(), w.hashCode());
            assertEquals(0, v.compareTo(w));
            assertTrue(Tla.eq(v, w));
        });
    }

    @Test
    void orderIsTotalAndConsistentWithEquality() {
        qt().withFixedSeed(SEED + 1).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            RandomValues.Type t = RandomValues.type(r, 3);
            Value a = RandomValues.gen(t, r);
            Value b = RandomValues.gen(t, r);
            Value c = RandomValues.gen(t, r);
            int ab = Integer.signum(a.compareTo(b));
            assertEquals(-ab, Integer.signum(b.compareTo(a)), () -> a + " vs " + b);
            assertEquals(ab == 0, a.equals(b), () -> a + " vs " + b);
            assertEquals(a.equals(b), Tla.eq(a, b));
            if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
                assertTrue(a.compareTo(c) <= 0, () -> a + " <= " + b + " <= " + c);
            }
            if (!a.equals(b)) {
                assertNotEquals(a.fingerprint(), b.fingerprint(), () -> "fingerprint collision " + a + " vs " + b);
            }
        });
    }

    @Test
    void exceptKeepsFingerprintsConsistent() {
        qt().withFixedSeed(SEED + 5).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            RandomValues.Type t = new RandomValues.Type('F', new RandomValues.Type("ism".charAt(r.nextInt(3)), null, null, null, null),
                    RandomValues.type(r, 2), null, null);
            Value v = RandomValues.gen(t, r);
            FcnValue f = (FcnValue) v;
            if (f.size() == 0) {
                return;
            }
            if (r.nextBoolean()) {
                f.fingerprint(); // the derived (O(1)) path, else the full computation
            }
            int i = r.nextInt(f.size());
            Value nv = RandomValues.gen(t.val(), r);
            Value g = Tla.except(f, new Value[] {f.keyAt(i)}, nv);
            Value[] keys = new Value[f.size()];
            Value[] vals = new Value[f.size()];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = f.keyAt(k);
                vals[k] = k == i ? nv : f.valueAt(k);
            }
            Value fresh = Tla.fromPairs(keys, vals);
            assertEquals(fresh, g);
            assertEquals(fresh.fingerprint(), g.fingerprint(), () -> f + " EXCEPT at " + f.keyAt(i) + " = " + nv);
            // the one-key form generated code uses: the same function, and unchanged outside the domain
            Value one = Tla.except(f, f.keyAt(i), nv);
            assertEquals(fresh, one);
            assertEquals(fresh.fingerprint(), one.fingerprint());
            Value outside = RandomValues.gen(t.elem(), r);
            assertEquals(Tla.except(f, new Value[] {outside}, nv), Tla.except(f, outside, nv));
        });
    }

    @Test
    void atAtIsTheLeftFunctionWhereDefinedAndTheRightElsewhere() {
        qt().withFixedSeed(SEED + 7).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            RandomValues.Type t = new RandomValues.Type('F', new RandomValues.Type("ism".charAt(r.nextInt(3)), null, null, null, null),
                    RandomValues.type(r, 2), null, null);
            FcnValue f = (FcnValue) RandomValues.gen(t, r);
            FcnValue g = (FcnValue) RandomValues.gen(t, r);
            FcnValue merged = Tla.atAt(f, g);
            SetValue domain = Tla.union(Tla.domain(f), Tla.domain(g));
            assertEquals(domain, merged.domain(), () -> f + " @@ " + g);
            Value expected = Tla.fcn(domain, k -> Tla.in(k, Tla.domain(f)) ? Tla.apply(f, k) : Tla.apply(g, k));
            assertEquals(expected, merged, () -> f + " @@ " + g);
            assertEquals(expected.fingerprint(), merged.fingerprint(), () -> f + " @@ " + g);
        });
    }

    @Test
    void theUnionOfAMapIsTheUnionOfTheMappedSet() {
        qt().withFixedSeed(SEED + 8).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            RandomValues.Type sets = new RandomValues.Type('S', RandomValues.type(r, 2), null, null, null);
            Value[] parts = new Value[r.nextInt(5)];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = RandomValues.gen(sets, r);
            }
            // an index set mapped to the parts (two indexes may map to equal parts)
            Value indexes = Tla.interval(1, parts.length);
            java.util.function.Function<Value, Value> part = k -> parts[((IntValue) k).value() - 1];
            SetValue expected = Tla.bigUnion(Tla.map(indexes, part));
            SetValue actual = Tla.unionOfMap(indexes, part);
            assertEquals(expected, actual, () -> java.util.Arrays.toString(parts));
            assertEquals(expected.fingerprint(), actual.fingerprint());
            assertEquals(expected, Tla.unionOfMap(Tla.set(Tla.fromPairs(new Value[0], new Value[0])),
                    f -> expected), "a one-element set maps to its one part");
        });
    }

    @Test
    void disjointIsAnEmptyIntersection() {
        qt().withFixedSeed(SEED + 9).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            RandomValues.Type t = new RandomValues.Type('S', RandomValues.type(r, 2), null, null, null);
            Value a = RandomValues.gen(t, r);
            Value b = RandomValues.gen(t, r);
            assertEquals(Tla.eq(Tla.intersect(a, b), Tla.set()), Tla.disjoint(a, b), () -> a + " and " + b);
            assertEquals(Tla.eq(Tla.intersect(a, a), Tla.set()), Tla.disjoint(a, a), a::toString);
        });
    }

    @Test
    void aRestrictionIsTheFunctionThatAppliesItsDomain() {
        qt().withFixedSeed(SEED + 10).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            RandomValues.Type keys = new RandomValues.Type("ism".charAt(r.nextInt(3)), null, null, null, null);
            FcnValue f = (FcnValue) RandomValues.gen(new RandomValues.Type('F', keys, RandomValues.type(r, 2), null, null), r);
            SetValue domain = Tla.domain(f);
            Value dropped = domain.size() == 0 ? RandomValues.gen(keys, r) : f.keyAt(r.nextInt(domain.size()));
            // the domain itself, without one of its keys (the same objects), the same keys rebuilt
            // (equal, other objects), and a set of keys that may lie outside it (an error then)
            for (Value s : List.of(domain, Tla.minus(domain, Tla.set(dropped)), RandomValues.rebuild(domain, r),
                    RandomValues.gen(new RandomValues.Type('S', keys, null, null, null), r))) {
                assertSameOutcome(() -> Tla.fcn(s, x -> Tla.apply(f, x)), () -> Tla.restrict(f, s), () -> f + " on " + s);
            }
        });
    }

    /** Both give equal values with equal fingerprints, or both fail with the same message. */
    private static void assertSameOutcome(java.util.function.Supplier<Value> expected, java.util.function.Supplier<Value> actual,
            java.util.function.Supplier<String> what) {
        Value e;
        try {
            e = expected.get();
        } catch (TlaEvalException failure) {
            TlaEvalException other = assertThrows(TlaEvalException.class, actual::get, what);
            assertEquals(failure.getMessage(), other.getMessage(), what);
            return;
        }
        Value a = actual.get();
        assertEquals(e, a, what);
        assertEquals(e.fingerprint(), a.fingerprint(), what);
    }

    @Test
    void tlcTextRoundTrips() {
        qt().withFixedSeed(SEED + 2).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Value v = one(seed);
            Value back = ValueParser.parse(v.toString(), RandomValues.NAMES);
            assertEquals(v, back, v::toString);
            assertEquals(v.toString(), back.toString());
        });
    }

    @Test
    void itfRoundTrips() {
        qt().withFixedSeed(SEED + 3).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Value v = one(seed);
            assertEquals(v, Itf.fromJson(Itf.toJson(v), RandomValues.NAMES), v::toString);
        });
    }

    @Test
    void setOperationsAgreeWithMembership() {
        qt().withFixedSeed(SEED + 4).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            RandomValues.Type t = new RandomValues.Type('S', RandomValues.type(r, 2), null, null, null);
            Value a = RandomValues.gen(t, r);
            Value b = RandomValues.gen(t, r);
            Value u = Tla.union(a, b);
            Value i = Tla.intersect(a, b);
            Value m = Tla.minus(a, b);
            for (Value x : Tla.elements(u)) {
                assertEquals(Tla.in(x, a) || Tla.in(x, b), true);
                assertEquals(Tla.in(x, a) && Tla.in(x, b), Tla.in(x, i));
                assertEquals(Tla.in(x, a) && !Tla.in(x, b), Tla.in(x, m));
            }
            assertEquals(Tla.asInt(Tla.cardinality(u)) + Tla.asInt(Tla.cardinality(i)),
                    Tla.asInt(Tla.cardinality(a)) + Tla.asInt(Tla.cardinality(b)));
            assertTrue(Tla.subseteq(i, a) && Tla.subseteq(a, u) && Tla.subseteq(m, a));
            assertEquals(1 << Tla.asInt(Tla.cardinality(a)), Tla.asInt(Tla.cardinality(Tla.subsetOf(a))));
        });
    }
}
