package io.finalspec.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finalspec.runtime.explore.ExploreResult;
import org.junit.jupiter.api.Test;

/**
 * 0-ary state-level definitions that actions read are computed once per state and kept in it: the
 * generated code reads the state's memo field, and the search still sees each state's own value
 * (a value kept from another state would change the counts below).
 */
class StateMemoTest {
  private static final String SPEC = String.join("\n",
      "EXTENDS Naturals",
      "VARIABLES x, y",
      "Sum == x + y",
      "TypeOK == x \\in 0..4 /\\ y \\in 0..4",
      "Init == x = 0 /\\ y = 0",
      "IncX == Sum < 4 /\\ x' = x + 1 /\\ y' = y",
      "IncY == Sum < 4 /\\ y' = y + 1 /\\ x' = x",
      "Next == IncX \\/ IncY",
      "Bounded == Sum <= 4");
  private static final String CFG = "INIT Init\nNEXT Next\nINVARIANT TypeOK\nINVARIANT Bounded\nCHECK_DEADLOCK FALSE\n";

  @Test
  void aDefinitionTheActionsReadIsKeptInTheState() {
    String code = TestSpecs.code("Memo", SPEC, CFG);
    assertTrue(code.contains("{@code Sum} (Memo.tla:4:1), computed once per state."), code);
    assertTrue(code.contains("private Value Sum;"), "State holds the memo field");
    // read once per state by one invariant: nothing to save, no field
    assertFalse(code.contains("{@code TypeOK} (Memo.tla:5:1), computed once per state."), code);
  }

  @Test
  void eachStateSeesItsOwnValue() {
    ExploreResult res = TestSpecs.explored("Memo", SPEC, CFG);
    // x, y >= 0 with x + y <= 4: 15 states; the 10 with x + y < 4 have two successors each, plus
    // the initial state
    assertEquals(15, res.distinct());
    assertEquals(21, res.generated());
  }
}
