package io.finalspec.runtime.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.finalspec.runtime.explore.BfsExplorer;
import io.finalspec.runtime.explore.ExploreResult;
import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.testing.LambdaMachine;
import io.finalspec.runtime.testing.Machines;
import io.finalspec.runtime.value.NameTable;
import io.finalspec.runtime.value.Tla;
import io.finalspec.runtime.value.Value;

class TraceTest {
    private final NameTable names = new NameTable();


    /** Verbatim TLC 2.18 {@code -tool} output for the incrementer spec (module W). */
    static final String TOOL_OUTPUT = """
            @!@!@STARTMSG 2110:1 @!@!@
            Invariant Inv is violated.
            @!@!@ENDMSG 2110 @!@!@
            @!@!@STARTMSG 2121:1 @!@!@
            The behavior up to this point is:
            @!@!@ENDMSG 2121 @!@!@
            @!@!@STARTMSG 2217:4 @!@!@
            1: <Initial predicate>
            /\\ x = 0
            /\\ y = [a |-> {1}, b |-> <<"s">>]

            @!@!@ENDMSG 2217 @!@!@
            @!@!@STARTMSG 2217:4 @!@!@
            2: <Inc line 5, col 11 to line 5, col 35 of module W>
            /\\ x = 1
            /\\ y = [a |-> {1}, b |-> <<"s">>]

            @!@!@ENDMSG 2217 @!@!@
            @!@!@STARTMSG 2217:4 @!@!@
            3: <Inc line 5, col 11 to line 5, col 35 of module W>
            /\\ x = 3
            /\\ y = [a |-> {1}, b |-> <<"s">>]

            @!@!@ENDMSG 2217 @!@!@
            @!@!@STARTMSG 2199:0 @!@!@
            5 states generated, 4 distinct states found, 1 states left on queue.
            @!@!@ENDMSG 2199 @!@!@
            """;

    /** Verbatim TLC 2.18 plain counterexample for the same run in simulation mode. */
    static final String PLAIN_OUTPUT = """
            Error: Invariant Inv is violated.
            Error: The behavior up to this point is:
            State 1: <Initial predicate>
            /\\ x = 0
            /\\ y = [a |-> {1}, b |-> <<"s">>]

            State 2: <Inc line 5, col 11 to line 5, col 35 of module W>
            /\\ x = 2
            /\\ y = [a |-> {1}, b |-> <<"s">>]

            State 3: <Inc line 5, col 11 to line 5, col 35 of module W>
            /\\ x = 3
            /\\ y = [a |-> {1}, b |-> <<"s">>]

            The number of states generated: 3
            """;

    /** Verbatim trace module written by TLC 2.18 {@code -simulate file=...}. */
    static final String TRACE_MODULE = """
            ---------------- MODULE /tmp/tlc/simout/tr_0_0 -----------------
            STATE_1 ==\s
            /\\ x = 0
            /\\ y = [a |-> {1}, b |-> <<"s">>]


            STATE_2 ==\s
            /\\ x = 2
            /\\ y = [a |-> {1}, b |-> <<"s">>]


            STATE_3 ==\s
            /\\ x = 4
            /\\ y = [a |-> {1}, b |-> <<"s">>]


            =================================================
            """;

    @Test
    void readsToolCounterexampleAndReplaysIt() {
        List<TlcTraceReader.ParsedStep> steps = TlcTraceReader.readCounterexample(TOOL_OUTPUT, names);
        assertEquals(3, steps.size());
        assertNull(steps.get(0).action());
        assertEquals("Inc", steps.get(1).action());
        LambdaMachine m = Machines.incrementer();
        Trace t = TlcTraceReader.toTrace(m, steps);
        assertEquals(Tla.integer(3), t.state(2).get(0));
        assertTrue(new TraceReplayer(m).replay(t).ok());
    }

    @Test
    void readsPlainCounterexampleAndTraceModule() {
        LambdaMachine m = Machines.incrementer();
        Trace plain = TlcTraceReader.toTrace(m, TlcTraceReader.readCounterexample(PLAIN_OUTPUT, names));
        assertEquals(3, plain.size());
        assertTrue(new TraceReplayer(m).replay(plain).ok());
        Trace sim = TlcTraceReader.toTrace(m, TlcTraceReader.readTraceModule(TRACE_MODULE, names));
        assertEquals(3, sim.size());
        assertEquals(Tla.integer(4), sim.state(2).get(0));
        assertTrue(new TraceReplayer(m).replay(sim).ok());
    }

    @Test
    void replayReportsFirstBadStepWithDiff() {
        LambdaMachine m = Machines.incrementer();
        String bad = TRACE_MODULE.replace("x = 4", "x = 7");
        Trace t = TlcTraceReader.toTrace(m, TlcTraceReader.readTraceModule(bad, names));
        TraceReplayer.Report r = new TraceReplayer(m).replay(t);
        assertFalse(r.ok());
        assertEquals(2, r.failedStep());
        assertEquals(1, r.diff().size());
        assertEquals("x", r.diff().get(0).variable());
        assertEquals(Tla.integer(7), r.diff().get(0).expected());
        assertTrue(r.toString().contains("step 3"), r.toString());
        Trace wrongInit = TlcTraceReader.toTrace(m, TlcTraceReader.readTraceModule(TRACE_MODULE.replace("x = 0", "x = 1"), names));
        assertEquals(0, new TraceReplayer(m).replay(wrongInit).failedStep());
    }

