package io.finalspec.runtime.machine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.finalspec.runtime.value.NameTable;
import io.finalspec.runtime.value.Tla;
import io.finalspec.runtime.value.Value;
import org.junit.jupiter.api.Test;

/** The symmetry group and the canonical state of an orbit. */
class SymmetryTest {
    private final NameTable names = new NameTable(java.util.List.of("a", "b", "c"));
    private final Value a = names.modelValue("a");
    private final Value b = names.modelValue("b");
    private final Value c = names.modelValue("c");

    @Test
    void permutationsOfThreeGiveSixElements() {
        assertEquals(6, Symmetry.of(Tla.permutations(Tla.set(a, b, c))).size());
    }

    @Test
    void twoTranspositionsGenerateTheWholeGroup() {
        Value ab = Tla.fromPairs(new Value[] {a, b}, new Value[] {b, a});
        Value bc = Tla.fromPairs(new Value[] {b, c}, new Value[] {c, b});
        assertEquals(6, Symmetry.of(Tla.set(ab, bc)).size());
        assertEquals(2, Symmetry.of(Tla.set(ab)).size());
    }

    @Test
    void canonicalIsTheLeastStateOfTheOrbit() {
        Symmetry s = Symmetry.of(Tla.permutations(Tla.set(a, b, c)));
        // model values order by their rank in the table: a < b < c
        Value[] state = {c, Tla.set(b, c), Tla.fromPairs(new Value[] {b}, new Value[] {Tla.integer(1)})};
        Value[] expected = {a, Tla.set(a, b), Tla.fromPairs(new Value[] {b}, new Value[] {Tla.integer(1)})};
        assertArrayEquals(expected, s.canonical(state));
        assertArrayEquals(expected, s.canonical(expected));
    }
}
