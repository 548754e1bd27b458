package io.finalspec.codegen.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.finalspec.codegen.CompileResult;
import io.finalspec.codegen.emit.TestSpecs;
import io.finalspec.runtime.explore.BfsExplorer;
import io.finalspec.runtime.explore.ExploreResult;
import io.finalspec.runtime.explore.Outcome;
import org.junit.jupiter.api.Test;

/**
 * A Toolbox definition override of a standard module's operator ({@code Nat <- def_ov_...} in
 * {@code MC.cfg}): the definition stands for the operator wherever the spec names it, as in TLC.
 */
class BuiltinOverrideTest {
  // x counts up while x < 6 (a CONSTRAINT); Inv says x \in Nat
  private static final String SPEC = "EXTENDS Naturals\nVARIABLE x\nInit == x = 0\nNext == x' = x + 1\n"
      + "Inv == x \\in Nat\nC == x < 6\nSmall == 0..3\nTwo(a) == a\nLoop == {n \\in Nat : n < 3}\n";

  @Test
  void theDefinitionStandsForTheOperator() {
    // TLC with Nat <- Small: "Invariant Inv is violated" at x = 4, the fifth state
    ExploreResult overridden = new BfsExplorer(TestSpecs.machine("T", SPEC,
        "CONSTANT Nat <- Small\nINIT Init\nNEXT Next\nINVARIANT Inv\nCONSTRAINT C\n")).run();
    assertEquals(Outcome.Kind.INVARIANT, overridden.outcome().kind(), overridden.outcome().toString());
    assertEquals(5, overridden.trace().size());
    ExploreResult plain = TestSpecs.explored("T", SPEC, "INIT Init\nNEXT Next\nINVARIANT Inv\nCONSTRAINT C\n");
    assertEquals(Outcome.Kind.OK, plain.outcome().kind(), plain.outcome().toString());
  }

  @Test
  void aReplacementOfAnotherArityIsRefused() {
    CompileResult r = TestSpecs.compile("T", SPEC, "CONSTANT Nat <- Two\nINIT Init\nNEXT Next\n");
    assertFalse(r.ok());
    assertEquals("T.cfg:1:10: Nat (Naturals) takes 0 argument(s): it can only be replaced by a definition of the "
        + "spec that takes as many (Two takes 1)", r.diagnostics().get(0).format());
  }

  @Test
  void aReplacementThatNamesTheOperatorIsRefused() {
    CompileResult r = TestSpecs.compile("T", SPEC, "CONSTANT Nat <- Loop\nINIT Init\nNEXT Next\nINVARIANT Inv\n");
    assertFalse(r.ok());
    assertEquals("T.tla:10:16: the config's replacement of Nat names Nat itself (TLC would not terminate)",
        r.diagnostics().get(0).format());
  }
}
