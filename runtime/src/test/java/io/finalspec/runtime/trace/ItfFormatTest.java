package io.finalspec.runtime.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.ArrayState;
import io.finalspec.runtime.testing.LambdaMachine;
import io.finalspec.runtime.testing.Machines;
import io.finalspec.runtime.value.NameTable;
import io.finalspec.runtime.value.Tla;
import io.finalspec.runtime.value.Value;

/** ITF files as ADR-015 writes them and as Quint and Apalache read and write them. */
class ItfFormatTest {
    private final NameTable names = new NameTable();

    private Value only(String valueJson) {
        return Itf.read("{\"vars\": [\"v\"], \"states\": [{\"v\": " + valueJson + "}]}", names).states().get(0).get("v");
    }

    @Test
    void readsEveryValueFormOfAdr015() {
        assertEquals(Tla.tuple(Tla.integer(1), names.str("a")), only("[1, \"a\"]"));
        assertEquals(Tla.EMPTY_SEQ, only("[]"));
        assertEquals(Tla.integer(-12), only("{\"#bigint\": \"-12\"}"));
        assertEquals(Tla.set(Tla.integer(1), Tla.integer(2)), only("{\"#set\": [2, 1]}"));
        assertEquals(Tla.tuple(Tla.TRUE, Tla.integer(3)), only("{\"#tup\": [true, 3]}"));
        assertEquals(Tla.colonGt(Tla.integer(5), names.str("x")), only("{\"#map\": [[5, \"x\"]]}"));
        assertEquals(names.record(new String[] {"a", "b"}, new Value[] {Tla.integer(1), Tla.EMPTY_SEQ}), only("{\"a\": 1, \"b\": []}"));
        assertEquals(names.modelValue("p1"), only("\"p1_OF_PROC\""));
        assertEquals(names.str("plain_of_text"), only("\"plain_of_text\""));
    }

    @Test
    void rejectsUnserializableWithItsPosition() {
        ItfException e = assertThrows(ItfException.class,
            () -> Itf.read("{\"vars\": [\"v\"],\n \"states\": [{\"v\": {\"#unserializable\": \"Int\"}}]}", names));
        assertEquals(2, e.line());
        assertEquals(19, e.column());
        assertTrue(e.detail().contains("could not write this value"), e.detail());
    }

    @Test
    void malformedJsonIsAPosition() {
        ItfException e = assertThrows(ItfException.class, () -> Itf.read("{\"vars\": [\"v\"],\n  \"states\": [{\"v\": 1,}]}", names));
        assertEquals(2, e.line());
        assertTrue(e.format("t.itf.json").startsWith("t.itf.json:2:"), e.format("t.itf.json"));
    }

    @Test
    void checksVarsAndMeta() {
        ItfException missing = assertThrows(ItfException.class,
            () -> Itf.read("{\"vars\": [\"v\", \"w\"], \"states\": [{\"v\": 1}]}", names));
        assertTrue(missing.detail().contains("no value for variable w"), missing.detail());
        ItfException meta = assertThrows(ItfException.class, () -> Itf.read("{\"#meta\": 3, \"states\": [{\"v\": 1}]}", names));
        assertTrue(meta.detail().contains("\"#meta\" must be an object"), meta.detail());
        ItfException types = assertThrows(ItfException.class,
            () -> Itf.read("{\"#meta\": {\"varTypes\": {\"z\": \"Int\"}}, \"vars\": [\"v\"], \"states\": [{\"v\": 1}]}", names));
        assertTrue(types.detail().contains("not in \"vars\""), types.detail());
        Itf.ItfTrace t = Itf.read("{\"#meta\": {\"varTypes\": {\"v\": \"Str -> Set(PROC)\"}}, \"vars\": [\"v\"], \"states\": [{\"v\": {\"#map\": []}}]}", names);
        assertEquals("Str -> Set(PROC)", t.varTypes().get("v").toString());
    }

    @Test
    void quintActionTakenAndNondetPicksAreTheLabel() {
        String quint = """
            {"vars": ["x", "mbt::actionTaken", "mbt::nondetPicks"], "states": [
              {"x": {"#bigint": "0"}, "mbt::actionTaken": "init", "mbt::nondetPicks": {"d": {"tag": "None", "value": {"#tup": []}}}},
              {"x": {"#bigint": "2"}, "mbt::actionTaken": "Inc", "mbt::nondetPicks": {"d": {"tag": "Some", "value": {"#bigint": "2"}}}}
            ]}""";
        Itf.ItfTrace t = Itf.read(quint, names);
        assertEquals(List.of("x"), t.variables());
        assertEquals(java.util.Arrays.asList(null, "Inc(d=2)"), t.actions());
    }

