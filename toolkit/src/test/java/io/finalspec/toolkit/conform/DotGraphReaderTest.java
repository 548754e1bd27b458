package io.finalspec.toolkit.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The reader of TLC's {@code -dump dot,actionlabels} graph, on lines in the form TLC 2.18 writes them. */
class DotGraphReaderTest {

    private static List<String> read(String text) throws IOException {
        List<String> events = new ArrayList<>();
        DotGraphReader.read(new StringReader(text), new DotGraphReader.Listener() {
            @Override
            public void state(long fp, String printed, boolean initial) {
                events.add((initial ? "init " : "state ") + fp + " " + printed);
            }

            @Override
            public void transition(long from, long to, String action) {
                events.add("edge " + from + " " + to + " " + action);
            }
        });
        return events;
    }

    @Test
    void readsStatesTransitionsAndTlcsEscapes() throws IOException {
        String dot = """
            strict digraph DiskGraph {
            nodesep=0.35;
            subgraph cluster_graph {
            color="white";
            -35 [label="/\\\\ x = 0\\n/\\\\ y = \\"a\\\\\\"b\\"",style = filled]
            -35 -> 7 [label="Inc",color="black",fontcolor="black"];
            7 [label="/\\\\ x = 1\\n/\\\\ y = \\"a\\\\\\"b\\""];
            7 -> -35 [label="Next",color="2",fontcolor="2"];
            {rank = same; -35;}
            }
            }
            """;
        assertEquals(List.of(
            "init -35 /\\ x = 0\n/\\ y = \"a\\\"b\"",
            "edge -35 7 Inc",
            "state 7 /\\ x = 1\n/\\ y = \"a\\\"b\"",
            "edge 7 -35 Next"), read(dot));
    }

    /** What the listener throws (a lost member, a state it cannot read) is not made a malformed line of the dump. */
    @Test
    void theListenersExceptionGoesThroughUnchanged() {
        IllegalStateException thrown = new IllegalStateException("member left");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DotGraphReader.read(
            new StringReader("1 [label=\"/\\\\ x = 0\",style = filled]\n"), new DotGraphReader.Listener() {
                @Override
                public void state(long fp, String printed, boolean initial) {
                    throw thrown;
                }

                @Override
                public void transition(long from, long to, String action) {
                }
            }));
        assertSame(thrown, e);
    }

    @Test
    void aTransitionWithoutItsActionIsAnError() {
        IOException e = assertThrows(IOException.class, () -> read("1 -> 2;\n"));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("actionlabels"), e.getMessage());
    }
}
