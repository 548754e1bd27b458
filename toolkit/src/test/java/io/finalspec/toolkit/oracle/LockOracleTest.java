package io.finalspec.toolkit.oracle;

import static io.finalspec.toolkit.oracle.Specs.json;
import static io.finalspec.toolkit.oracle.Specs.label;
import static io.finalspec.toolkit.oracle.Specs.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/**
 * The oracle on a lock over model values: {@code \E p \in Procs : Acquire(p) \/ Release(p)}, an
 * inline disjunct, a record, a sequence, and a CONSTRAINT. TLC 2.18 on Lock.cfg reports
 * "101 states generated, 45 distinct states found", depth 9.
 */
class LockOracleTest {

    private static final String INIT = "{\"owner\":{\"#unserializable\":\"None\"},"
        + "\"pc\":{\"#map\":[[{\"#unserializable\":\"p1\"},\"idle\"],[{\"#unserializable\":\"p2\"},\"idle\"]]},"
        + "\"log\":{\"#tup\":[]},\"stats\":{\"acquires\":0,\"releases\":0}}";

    private static TlcOracle oracle;

    @BeforeAll
    static void start() throws IOException {
        oracle = TlcOracle.start(resource("oracle/Lock.tla"), resource("oracle/Lock.cfg"));
    }

    @AfterAll
    static void stop() {
        oracle.close();
    }

    @Test
    void splitsNextLikeTlc() {
        assertEquals(List.of("owner", "pc", "log", "stats"), oracle.vars(), "declaration order");
        assertEquals(List.of("Acquire", "Release", "Next"), oracle.actions());
        assertEquals(List.of("TypeOK", "MutualExclusion"), oracle.invariants());
        assertEquals(List.of(
                "Acquire{p={\"#unserializable\":\"p1\"}}", "Release{p={\"#unserializable\":\"p1\"}}",
                "Acquire{p={\"#unserializable\":\"p2\"}}", "Release{p={\"#unserializable\":\"p2\"}}",
                "Next"),
            oracle.labels().stream().map(l -> label(l.action(), l.params())).toList(),
            "\\E p splits into one action per value; the inline disjunct is labelled with the enclosing Next");
    }

    @Test
    void successorsCarryModelValueParameters() {
        List<JsonObject> init = oracle.initStates();
        assertEquals(List.of(json(INIT)), init);
        List<TlcOracle.Successor> next = oracle.successors(init.get(0));
        assertEquals(List.of("Acquire{p={\"#unserializable\":\"p1\"}}", "Acquire{p={\"#unserializable\":\"p2\"}}"),
            next.stream().map(s -> label(s.action(), s.params())).toList());
        JsonObject afterP1 = next.get(0).state();
        assertEquals(json("{\"#unserializable\":\"p1\"}"), afterP1.get("owner"));
        assertEquals(json("{\"#tup\":[{\"#unserializable\":\"p1\"}]}"), afterP1.get("log"));
        assertEquals(json("{\"acquires\":1,\"releases\":0}"), afterP1.get("stats"));
    }

    @Test
    void theInlineDisjunctIsLabelledNext() {
        JsonObject twoInLog = json(INIT.replace("\"log\":{\"#tup\":[]}",
            "\"log\":{\"#tup\":[{\"#unserializable\":\"p1\"},{\"#unserializable\":\"p2\"}]}"));
        List<TlcOracle.Successor> next = oracle.successors(twoInLog);
        TlcOracle.Successor trim = next.get(next.size() - 1);
        assertEquals("Next", trim.action());
        assertEquals(List.of(), trim.params());
        assertEquals(json("{\"#tup\":[{\"#unserializable\":\"p2\"}]}"), trim.state().get("log"));
    }

    @Test
    void checksInvariantsAndTheConstraint() {
        JsonObject bothInCs = json(INIT.replace("\"idle\"", "\"cs\"").replace("\"acquires\":0", "\"acquires\":5"));
        assertEquals(new TlcOracle.Check(List.of("MutualExclusion"), false), oracle.check(bothInCs));
        assertEquals(new TlcOracle.Check(List.of(), true), oracle.check(json(INIT)));
    }

    @Test
    void exploresTheSameGraphAsTlc() {
        Set<JsonObject> seen = new HashSet<>();
        List<String> violations = new ArrayList<>();
        TlcOracle.ExploreStats stats = oracle.explore(0, true, e -> {
            assertTrue(seen.add(e.state()));
            violations.addAll(e.violated());
        });
        assertEquals(new TlcOracle.ExploreStats(45, 101, 9, true), stats);
        assertEquals(List.of(), violations);
    }

    @Test
    void unknownModelValuesAreRejected() {
        OracleException e = assertThrows(OracleException.class,
            () -> oracle.successors(json(INIT.replace("\"None\"", "\"Nobody\""))));
        assertEquals(OracleException.Kind.EVAL, e.kind());
        assertTrue(e.getMessage().contains("unknown model value Nobody"), e.getMessage());
    }

    @Test
    void evaluationErrorsAreAnsweredAndTheOracleGoesOn() {
        // Append on a set: TLC's own evaluation error (errors raised inside TLC's Java overrides of
        // the standard modules carry no position).
        JsonObject broken = json(INIT.replace("\"log\":{\"#tup\":[]}", "\"log\":{\"#set\":[1]}"));
        OracleException e = assertThrows(OracleException.class, () -> oracle.successors(broken));
        assertEquals(OracleException.Kind.EVAL, e.kind());
        assertTrue(e.getMessage().contains("Append(v, s) when s is not a sequence"), e.getMessage());
        // pc[p2] outside pc's domain: an error in the spec's own expression, positioned by TLC.
        JsonObject partial = json(INIT.replace(",[{\"#unserializable\":\"p2\"},\"idle\"]", ""));
        OracleException outside = assertThrows(OracleException.class, () -> oracle.successors(partial));
        assertTrue(outside.getMessage().startsWith(resource("oracle/Lock.tla") + ":23:6: Attempted to apply function"),
            outside.getMessage());
        assertEquals(2, oracle.successors(json(INIT)).size());
    }
}