    @Test
    void writesModelValuesAsUninterpretedValuesAndTypesDecideTheForm() {
        List<String> vars = List.of("who", "count", "log", "pair", "seen");
        Value who = names.modelValue("p1");
        Value count = names.record(new String[] {"a", "b"}, new Value[] {Tla.integer(0), Tla.integer(1)});
        Value log = Tla.tuple(names.str("x"), names.str("y"));
        Value pair = Tla.tuple(Tla.integer(1), Tla.integer(2));
        Value seen = Tla.set(who);
        Trace trace = new Trace(vars, List.of(new Trace.Step(null, new ArrayState(vars, new Value[] {who, count, log, pair, seen}))));
        Map<String, ItfType> types = Map.of("who", ItfType.parse("PROC"), "count", ItfType.parse("Str -> Int"),
            "log", ItfType.parse("Int -> Str"), "pair", ItfType.parse("<<Int, Int>>"), "seen", ItfType.parse("Set(PROC)"));
        JsonObject typed = JsonParser.parseString(Itf.write(trace, "T.tla", types)).getAsJsonObject();
        JsonObject s = typed.getAsJsonArray("states").get(0).getAsJsonObject();
        assertEquals("\"p1_OF_PROC\"", s.get("who").toString());
        assertEquals("{\"#map\":[[\"a\",0],[\"b\",1]]}", s.get("count").toString());
        assertEquals("{\"#map\":[[1,\"x\"],[2,\"y\"]]}", s.get("log").toString());
        assertEquals("{\"#tup\":[1,2]}", s.get("pair").toString());
        assertEquals("{\"#set\":[\"p1_OF_PROC\"]}", s.get("seen").toString());
        assertEquals("Str -> Int", typed.getAsJsonObject("#meta").getAsJsonObject("varTypes").get("count").getAsString());

        JsonObject plain = JsonParser.parseString(Itf.write(trace, "T.tla")).getAsJsonObject()
            .getAsJsonArray("states").get(0).getAsJsonObject();
        assertEquals("\"p1_OF_UNTYPED\"", plain.get("who").toString());
        assertEquals("{\"a\":0,\"b\":1}", plain.get("count").toString());
        assertEquals("[\"x\",\"y\"]", plain.get("log").toString());
        for (Map<String, ItfType> t : List.of(types, Map.<String, ItfType>of())) {
            Itf.ItfTrace back = Itf.read(Itf.write(trace, "T.tla", t), names);
            for (int j = 0; j < vars.size(); j++) {
                assertEquals(trace.state(0).get(j), back.states().get(0).get(vars.get(j)), vars.get(j));
            }
        }
    }

    @Test
    void aFunctionWhoseDomainChangesIsAMap() {
        List<String> vars = List.of("f");
        Value f0 = names.record(new String[] {"a"}, new Value[] {Tla.integer(1)});
        Value f1 = names.record(new String[] {"a", "b"}, new Value[] {Tla.integer(1), Tla.integer(2)});
        Trace trace = new Trace(vars, List.of(new Trace.Step(null, new ArrayState(vars, new Value[] {f0})),
            new Trace.Step(ActionLabel.of("Grow"), new ArrayState(vars, new Value[] {f1}))));
        String json = Itf.write(trace, null);
        assertTrue(json.contains("\"#map\""), json);
        assertEquals(f1, Itf.read(json, names).states().get(1).get("f"));
    }

    @Test
    void aLassoWhoseBackEdgeIsNotAStepFails() {
        LambdaMachine m = Machines.counters(1, 3);
        String states = "[{\"c0\": 0}, {\"c0\": 1}, {\"c0\": 2}]";
        Trace good = Itf.read("{\"vars\": [\"c0\"], \"loop\": 0, \"states\": " + states + "}", m.names()).toTrace(m);
        assertTrue(new TraceReplayer(m).replay(good).ok());
        Trace bad = Itf.read("{\"vars\": [\"c0\"], \"loop\": 1, \"states\": " + states + "}", m.names()).toTrace(m);
        TraceReplayer.Report r = new TraceReplayer(m).replay(bad);
        assertFalse(r.ok());
        assertTrue(r.reason().contains("back edge"), r.toString());
        Trace stutter = Itf.read("{\"vars\": [\"c0\"], \"loop\": 2, \"states\": " + states + "}", m.names()).toTrace(m);
        assertTrue(new TraceReplayer(m).replay(stutter).ok());
    }

    @Test
    void readsTypeAnnotationsOfVariables() {
        String spec = "VARIABLES\n  \\* @type: Str -> Int;\n  tally,\n  (* @type: Seq(PROC); *) log, other\n"
            + "\\* @type: Int;\nVARIABLE solo\n\\* @type: weird stuff;\nVARIABLE odd\n";
        Map<String, ItfType> types = ItfType.declaredIn(spec, List.of("tally", "log", "other", "solo", "odd"));
        assertEquals("{tally=Str -> Int, log=Seq(PROC), solo=Int}", types.toString());
    }

    @Test
    void parsesApalacheTypes() {
        assertEquals("(Int -> Int) -> Set(<<Str, Bool>>)", ItfType.parse("(Int -> Int) -> Set(<<Str, Bool>>)").toString());
        assertEquals("{name: Str, count: Int}", ItfType.parse("{ name: Str, count: Int }").toString());
        assertEquals("Seq(PROC)", ItfType.parse("Seq(PROC)").toString());
        assertThrows(IllegalArgumentException.class, () -> ItfType.parse("Set(Int"));
        assertThrows(IllegalArgumentException.class, () -> ItfType.parse("weird"));
    }
}
