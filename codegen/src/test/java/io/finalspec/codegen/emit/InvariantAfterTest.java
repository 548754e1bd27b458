package io.finalspec.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finalspec.codegen.CompileResult;
import io.finalspec.runtime.explore.BfsExplorer;
import io.finalspec.runtime.explore.ExploreResult;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An invariant checked on a successor of a state where it holds skips the conjuncts whose variables
 * kept their values: on every transition of the search its answer is the whole invariant's.
 */
class InvariantAfterTest {
  private static final String SPEC = String.join("\n",
      "EXTENDS Naturals, TLC",
      "VARIABLES x, y, z",
      "Init == x = 0 /\\ y = 0 /\\ z = 0",
      "A == x < 3 /\\ x' = x + 1 /\\ UNCHANGED <<y, z>>",
      "B == y < 2 /\\ y' = y + 1 /\\ UNCHANGED <<x, z>>",
      "C == z' = (z + x) % 3 /\\ UNCHANGED <<x, y>>",
      "Next == A \\/ B \\/ C",
      "Small == x + y < 5",
      "Inv == /\\ x \\in 0..3",
      "       /\\ y \\in 0..2",
      "       /\\ Small",
      "       /\\ 1 + 1 = 2",
      "       /\\ z # 2 \\/ x > 0",
      "       /\\ ToString(z) # \"7\"");
  private static final String CFG = "INIT Init\nNEXT Next\nINVARIANT Inv\nINVARIANT Small\n";

  @Test
  void skipsConjunctsOverUnchangedVariablesOnly() {
    CompileResult r = TestSpecs.compile("After", SPEC, CFG);
    assertTrue(r.ok(), r.describe());
    String code = r.sources().get(0).code();
    assertTrue(code.contains("private boolean InvAfter(State p, State s)"), code);
    assertTrue(code.contains("if ((s.x != p.x) && !"), "x \\in 0..3 is evaluated only when x changed");
    assertTrue(code.contains("if ((s.x != p.x || s.y != p.y) && !"), "Small reads x and y");
    assertTrue(code.contains("// constant: held in p, holds here"), "1 + 1 = 2");
    assertTrue(code.contains("if (!Tla.neq(names.toStringValue(s.z)"),
        "a conjunct with an operator of the TLC module is always evaluated");
  }

  @Test
  void answersAsTheWholeInvariantOnEveryTransition() {
    Machine m = TestSpecs.machine("After", SPEC, CFG);
    List<State> frontier = new ArrayList<>();
    m.initStates(frontier::add);
    Set<State> seen = new HashSet<>(frontier);
    ArrayDeque<State> queue = new ArrayDeque<>(frontier);
    int compared = 0;
    while (!queue.isEmpty()) {
      State p = queue.poll();
      if (!m.invariants().stream().allMatch(inv -> inv.test(p))) {
        continue; // the search stops at a violation: no transition leaves it
      }
      List<State> next = new ArrayList<>();
      m.successors(p, (label, t) -> next.add(t));
      for (State t : next) {
        for (Machine.Predicate inv : m.invariants()) {
          assertEquals(inv.test(t), inv.holdsAfter(p, t), inv.name() + " from " + p + " to " + t);
          compared++;
        }
        if (seen.add(t)) {
          queue.add(t);
        }
      }
    }
    assertTrue(compared > 50, "transitions compared: " + compared);
  }

  @Test
  void theSearchFindsTheViolationOfASkippableConjunct() {
    ExploreResult res = new BfsExplorer(TestSpecs.machine("After", SPEC, CFG)).run();
    assertEquals("INVARIANT", res.outcome().kind().name(), () -> res.outcome().toString());
    assertEquals("Invariant Inv is violated.", res.outcome().message());
  }
}