    @Test
    void itfRoundTripOfAnExplorerCounterexample() {
        LambdaMachine m = Machines.incrementer();
        ExploreResult r = new BfsExplorer(m).run();
        String json = Itf.write(r.trace(), "W.tla");
        // ADR-015: a sequence is a plain JSON list
        assertTrue(json.contains("\"b\": [\n"), json);
        assertTrue(json.contains("\"action\": \"Inc(d=1)\""), json);
        Itf.ItfTrace back = Itf.read(json, names);
        assertEquals(List.of("x", "y"), back.variables());
        Trace t = back.toTrace(m);
        assertEquals(r.trace().states(), t.states());
        assertEquals(r.trace().steps().get(1).label(), t.steps().get(1).label());
        assertTrue(new TraceReplayer(m).replay(t).ok());
    }

    @Test
    void itfEncodesEveryKind() {
        Value v = Tla.tuple(Tla.TRUE, Tla.integer(-3), names.str("s"), names.modelValue("m1"), Tla.set(Tla.integer(2), Tla.integer(1)),
                names.record(new String[] {"a"}, new Value[] {Tla.EMPTY_SEQ}), Tla.colonGt(Tla.integer(5), Tla.integer(6)),
                Tla.fcn(Tla.set(names.modelValue("p"), names.modelValue("q")), x -> Tla.EMPTY_SET));
        String json = Itf.toJson(v).toString();
        assertEquals(v, Itf.fromJson(Itf.toJson(v), names));
        assertTrue(json.contains("{\"#unserializable\":\"m1\"}"), json);
        assertTrue(json.contains("{\"#map\":[[5,6]]}"), json);
        assertEquals(Tla.integer(7), Itf.fromJson(com.google.gson.JsonParser.parseString("{\"#bigint\": \"7\"}"), names));
    }

    @Test
    void parsesActionLabels() {
        ActionLabel l = Itf.parseLabel("Acquire(p=1, s={1, 2}, t=<<\"a,b\", 2>>)", names);
        assertEquals("Acquire", l.name());
        assertEquals(3, l.params().size());
        assertEquals(Tla.set(Tla.integer(1), Tla.integer(2)), l.params().get(1).value());
        assertEquals("Acquire(p=1, s={1, 2}, t=<<\"a,b\", 2>>)", l.toString());
        assertEquals(ActionLabel.of("Next"), Itf.parseLabel("Next", names));
    }

    @Test
    void parsesTlcValueSyntax() {
        assertEquals(Tla.fcn(Tla.interval(2, 3), x -> x), ValueParser.parse("(2 :> 2 @@ 3 :> 3)", names));
        assertEquals(Tla.EMPTY_SEQ, ValueParser.parse("<< >>", names));
        assertEquals(Tla.interval(1, 3), ValueParser.parse("1..3", names));
        // TLC prints a function it has not evaluated as its lambda; a constant one is readable.
        assertEquals(Tla.fcn(Tla.set(names.modelValue("a"), names.modelValue("b")), x -> Tla.integer(0)),
            ValueParser.parse("[n \\in {a, b} |-> 0]", names));
        assertEquals(Tla.funSet(Tla.interval(1, 2), Tla.BOOLEAN), ValueParser.parse("[1..2 -> BOOLEAN]", names));
        assertEquals(names.recordSet(new String[] {"a"}, new Value[] {Tla.NAT}).toString(),
                ValueParser.parse("[a : Nat]", names).toString());
        assertEquals(names.str("a\"b\\c\n"), ValueParser.parse("\"a\\\"b\\\\c\\n\"", names));
        assertEquals(Tla.integer(-12), ValueParser.parse("-12", names));
        var st = ValueParser.parseState("/\\ x = {1,\n   2}\n/\\ y = [a |-> <<>>]", names);
        assertEquals(Tla.set(Tla.integer(1), Tla.integer(2)), st.get("x"));
        assertEquals(1, ValueParser.parseState("x = 3", names).size());
    }

    @Test
    void traceModuleRoundTrip() {
        LambdaMachine m = Machines.incrementer();
        Trace t = new BfsExplorer(m).run().trace();
        String module = TlcTraceWriter.traceModule(t, "W_trace");
        Trace back = TlcTraceReader.toTrace(m, TlcTraceReader.readTraceModule(module, names));
        assertEquals(t.states(), back.states());
        Trace listed = TlcTraceReader.toTrace(m, TlcTraceReader.readCounterexample(TlcTraceWriter.counterexample(t), names));
        assertEquals(t.states(), listed.states());
        assertEquals("Inc", TlcTraceReader.readCounterexample(TlcTraceWriter.counterexample(t), names).get(1).action());
    }

    @Test
    void diffPrinterShowsOnlyChanges() {
        ExploreResult r = new BfsExplorer(Machines.incrementer()).run();
        String text = TraceDiff.format(r.trace());
        assertTrue(text.contains("/\\ x = 1   (was 0)"), text);
        assertEquals(1, text.split("/\\\\ y =", -1).length - 1, text);
    }
}
