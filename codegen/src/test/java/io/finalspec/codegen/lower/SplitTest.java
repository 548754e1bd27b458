package io.finalspec.codegen.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.finalspec.codegen.emit.TestSpecs;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Next is split as TLC's Tool.getActions splits it. The expected lists are what TLC 1.1.0's
 * FastTool printed for the same spec (getActions labels, then getNextStates of the initial state
 * action by action); a parameter whose argument depends on the state ({@code Take(Len(queue))})
 * has no value in TLC's label and none in ours.
 */
class SplitTest {

  private static Path resource(String name) throws URISyntaxException {
    return Paths.get(SplitTest.class.getResource("/lower/labels/" + name).toURI());
  }

  @Test
  void labelsAndOrderMatchTlc() throws Exception {
    Machine m = io.finalspec.codegen.Compiler.load(resource("Labels.tla"), resource("Labels.cfg"));
    List<State> init = TestSpecs.initStates(m);
    assertEquals(1, init.size());
    List<String> got = new ArrayList<>();
    m.successors(init.get(0), (label, next) -> got.add(label + " x=" + next.get(0) + " inbox=" + next.get(1)
        + " queue=" + next.get(2)));
    assertEquals(List.of(
        "Inc(n=1) x=1 inbox={1, 2} queue=<<3, 4>>",
        "Inc(n=2) x=2 inbox={1, 2} queue=<<3, 4>>",
        "Inc(n=2) x=2 inbox={1, 2} queue=<<3, 4>>",
        "Inc(n=10) x=10 inbox={1, 2} queue=<<3, 4>>",
        "Split(a=1) x=1 inbox={1, 2} queue=<<3, 4>>",
        "Inc(n=1) x=1 inbox={1, 2} queue=<<3, 4>>",
        "Inc(n=2) x=2 inbox={1, 2} queue=<<3, 4>>",
        "Next x=0 inbox={2} queue=<<3, 4>>",
        "Next x=0 inbox={1} queue=<<3, 4>>",
        "Next x=3 inbox={1, 2} queue=<<4>>",
        "Take x=2 inbox={1, 2} queue=<<4>>",
        "Put(S={7}) x=0 inbox={1, 2, 7} queue=<<3, 4>>",
        "Put(S={8}) x=0 inbox={1, 2, 8} queue=<<3, 4>>",
        "Tick x=0 inbox={1, 2} queue=<<3, 4>>",
        "Next x=1 inbox={1, 2} queue=<<3, 4>>",
        "Next x=2 inbox={1, 2} queue=<<3, 4>>",
        "Inc(n=3) x=3 inbox={1, 2} queue=<<3, 4>>",
        "Pair(a=1, b=2) x=2 inbox={1, 2} queue=<<3, 4>>",
        "Pair(a=1, b=3) x=3 inbox={1, 2} queue=<<3, 4>>",
        "Pair(a=1, b=1) x=1 inbox={1, 2} queue=<<3, 4>>",
        "Pair(a=2, b=1) x=2 inbox={1, 2} queue=<<3, 4>>"), got);
    assertEquals(List.of("Inc", "Split", "Next", "Take", "Put", "Tick", "Pair"), m.actionNames());
  }

  @Test
  void actionsThroughAnInstanceWithSubstitutionsAreNotSplit() throws Exception {
    // TLC 1.1.0: ACTION I!Both (one action, two successors), ACTION I!Step k=5
    Path dir = Paths.get(SplitTest.class.getResource("/lower/instance/Outer.tla").toURI()).getParent();
    Machine m = io.finalspec.codegen.Compiler.load(dir.resolve("Outer.tla"), dir.resolve("Outer.cfg"));
    List<String> got = new ArrayList<>();
    m.successors(TestSpecs.initStates(m).get(0), (label, next) -> got.add(label + " x=" + next.get(0)));
    assertEquals(List.of("I!Both x=1", "I!Both x=2", "I!Step(k=5) x=5"), got);
  }
}
