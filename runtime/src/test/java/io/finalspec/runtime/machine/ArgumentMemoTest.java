package io.finalspec.runtime.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.finalspec.runtime.value.Tla;
import io.finalspec.runtime.value.Value;
import org.junit.jupiter.api.Test;

class ArgumentMemoTest {
    @Test
    void aValueIsFoundForTheSameArgumentObjectsOnly() {
        Value a = Tla.tuple(Tla.integer(1));
        Value equalToA = Tla.tuple(Tla.integer(1));
        Value v = Tla.integer(7);
        Value[] table = ArgumentMemo.with(null, v, a);
        assertSame(v, ArgumentMemo.find(table, a));
        // equal but another object: a miss (the lookup never compares values)
        assertNull(ArgumentMemo.find(table, equalToA));
        assertNull(ArgumentMemo.find(null, a));
    }

    @Test
    void entriesOfTwoAndMoreArgumentsMatchEveryArgument() {
        Value a = Tla.integer(1);
        Value b = Tla.integer(2);
        Value c = Tla.integer(3);
        Value[] two = ArgumentMemo.with(ArgumentMemo.with(null, Tla.TRUE, a, b), Tla.FALSE, b, a);
        assertSame(Tla.TRUE, ArgumentMemo.find(two, a, b));
        assertSame(Tla.FALSE, ArgumentMemo.find(two, b, a));
        assertNull(ArgumentMemo.find(two, a, a));
        Value[] three = ArgumentMemo.with(null, Tla.TRUE, a, b, c);
        assertSame(Tla.TRUE, ArgumentMemo.find(three, a, b, c));
        assertNull(ArgumentMemo.find(three, a, b, a));
    }

    @Test
    void aTableIsNeverChangedAndStopsGrowingWhenFull() {
        Value[] table = null;
        for (int i = 0; i < ArgumentMemo.MAX_ENTRIES; i++) {
            Value[] before = table;
            table = ArgumentMemo.with(table, Tla.integer(100 + i), Tla.integer(i));
            if (before != null) {
                assertEquals(2 * i, before.length, "the earlier table keeps its entries only");
            }
        }
        Value[] full = table;
        assertSame(full, ArgumentMemo.with(full, Tla.integer(0), Tla.integer(99)));
        assertNull(ArgumentMemo.find(full, Tla.integer(99)));
        for (int i = 0; i < ArgumentMemo.MAX_ENTRIES; i++) {
            assertEquals(Tla.integer(100 + i), ArgumentMemo.find(full, Tla.integer(i)));
        }
    }
}
