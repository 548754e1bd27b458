package io.finalspec.toolkit.oracle;

import static io.finalspec.toolkit.oracle.Specs.json;
import static io.finalspec.toolkit.oracle.Specs.label;
import static io.finalspec.toolkit.oracle.Specs.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Pins the labels TLC gives its actions, one case per disjunct of Labels.tla's Next. README.md
 * states the rule these cases document; the code generator must produce the same labels.
 */
class LabelsOracleTest {

    @Test
    void labelsFollowTlcsSplitOfNext() throws IOException {
        try (TlcOracle oracle = TlcOracle.start(resource("oracle/Labels.tla"), resource("oracle/Labels.cfg"))) {
            assertEquals(List.of(
                    "Inc{n=1}", "Inc{n=2}",          // \E n \in 1..2 : Inc(n)
                    "Inc{n=2}",                      // Inc(Two): constant arguments are evaluated
                    "Inc{n=10}",                     // Outer(0) == Inc(n + 10): the innermost operator names it
                    "Split{a=1}", "Inc{n=1}", "Inc{n=2}", // Split(1): its own disjuncts, split further
                    "Next",                          // \E m \in inbox : Receive(m): inbox is a variable
                    "Next",                          // queue # <<>> /\ Take(Head(queue)): a conjunction
                    "Take",                          // Take(Len(queue)): state-dependent argument, unbound
                    "Put{S={\"#set\":[]}}", "Put{S={\"#set\":[7]}}", "Put{S={\"#set\":[8]}}",
                    "Put{S={\"#set\":[7,8]}}",       // \E S \in SUBSET {7, 8} : Put(S)
                    "Tick",                          // a named action without parameters
                    "Next", "Next",                  // \E i \in 1..2 : x' = x + i ... (inline)
                    "Inc{n=3}",                      // LET d == 3 IN Inc(d)
                    "Pair{a=1, b=2}", "Pair{a=1, b=3}", // \E a \in {1}, b \in {2, 3} : Pair(a, b)
                    "Pair{a=1, b=1}", "Pair{a=2, b=1}"), // \E r \in [f : {1, 2}] : Pair(r.f, 1)
                oracle.labels().stream().map(l -> label(l.action(), l.params())).toList());
            assertEquals(List.of("Inc", "Split", "Next", "Take", "Put", "Tick", "Pair"), oracle.actions());

            List<String> next = oracle.successors(oracle.initStates().get(0)).stream()
                .map(s -> label(s.action(), s.params()) + " " + s.state()).toList();
            assertEquals("Next {\"x\":0,\"inbox\":{\"#set\":[2]},\"queue\":{\"#tup\":[3,4]}}", next.get(7));
            assertEquals("Next {\"x\":0,\"inbox\":{\"#set\":[1]},\"queue\":{\"#tup\":[3,4]}}", next.get(8));
            assertEquals("Take {\"x\":2,\"inbox\":{\"#set\":[1,2]},\"queue\":{\"#tup\":[4]}}", next.get(10));
        }
    }

    @Test
    void anInlineNextStateRelationIsAnUnnamedAction() throws IOException {
        try (TlcOracle oracle = TlcOracle.start(resource("oracle/Unnamed.tla"), resource("oracle/Unnamed.cfg"))) {
            assertEquals(List.of("UnnamedAction"), oracle.actions());
            assertEquals("UnnamedAction", oracle.successors(json("{\"x\":0}")).get(0).action());
        }
    }

    @Test
    void instancedActionsKeepTheirQualifiedNameAndAreNotSplit() throws IOException {
        try (TlcOracle oracle = TlcOracle.start(resource("oracle/Inst.tla"), resource("oracle/Inst.cfg"))) {
            assertEquals(List.of("I!Step{k=1}", "I!Both", "J!Step{c=5, k=2}"),
                oracle.labels().stream().map(l -> label(l.action(), l.params())).toList());
            assertEquals(List.of("I!Step{k=1} {\"x\":1}", "I!Both {\"x\":1}", "I!Both {\"x\":2}",
                    "J!Step{c=5, k=2} {\"x\":2}"),
                oracle.successors(json("{\"x\":0}")).stream().map(s -> label(s.action(), s.params()) + " " + s.state())
                    .toList());
        }
    }
}
