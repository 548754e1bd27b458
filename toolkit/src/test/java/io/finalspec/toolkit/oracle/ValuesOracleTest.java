package io.finalspec.toolkit.oracle;

import static io.finalspec.toolkit.oracle.Specs.resource;
import static io.finalspec.toolkit.oracle.Specs.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/**
 * ITF encoding of every kind of TLC value, both ways. Values.tla's only action leaves the state
 * unchanged, so "next" sends a state through JSON -> TLC -> JSON.
 */
class ValuesOracleTest {

    private static TlcOracle oracle;
    private static JsonObject init;

    @BeforeAll
    static void start() throws IOException {
        oracle = TlcOracle.start(resource("oracle/Values.tla"), resource("oracle/Values.cfg"));
        init = oracle.initStates().get(0);
    }

    @AfterAll
    static void stop() {
        oracle.close();
    }

    @Test
    void encodesEveryKindOfValue() {
        assertEquals(42, init.get("int").getAsInt());
        assertEquals(-7, init.get("neg").getAsInt());
        assertEquals("say \"hi\"\\", init.get("str").getAsString());
        assertEquals(true, init.get("bool").getAsBoolean());
        assertEquals(value("{\"#unserializable\":\"A\"}"), init.get("mv"));
        assertEquals(value("{\"#set\":[1,2,3]}"), init.get("set"));
        assertEquals(value("{\"#set\":[{\"#set\":[]},{\"#set\":[2]},{\"#set\":[1,2]}]}"), init.get("nested"));
        assertEquals(value("{\"#tup\":[1,\"a\",{\"#unserializable\":\"B\"}]}"), init.get("tup"));
        assertEquals(value("{\"#tup\":[]}"), init.get("emptySeq"));
        assertEquals(value("{\"a\":{\"#set\":[{\"#unserializable\":\"A\"}]},\"b\":{\"#tup\":[]}}"), init.get("rec"));
        assertEquals(value("{\"#map\":[[{\"#unserializable\":\"A\"},true],[{\"#unserializable\":\"B\"},false]]}"),
            init.get("fmv"));
        assertEquals(value("{\"#map\":[[2,4],[3,9]]}"), init.get("fint"), "domain 2..3 is not 1..n");
        assertEquals(value("{\"#tup\":[]}"), init.get("emptyFn"), "the empty function is the empty sequence");
        assertEquals(value("{\"#set\":[1,2,3]}"), init.get("interval"));
        assertEquals(value("{\"#set\":[{\"#set\":[]},{\"#set\":[1]},{\"#set\":[2]},{\"#set\":[1,2]}]}"),
            init.get("subset"));
        assertEquals(value("{\"#set\":[{\"#tup\":[\"x\",\"x\"]}]}"), init.get("fnset"), "[1..2 -> T] holds tuples");
        assertEquals(value("{\"#set\":[{\"f\":1,\"g\":true},{\"f\":2,\"g\":true}]}"), init.get("rcdset"));
        assertEquals(value("{\"#set\":[{\"#tup\":[1,\"a\"]},{\"#tup\":[2,\"a\"]}]}"), init.get("prod"));
        assertEquals(value("{\"#set\":[1,3,5]}"), init.get("pred"));
        assertEquals(value("{\"#set\":[4,5]}"), init.get("cup"));
        assertEquals(value("{\"#tup\":[{\"k\":1},{\"k\":2}]}"), init.get("seqOfRec"));
    }

    @Test
    void statesReadFromJsonHaveTlcsFingerprints() {
        assertEquals(oracle.initFingerprints(), List.of(oracle.fingerprint(init)));
    }

    @Test
    void jsonToTlcToJsonIsTheIdentityOnCanonicalInput() {
        assertEquals(List.of(init), sameAgain(init));
        JsonObject other = init.deepCopy();
        other.add("int", value("-2147483648"));
        other.add("str", value("\"tab\\t newline\\n unicode \\u00e9\\u4e2d \\u0001\""));
        other.add("set", value("{\"#set\":[-3,0,7]}"));
        other.add("nested", value("{\"#set\":[{\"#set\":[{\"#unserializable\":\"A\"},{\"#unserializable\":\"B\"}]}]}"));
        other.add("tup", value("{\"#tup\":[{\"#set\":[]},{\"#tup\":[]},{\"q\":{\"#map\":[[5,true]]}}]}"));
        other.add("fmv", value("{\"#map\":[[{\"#unserializable\":\"B\"},{\"#tup\":[1]}]]}"));
        other.add("rec", value("{\"a\":1,\"b\":2}"));
        other.add("fint", value("{\"#map\":[[0,\"zero\"],[1,\"one\"]]}"));
        other.add("interval", value("{\"#set\":[{\"#map\":[[{\"#tup\":[1,2]},3]]}]}"));
        assertEquals(List.of(other), sameAgain(other));
    }

    @Test
    void normalizesNonCanonicalInput() {
        JsonObject loose = init.deepCopy();
        loose.add("set", value("{\"#set\":[3,1,3,2]}"));
        loose.add("tup", value("{\"#map\":[[2,\"b\"],[1,\"a\"]]}"));
        loose.add("rec", value("{\"#map\":[[\"b\",2],[\"a\",1]]}"));
        loose.add("int", value("{\"#bigint\":\"42\"}"));
        JsonObject back = sameAgain(loose).get(0);
        assertEquals(value("{\"#set\":[1,2,3]}"), back.get("set"));
        assertEquals(value("{\"#tup\":[\"a\",\"b\"]}"), back.get("tup"));
        assertEquals(value("{\"a\":1,\"b\":2}"), back.get("rec"));
        assertEquals(value("42"), back.get("int"));
        JsonObject asMap = init.deepCopy();
        asMap.add("seqOfRec", value("{\"#map\":[[1,{\"k\":1}],[2,{\"#map\":[[\"k\",2]]}]]}"));
        assertEquals(oracle.fingerprint(init), oracle.fingerprint(asMap), "a function on 1..n is a sequence");
    }

    /**
     * TLC orders strings by when they were first interned (UniqueString tokens), not
     * alphabetically: fresh strings stay in the order they were read in.
     */
    @Test
    void setsOfStringsAreInTlcsInternOrder() {
        JsonObject strings = init.deepCopy();
        strings.add("set", value("{\"#set\":[\"zz-fresh\",\"aa-fresh\"]}"));
        assertEquals(value("{\"#set\":[\"zz-fresh\",\"aa-fresh\"]}"), sameAgain(strings).get(0).get("set"));
    }

    @Test
    void rejectsWhatIsNotAnItfValue() {
        for (String bad : List.of("1.5", "[1,2]", "null", "4294967296", "{\"#set\":1}", "{\"#what\":[]}")) {
            JsonObject s = init.deepCopy();
            s.add("int", value(bad));
            OracleException e = assertThrows(OracleException.class, () -> oracle.successors(s), bad);
            assertEquals(OracleException.Kind.EVAL, e.kind());
        }
        assertTrue(oracle.successors(init).size() == 1, "still serving");
    }

    private static List<JsonObject> sameAgain(JsonObject state) {
        return oracle.successors(state).stream().map(TlcOracle.Successor::state).toList();
    }
}
