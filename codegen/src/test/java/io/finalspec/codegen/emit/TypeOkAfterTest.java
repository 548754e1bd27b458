package io.finalspec.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A {@code TypeOK} conjunct {@code v \in E} (E reading no variable) checked on a successor of a
 * state where it held tests only the values of a function or the fields of a record that the step
 * changed ({@code Tla.inAfter}): on every transition, those that leave the type included, its
 * answer is the whole invariant's.
 */
class TypeOkAfterTest {
  private static final String SPEC = String.join("\n",
      "EXTENDS Naturals",
      "VARIABLES f, r, x",
      "Init == f = [i \\in 0..2 |-> 0] /\\ r = [a |-> 0, b |-> FALSE] /\\ x = 1",
      "IncF(i) == f[i] < 4 /\\ f' = [f EXCEPT ![i] = @ + 1] /\\ UNCHANGED <<r, x>>",
      "IncA == r.a < 4 /\\ r' = [r EXCEPT !.a = @ + 1] /\\ UNCHANGED <<f, x>>",
      "Flip == r' = [r EXCEPT !.b = ~@] /\\ UNCHANGED <<f, x>>",
      "GrowX == x < 3 /\\ x' = x + 1 /\\ UNCHANGED <<f, r>>",
      "Next == (\\E i \\in 0..2 : IncF(i)) \\/ IncA \\/ Flip \\/ GrowX",
      "TypeOK == /\\ f \\in [0..2 -> 0..3]",
      "          /\\ r \\in [a : 0..3, b : BOOLEAN]",
      "          /\\ f \\in [0..2 -> 0..x + 1]");
  private static final String CFG = "INIT Init\nNEXT Next\nINVARIANT TypeOK\n";

  @Test
  void onlyConjunctsOverAConstantSetTestWhatChanged() {
    String code = TestSpecs.code("TypeOkAfter", SPEC, CFG);
    assertTrue(code.contains("if ((s.f != p.f) && !Tla.inAfter(s.f, p.f, "), code);
    assertTrue(code.contains("if ((s.r != p.r) && !Tla.inAfter(s.r, p.r, "), code);
    // the third set reads x: tested whole
    assertTrue(code.contains("if ((s.f != p.f || s.x != p.x) && !Tla.in(s.f, "), code);
  }

  @Test
  void answersAsTheWholeInvariantOnEveryTransition() {
    Machine m = TestSpecs.machine("TypeOkAfter", SPEC, CFG);
    Machine.Predicate typeOk = m.invariants().get(0);
    List<State> frontier = new ArrayList<>();
    m.initStates(frontier::add);
    Set<State> seen = new HashSet<>(frontier);
    ArrayDeque<State> queue = new ArrayDeque<>(frontier);
    int compared = 0;
    int violated = 0;
    while (!queue.isEmpty()) {
      State p = queue.poll();
      if (!typeOk.test(p)) {
        continue; // the search stops at a violation: no transition leaves it
      }
      List<State> next = new ArrayList<>();
      m.successors(p, (label, t) -> next.add(t));
      for (State t : next) {
        boolean holds = typeOk.test(t);
        assertEquals(holds, typeOk.holdsAfter(p, t), "from " + p + " to " + t);
        compared++;
        violated += holds ? 0 : 1;
        if (seen.add(t)) {
          queue.add(t);
        }
      }
    }
    assertTrue(compared > 500 && violated > 50, "transitions compared: " + compared + ", to a violation: " + violated);
  }
}
