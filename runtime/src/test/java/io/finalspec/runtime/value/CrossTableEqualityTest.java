package io.finalspec.runtime.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Values built in two name tables that rank the same strings differently are still equal when
 * TLA+ says so: their elements (and function domains) come out in different orders, so equality
 * cannot be an element-by-element walk alone. (Found by the distributed module's property test:
 * fingerprints agreed, {@code equal} said false.)
 */
class CrossTableEqualityTest {

    private final NameTable ab = new NameTable(List.of("a", "b", "c"));
    private final NameTable ba = new NameTable(List.of("c", "b", "a"));

    private SetValue set(NameTable t, String... names) {
        Value[] v = new Value[names.length];
        for (int i = 0; i < names.length; i++) {
            v[i] = t.str(names[i]);
        }
        return Tla.set(v);
    }

    @Test
    void equalSetsOfStringsFromTwoTablesAreEqual() {
        SetValue x = set(ab, "a", "b", "c");
        SetValue y = set(ba, "a", "b", "c");
        assertEquals(x.fingerprint(), y.fingerprint());
        assertTrue(ValueOrder.equal(x, y));
        assertTrue(ValueOrder.strictEqual(x, y));
        assertTrue(ValueOrder.equal(Tla.set(x), Tla.set(y)), "nested");
    }

    @Test
    void unequalSetsFromTwoTablesStayUnequal() {
        assertFalse(ValueOrder.equal(set(ab, "a", "b"), set(ba, "a", "c")));
        assertFalse(ValueOrder.strictEqual(set(ab, "a", "b"), set(ba, "b", "c")));
        assertFalse(ValueOrder.equal(set(ab, "a", "b"), set(ba, "a", "b", "c")));
    }

    @Test
    void functionsOverStringDomainsFromTwoTablesAreEqual() {
        FcnValue f = Tla.fcn(set(ab, "a", "b", "c"), k -> Tla.set(k));
        FcnValue g = Tla.fcn(set(ba, "a", "b", "c"), k -> Tla.set(k));
        assertEquals(f.fingerprint(), g.fingerprint());
        assertTrue(ValueOrder.equal(f, g));
        assertTrue(ValueOrder.strictEqual(f, g));
        FcnValue h = Tla.fcn(set(ba, "a", "b", "c"), k -> k);
        assertFalse(ValueOrder.equal(f, h));
    }
}
