package io.finalspec.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finalspec.runtime.explore.ExploreResult;
import org.junit.jupiter.api.Test;

/**
 * State-level operators with parameters whose bodies bind variables are kept per state and
 * argument: the generated code looks the arguments up in the state's table, and the search still
 * sees each state's own value for each argument (a value kept for another argument or from another
 * state would break the invariant or change the counts below). An operator that prints is not
 * kept, since TLC prints at every evaluation.
 */
class ArgumentMemoTest {
  private static final String SPEC = String.join("\n",
      "EXTENDS Naturals, TLC",
      "VARIABLES x, y",
      "Above(k) == {i \\in 0..2 : i > k /\\ i # x}",
      "Min(S) == CHOOSE i \\in S : \\A j \\in S : i <= j",
      "Init == x = 0 /\\ y = 0",
      "StepX == Above(x) # {} /\\ x' = Min(Above(x)) /\\ y' = y",
      "StepY == Above(y) # {} /\\ y' = Min(Above(y)) /\\ x' = x",
      "Next == StepX \\/ StepY",
      "Own == \\A k \\in 0..2 : Above(k) = {i \\in 0..2 : i > k /\\ i # x}");
  private static final String CFG = "INIT Init\nNEXT Next\nINVARIANT Own\nCHECK_DEADLOCK FALSE\n";
  /** The same with a state-level operator that prints, which the search would run (not explored here). */
  private static final String LOUD = SPEC.replace("Own == ", "Loud(k) == PrintT(x) /\\ \\E i \\in 0..2 : i = k\nOwn == Loud(y) /\\ ");

  @Test
  void anOperatorWithABinderIsKeptPerArgumentButNotOneThatPrints() {
    String code = TestSpecs.code("ArgMemo", SPEC, CFG);
    assertTrue(code.contains("{@code Above} (ArgMemo.tla:4:1), computed once per state and arguments"), code);
    assertTrue(code.contains("private Value[] Above;"), "State holds the table");
    assertTrue(code.contains("ArgumentMemo.find(s.Above, k)"), code);
    // Min is constant-level (no variable): nothing to keep per state
    assertFalse(code.contains("{@code Min} (ArgMemo.tla:5:1), computed once per state"), code);
    String loudCode = TestSpecs.code("ArgMemo", LOUD, CFG);
    assertTrue(loudCode.contains("{@code Loud} (ArgMemo.tla:10:1)"), loudCode);
    assertFalse(loudCode.contains("{@code Loud} (ArgMemo.tla:10:1), computed once per state"), loudCode);
    assertTrue(loudCode.contains("{@code Above} (ArgMemo.tla:4:1), computed once per state and arguments"), loudCode);
  }

  @Test
  void eachStateAndArgumentHasItsOwnValue() {
    ExploreResult res = TestSpecs.explored("ArgMemo", SPEC, CFG);
    // x and y step up to the least value above them other than x: every pair of 0..2 is reached;
    // StepX has a successor in the 6 states with x < 2, StepY in the 5 with a value above y other
    // than x (plus the initial state)
    assertEquals(9, res.distinct());
    assertEquals(12, res.generated());
  }
}
