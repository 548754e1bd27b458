package io.finalspec.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finalspec.codegen.CompileResult;
import io.finalspec.runtime.explore.Outcome;
import org.junit.jupiter.api.Test;

/**
 * A fairness subscript that is a tuple of variables is decided by comparing those variables
 * ({@code fairness1Changes}), not by building the tuple twice per transition; the verdicts are
 * TLC's: x only grows under WF of an action that changes the subscript.
 */
class FairnessSubscriptTest {
  private static final String SPEC = "EXTENDS Naturals\nVARIABLES x, y\nvars == <<x, y>>\n"
      + "Init == x = 0 /\\ y = 0\n"
      + "Stay == UNCHANGED vars\n"
      + "Grow == x < 1 /\\ x' = x + 1 /\\ y' = y\n"
      + "Next == Stay \\/ Grow\n"
      + "Done == <>(x = 1)\n";
  private static final String CFG = "SPECIFICATION Spec\nPROPERTY Done\n";

  private static Outcome.Kind check(String fairness) {
    return TestSpecs.verdict("T", SPEC + "Spec == Init /\\ [][Next]_vars /\\ " + fairness + "\n", CFG);
  }

  @Test
  void aStepThatChangesOneVariableOfTheTupleIsAFairStep() {
    assertEquals(Outcome.Kind.OK, check("WF_vars(Grow)"));
    assertEquals(Outcome.Kind.OK, check("WF_<<y, <<x>>>>(Grow)"));
    assertEquals(Outcome.Kind.OK, check("WF_x(Grow)"));
  }

  @Test
  void aStepThatChangesNoVariableOfTheSubscriptIsNot() {
    // Grow leaves y alone: <<Grow>>_y is never enabled, so WF_y(Grow) does not force it
    assertEquals(Outcome.Kind.PROPERTY, check("WF_y(Grow)"));
    assertEquals(Outcome.Kind.PROPERTY, check("WF_<<y, y>>(Grow)"));
  }

  @Test
  void onlyTuplesOfVariablesGetTheComparison() {
    CompileResult tuple = TestSpecs.compile("T", SPEC + "Spec == Init /\\ [][Next]_vars /\\ WF_vars(Grow)\n", CFG);
    assertTrue(tuple.ok(), tuple.describe());
    String code = tuple.sources().get(0).code();
    assertTrue(code.contains("return !s.x.equals(t.x) || !s.y.equals(t.y);"), code);
    CompileResult sum = TestSpecs.compile("T", SPEC + "Spec == Init /\\ [][Next]_vars /\\ WF_<<x + y>>(Grow)\n", CFG);
    assertTrue(sum.ok(), sum.describe());
    assertTrue(!sum.sources().get(0).code().contains("Changes("), sum.sources().get(0).code());
  }
}
