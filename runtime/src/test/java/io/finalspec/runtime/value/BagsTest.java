package io.finalspec.runtime.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The Bags operators on the values of the corpus's BagFacts module, whose ASSUMEs TLC 2.18 accepts
 * (B1 = [a |-> 2, b |-> 1], B2 = "b" :> 3 @@ "c" :> 1), and the errors TLC reports.
 */
class BagsTest {
    private static final NameTable NAMES = new NameTable();
    private static final Value A = NAMES.str("a");
    private static final Value B = NAMES.str("b");
    private static final Value C = NAMES.str("c");

    private static Value bag(Object... keysAndCounts) {
        Value[] keys = new Value[keysAndCounts.length / 2];
        Value[] counts = new Value[keys.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = (Value) keysAndCounts[2 * i];
            counts[i] = Tla.integer((Integer) keysAndCounts[2 * i + 1]);
        }
        return Tla.fromPairs(keys, counts);
    }

    private static final Value B1 = bag(A, 2, B, 1);
    private static final Value B2 = bag(B, 3, C, 1);

    @Test
    void membershipAndCounts() {
        assertEquals(Tla.EMPTY_SEQ, Bags.EMPTY);
        assertTrue(Bags.isABag(B1));
        assertTrue(Bags.isABag(Tla.tuple(Tla.integer(1), Tla.integer(2))));
        assertFalse(Bags.isABag(Tla.tuple(Tla.integer(0))));
        assertFalse(Bags.isABag(Tla.set(Tla.integer(1))), "not a function: FALSE, not an error");
        assertFalse(Bags.isABag(Tla.fromPairs(new Value[] {A}, new Value[] {NAMES.str("x")})));
        assertEquals(Tla.set(A, B), Bags.bagToSet(B1));
        assertEquals(bag(A, 1, B, 1), Bags.setToBag(Tla.set(A, B)));
        assertTrue(Bags.bagIn(A, B1));
        assertFalse(Bags.bagIn(C, B1));
        assertEquals(Tla.integer(2), Bags.copiesIn(A, B1));
        assertEquals(Tla.integer(0), Bags.copiesIn(NAMES.str("z"), B1));
        assertEquals(Tla.integer(3), Bags.bagCardinality(B1));
        assertEquals(Tla.integer(0), Bags.bagCardinality(Bags.EMPTY));
    }

    @Test
    void sumsDifferencesUnionsAndInclusion() {
        assertEquals(bag(A, 2, B, 4, C, 1), Bags.plus(B1, B2));
        assertEquals(bag(A, 2), Bags.minus(B1, B2));
        assertEquals(bag(B, 2, C, 1), Bags.minus(B2, B1));
        assertEquals(B1, Bags.minus(B1, Bags.EMPTY));
        assertEquals(Bags.EMPTY, Bags.minus(bag(A, 0), Bags.EMPTY), "an element left with no copy is dropped");
        assertEquals(bag(A, 2, B, 4, C, 1), Bags.bagUnion(Tla.set(B1, B2, B1)), "equal bags count once");
        assertEquals(Bags.EMPTY, Bags.bagUnion(Tla.EMPTY_SET));
        assertEquals(B1, Bags.bagUnion(Tla.set(B1)));
        assertTrue(Bags.sqSubseteq(bag(A, 1), B1));
        assertFalse(Bags.sqSubseteq(B1, bag(A, 2)));
        assertTrue(Bags.sqSubseteq(Bags.EMPTY, B2));
        assertTrue(Bags.sqSubseteq(B1, B1));
    }

    @Test
    void whatTlcRefusesIsAnError() {
        // TLC: (+) needs two bags; BagToSet and BagCardinality a function (of positive counts)
        assertThrows(TlaEvalException.class, () -> Bags.plus(Tla.set(Tla.integer(1)), Bags.EMPTY));
        assertThrows(TlaEvalException.class, () -> Bags.plus(B1, bag(A, 0)));
        assertThrows(TlaEvalException.class, () -> Bags.bagToSet(Tla.integer(3)));
        assertThrows(TlaEvalException.class, () -> Bags.bagCardinality(bag(A, 0)));
        assertThrows(TlaEvalException.class, () -> Bags.setToBag(Tla.NAT));
    }

    @Test
    void imagesAndSubbags() {
        Value initial = Tla.fromPairs(new Value[] {B, C}, new Value[] {B, B});
        assertEquals(bag(B, 4), Bags.bagOfAll(B2, x -> Tla.apply(initial, x)), "copies with the same image add up");
        assertEquals(Bags.EMPTY, Bags.bagOfAll(Bags.EMPTY, x -> x));
        assertEquals(bag(A, 0), Bags.bagOfAll(bag(A, 0), x -> x), "only a function is needed, as TLC's code");
        assertThrows(TlaEvalException.class, () -> Bags.bagOfAll(Tla.set(A), x -> x));
        assertEquals(Tla.set(Bags.EMPTY, bag(A, 1), bag(A, 2)), Bags.subBag(bag(A, 2)));
        assertEquals(Tla.set(Bags.EMPTY), Bags.subBag(Bags.EMPTY));
        SetValue subbags = (SetValue) Bags.subBag(B1);
        assertEquals(6, subbags.size());
        assertTrue(subbags.contains(bag(A, 2, B, 1)));
        assertFalse(subbags.contains(bag(B, 2)));
        assertThrows(TlaEvalException.class, () -> Bags.subBag(bag(A, 0)), "not a bag");
    }
}
