package io.finalspec.runtime.value;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import org.junit.jupiter.api.Test;

class ValueArraysTest {
    private final Value[] abc = {Tla.integer(1), Tla.integer(2), Tla.integer(3)};

    @Test
    void copiesAreNewArraysWithTheSameElements() {
        Value[] c = ValueArrays.copy(abc);
        assertNotSame(abc, c);
        assertArrayEquals(abc, c);
        assertArrayEquals(new Value[0], ValueArrays.copy(new Value[0]));
    }

    @Test
    void copyOfTruncatesOrPadsWithNulls() {
        assertArrayEquals(new Value[] {abc[0], abc[1]}, ValueArrays.copyOf(abc, 2));
        assertArrayEquals(new Value[] {abc[0], abc[1], abc[2], null}, ValueArrays.copyOf(abc, 4));
    }

    @Test
    void copyOfRangeTakesFromInclusiveToExclusive() {
        assertArrayEquals(new Value[] {abc[1], abc[2]}, ValueArrays.copyOfRange(abc, 1, 3));
        assertArrayEquals(new Value[0], ValueArrays.copyOfRange(abc, 3, 3));
    }
}
