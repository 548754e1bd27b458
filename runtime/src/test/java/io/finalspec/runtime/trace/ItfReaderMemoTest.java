package io.finalspec.runtime.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.finalspec.runtime.value.NameTable;
import io.finalspec.runtime.value.Tla;

/**
 * {@link Itf.Reader} skips over state variables whose JSON text it has read before: what it reads
 * must be exactly what a fresh reader reads, values, actions and error positions alike.
 */
class ItfReaderMemoTest {
    private final NameTable names = new NameTable();

    private static final String FIRST = """
        {"vars": ["v", "w"], "states": [
          {"#meta": {"index": 0}, "v": {"#set": [1, 2]}, "w": [1,
             2]},
          {"#meta": {"index": 1, "action": "A"}, "v": {"#set": [1, 2]}, "w": [1,
             2]}
        ]}""";

    private static final String SECOND = """
        {"vars": ["v", "w"], "states": [
          {"#meta": {"index": 0}, "v": {"#set": [1, 2]}, "w": [1,
             2]},
          {"#meta": {"index": 1, "action": "B"}, "v": {"#set": [2, 1]}, "w": {"#map": [["x_OF_P", "y"]]}},
          {"#meta": {"index": 2, "action": "A"}, "v": {"#set": [1, 2]}, "w": {"#map": [["x_OF_P", "y"]]}}
        ]}""";

    @Test
    void aSharedReaderReadsWhatAFreshOneReads() {
        Itf.Reader shared = new Itf.Reader(names);
        shared.read(FIRST);
        Itf.ItfTrace memo = shared.read(SECOND);
        Itf.ItfTrace fresh = new Itf.Reader(names).read(SECOND);
        assertEquals(fresh.states(), memo.states());
        assertEquals(fresh.actions(), memo.actions());
        assertEquals(fresh.statesAt(), memo.statesAt());
        assertEquals(fresh.actionsAt(), memo.actionsAt());
        assertEquals(List.of("B", "A"), memo.actions().subList(1, 3));
        assertEquals(Tla.set(Tla.integer(1), Tla.integer(2)), memo.states().get(2).get("v"));
        assertEquals(Tla.colonGt(names.modelValue("x"), names.str("y")), memo.states().get(2).get("w"));
    }

    @Test
    void anErrorAfterSkippedValuesIsWhereAFreshReaderPutsIt() {
        String bad = SECOND.replace("\"action\": \"A\"}, \"v\"", "\"action\": \"A\"}, \"v\": 1, \"v\"");
        Itf.Reader shared = new Itf.Reader(names);
        shared.read(FIRST);
        ItfException memo = assertThrows(ItfException.class, () -> shared.read(bad));
        ItfException fresh = assertThrows(ItfException.class, () -> new Itf.Reader(names).read(bad));
        assertEquals(fresh.getMessage(), memo.getMessage());
        assertEquals(5, memo.line());
    }

    @Test
    void aMalformedValueIsAnErrorEveryTimeItIsRead() {
        String bad = FIRST.replace("{\"#set\": [1, 2]}, \"w\": [1,\n     2]},\n  {\"#meta\": {\"index\": 1",
            "{\"#set\": [1, 1.5]}, \"w\": [1,\n     2]},\n  {\"#meta\": {\"index\": 1");
        Itf.Reader shared = new Itf.Reader(names);
        ItfException first = assertThrows(ItfException.class, () -> shared.read(bad));
        ItfException again = assertThrows(ItfException.class, () -> shared.read(bad));
        assertEquals(first.getMessage(), again.getMessage());
    }
}
