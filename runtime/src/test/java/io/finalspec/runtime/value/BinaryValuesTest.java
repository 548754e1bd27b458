package io.finalspec.runtime.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Round trips of the binary value form, seeded (QuickTheories, fixed seed): read into another
 * {@link NameTable} with the same ranks (another JVM running the same machine) the value is equal,
 * has the same fingerprint and prints the same; read into a table whose ranks differ (names first
 * met while running, in another order) it still has the same fingerprint, which is all the seen
 * set compares, and its sets are sorted in the reading table's order.
 */
class BinaryValuesTest {
    private static final long SEED = 0xB1_4A_72_5EEDL;
    /** Every string, field name and model value {@link RandomValues} makes. */
    private static final List<String> GENERATED_NAMES =
            List.of("a", "b", "c", "zz", "a b", "q\"uote", "new\nline", "", "pc", "x", "m1", "m2", "m3");

    @Test
    void roundTripKeepsEqualityAndFingerprintInAnotherTable() {
        List<String> names = new ArrayList<>(GENERATED_NAMES);
        names.forEach(RandomValues.NAMES::str);
        names.sort((a, b) -> Integer.compare(RandomValues.NAMES.rank(a), RandomValues.NAMES.rank(b)));
        BinaryValues.Reader same = new BinaryValues.Reader(new NameTable(names));
        java.util.Collections.reverse(names);
        BinaryValues.Reader foreign = new BinaryValues.Reader(new NameTable(names));
        BinaryValues.Writer w = new BinaryValues.Writer();
        qt().withFixedSeed(SEED).withExamples(3000).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            Value v = RandomValues.gen(RandomValues.type(r, 3), r);
            Value u = RandomValues.gen(RandomValues.type(r, 2), r);
            w.reset();
            w.write(v);
            w.write(u);
            byte[] bytes = w.toByteArray();
            same.reset(bytes, 0);
            Value back = same.read();
            Value back2 = same.read();
            assertEquals(bytes.length, same.position());
            assertEquals(v, back, v::toString);
            assertEquals(v.fingerprint(), back.fingerprint(), v::toString);
            assertEquals(v.toString(), back.toString());
            assertEquals(u, back2, u::toString);
            assertEquals(u.fingerprint(), back2.fingerprint(), u::toString);
            foreign.reset(bytes, 0);
            assertEquals(v.fingerprint(), foreign.read().fingerprint(), v::toString);
            assertEquals(u.fingerprint(), foreign.read().fingerprint(), u::toString);
            assertEquals(bytes.length, foreign.position());
        });
    }

    @Test
    void readIntoAnotherTableSortsInThatTablesOrder() {
        NameTable left = new NameTable(List.of("a", "b"));
        NameTable right = new NameTable(List.of("b", "a"));
        Value set = Tla.set(left.str("a"), left.str("b"));
        BinaryValues.Writer w = new BinaryValues.Writer();
        w.write(set);
        BinaryValues.Reader r = new BinaryValues.Reader(right);
        r.reset(w.toByteArray(), 0);
        Value back = r.read();
        assertEquals(set.fingerprint(), back.fingerprint());
        assertEquals("{\"b\", \"a\"}", back.toString());
    }

    @Test
    void theTablesOwnNamesTravelAsRanksAndGrownNamesAsText() {
        List<String> list = List.of("idle", "running", "main");
        NameTable writerTable = new NameTable(list);
        Value grown = writerTable.str("grown while running");
        Value v = writerTable.record(new String[] {"main", "x"}, new Value[] {writerTable.modelValue("running"),
            Tla.set(writerTable.str("idle"), grown)});
        BinaryValues.Writer spelled = new BinaryValues.Writer();
        spelled.write(v);
        BinaryValues.Writer ranked = new BinaryValues.Writer(writerTable);
        ranked.write(v);
        // each fixed name is a tag and a one-byte rank instead of a tag, a one-byte length and its text
        assertEquals("main".length() + "running".length() + "idle".length(), spelled.size() - ranked.size());
        NameTable otherJvm = new NameTable(list);
        otherJvm.str("another name grown first");
        BinaryValues.Reader r = new BinaryValues.Reader(otherJvm);
        r.reset(ranked.toByteArray(), 0);
        Value back = r.read();
        assertEquals(v, back);
        assertEquals(v.fingerprint(), back.fingerprint());
        assertEquals(v.toString(), back.toString());
    }

    @Test
    void repeatedNamesAreWrittenOnce() {
        NameTable t = new NameTable();
        Value f = t.record(new String[] {"p", "q", "r"}, new Value[] {t.str("running"), t.str("running"), t.modelValue("running")});
        BinaryValues.Writer w = new BinaryValues.Writer();
        w.write(f);
        // tag + count, three keys (tag + length + 1 byte), "running" once as a string and once as a model value, one reference
        assertEquals(2 + 3 * 3 + 2 * (2 + 7) + 2, w.size());
    }

    @Test
    void intervalsTravelAsBoundsAndInfiniteSetsAreRefused() {
        BinaryValues.Writer w = new BinaryValues.Writer();
        w.write(Tla.interval(-5, 1_000_000));
        assertEquals(1 + 1 + 3, w.size());
        BinaryValues.Reader r = new BinaryValues.Reader(new NameTable());
        r.reset(w.toByteArray(), 0);
        assertEquals(Tla.interval(-5, 1_000_000), r.read());
        assertThrows(IllegalArgumentException.class, () -> w.write(Tla.NAT));
    }
}
