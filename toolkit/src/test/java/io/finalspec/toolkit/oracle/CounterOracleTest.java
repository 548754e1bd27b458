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

/** The oracle on the TLC runner's Counter spec, whose numbers TLC itself gives as 8 distinct states, depth 4. */
class CounterOracleTest {

    private static TlcOracle oracle;

    @BeforeAll
    static void start() throws IOException {
        oracle = TlcOracle.start(resource("tlc/Counter.tla"), resource("tlc/Pass.cfg"));
    }

    @AfterAll
    static void stop() {
        oracle.close();
    }

    @Test
    void describesTheSpec() {
        assertEquals(List.of("x", "y"), oracle.vars());
        assertEquals(List.of("Inc"), oracle.actions());
        assertEquals(List.of("TypeOK"), oracle.invariants());
        assertEquals(List.of("Inc{n=1}", "Inc{n=2}"),
            oracle.labels().stream().map(l -> label(l.action(), l.params())).toList());
    }

    @Test
    void initialStatesAndLabelledSuccessors() {
        List<JsonObject> init = oracle.initStates();
        assertEquals(List.of(json("{\"x\":0,\"y\":\"a\"}")), init);
        List<TlcOracle.Successor> next = oracle.successors(init.get(0));
        assertEquals(List.of("Inc{n=1} {\"x\":1,\"y\":\"b\"}", "Inc{n=2} {\"x\":2,\"y\":\"b\"}"),
            next.stream().map(s -> label(s.action(), s.params()) + " " + s.state()).toList());
        assertEquals(List.of(), oracle.successors(json("{\"x\":4,\"y\":\"a\"}")), "Max reached: no successor");
    }

    @Test
    void batchAnswersLikeSingleRequests() {
        List<JsonObject> states = List.of(json("{\"x\":0,\"y\":\"a\"}"), json("{\"x\":3,\"y\":\"b\"}"),
            json("{\"x\":4,\"y\":\"b\"}"));
        List<List<TlcOracle.Successor>> batch = oracle.successors(states);
        assertEquals(3, batch.size());
        for (int i = 0; i < states.size(); i++) {
            assertEquals(oracle.successors(states.get(i)), batch.get(i));
        }
    }

    @Test
    void checksInvariants() {
        assertEquals(new TlcOracle.Check(List.of(), true), oracle.check(json("{\"x\":2,\"y\":\"b\"}")));
        assertEquals(List.of("TypeOK"), oracle.violated(json("{\"x\":9,\"y\":\"a\"}")));
        assertEquals(List.of("TypeOK"), oracle.violated(json("{\"x\":1,\"y\":\"c\"}")));
    }

    @Test
    void exploresLikeTlc() {
        Set<JsonObject> seen = new HashSet<>();
        List<Integer> depths = new ArrayList<>();
        TlcOracle.ExploreStats stats = oracle.explore(0, false, e -> {
            assertTrue(seen.add(e.state()), "reported twice: " + e.state());
            depths.add(e.depth());
        });
        assertEquals(new TlcOracle.ExploreStats(8, 11, 4, true), stats);
        assertEquals(8, seen.size());
        assertEquals(List.of(1, 2, 2, 3, 3, 3, 4, 4), depths, "breadth first");
    }

    @Test
    void exploreStopsAtTheLimit() {
        List<JsonObject> states = new ArrayList<>();
        TlcOracle.ExploreStats stats = oracle.explore(3, states::add);
        assertEquals(3, states.size());
        assertEquals(3, stats.distinct());
        assertEquals(false, stats.complete());
    }

    @Test
    void badStatesAreAnsweredWithAnErrorAndTheOracleGoesOn() {
        OracleException missing = assertThrows(OracleException.class, () -> oracle.successors(json("{\"x\":0}")));
        assertEquals(OracleException.Kind.EVAL, missing.kind());
        assertTrue(missing.getMessage().contains("y"), missing.getMessage());
        OracleException wrongType = assertThrows(OracleException.class,
            () -> oracle.successors(json("{\"x\":\"zero\",\"y\":\"a\"}")));
        assertEquals(OracleException.Kind.EVAL, wrongType.kind());
        OracleException inBatch = assertThrows(OracleException.class,
            () -> oracle.successors(List.of(json("{\"x\":0,\"y\":\"a\"}"), json("{\"x\":0}"))));
        assertTrue(inBatch.getMessage().startsWith("state 1 of the batch: "), inBatch.getMessage());
        assertEquals(2, oracle.successors(json("{\"x\":0,\"y\":\"a\"}")).size(), "still serving");
    }
}
