package io.finalspec.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finalspec.codegen.CompileResult;
import io.finalspec.runtime.explore.Outcome;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A fairness condition's action splits into the same leaves as in Next ({@code \A p : WF_vars(Step(p))}
 * beside {@code \E p : Step(p)}): each leaf is one method, called from both lists of instances,
 * even though the lowering gave each inlined copy of Step its own binder ids. A leaf that differs
 * (another body, or the same body over another parameter) keeps its own method, and the verdicts
 * are TLC's.
 */
class FairStepMethodsTest {
  private static final String SPEC = "EXTENDS Naturals\nCONSTANT Procs\nVARIABLES x\nvars == <<x>>\n"
      + "Init == x = [p \\in Procs |-> 0]\n"
      + "Step(p) == /\\ x[p] < 2\n"
      + "           /\\ \\E d \\in {1} : x' = [x EXCEPT ![p] = @ + d]\n"
      + "Reset(p) == x[p] = 2 /\\ x' = [x EXCEPT ![p] = 0]\n"
      + "Next == \\E p \\in Procs : Step(p) \\/ Reset(p)\n"
      + "Grows == \\A p \\in Procs : <>(x[p] = 2)\n";
  private static final String CFG = "CONSTANT Procs = {a, b}\nSPECIFICATION Spec\nPROPERTY Grows\n";

  private static String code(String fairness) {
    CompileResult r = TestSpecs.compile("T", SPEC + "Spec == Init /\\ [][Next]_vars /\\ " + fairness + "\n", CFG);
    assertTrue(r.ok(), r.describe());
    return r.sources().get(0).code();
  }

  private static int count(String code, String regex) {
    Matcher m = Pattern.compile(regex).matcher(code);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void aFairActionIsTheMethodOfItsLeafInNext() {
    String code = code("\\A p \\in Procs : WF_vars(Step(p))");
    assertEquals(1, count(code, "Action \\{@code Step\\}"), code);
    assertEquals(1, count(code, "Action \\{@code Reset\\}"), code);
    // both lists call the one method: Next's instances and the fairness condition's
    assertEquals(2, count(code, "-> step\\(s, "), code);
  }

  @Test
  void fairnessOverTwoActionsSharesBoth() {
    String code = code("\\A p \\in Procs : WF_vars(Step(p) \\/ Reset(p))");
    assertEquals(1, count(code, "Action \\{@code Step\\}"), code);
    assertEquals(1, count(code, "Action \\{@code Reset\\}"), code);
  }

  @Test
  void theVerdictsStayTlcs() {
    // under WF of Step every process reaches 2; without fairness a process may stay at 0
    assertEquals(Outcome.Kind.OK, check("\\A p \\in Procs : WF_vars(Step(p))"));
    assertEquals(Outcome.Kind.PROPERTY, check("\\A p \\in Procs : WF_vars(Reset(p))"));
  }

  @Test
  void aFairActionOfNextsInstancesNamesThemAndAnotherRunsOnItsOwn() {
    String spec = SPEC + "Spec == Init /\\ [][Next]_vars /\\ (\\A p \\in Procs : WF_vars(Step(p)))"
        + " /\\ WF_vars(\\E q \\in Procs : Step(q) /\\ x[q] = 0)\n";
    java.util.List<io.finalspec.runtime.machine.Fairness> fair = TestSpecs.machine("T", spec, CFG).fairness();
    assertEquals(3, fair.size());
    for (int p = 0; p < 2; p++) {
      // Step(a) splits into one leaf: Next's instance Step(a), found by identity
      assertEquals(1, fair.get(p).nextInstances().size(), fair.get(p).name());
      assertEquals("Step", fair.get(p).nextInstances().iterator().next().name());
    }
    // Step(p) /\ x[p] = 0 is no instance of Next: its action is run
    assertEquals(null, fair.get(2).nextInstances());
    assertEquals(Outcome.Kind.OK, TestSpecs.verdict("T", spec, CFG));
  }

  /**
   * A guard constant once p is fixed splits the fairness condition's action further than Next is
   * split (Next keeps a conjunction whole, as TLC does): a true guard leaves the actions it guards,
   * instances of Next, and a false one leaves nothing (Reset(p) is there once, by the true guard). A guard that cannot be evaluated as the
   * machine is built keeps the conjunction, whose action is then run on its own.
   */
  @Test
  void constantGuardsAreSplitForFairnessOnly() {
    String guarded = "Guarded(p) == \\/ p \\in Procs /\\ Step(p)\n"
        + "              \\/ p \\notin Procs /\\ Reset(p)\n"
        + "              \\/ Procs # {} /\\ Reset(p)\n";
    String spec = SPEC + guarded + "Spec == Init /\\ [][Next]_vars /\\ \\A p \\in Procs : WF_vars(Guarded(p))\n";
    java.util.List<io.finalspec.runtime.machine.Fairness> fair = TestSpecs.machine("T", spec, CFG).fairness();
    assertEquals(2, fair.size());
    for (io.finalspec.runtime.machine.Fairness f : fair) {
      java.util.Set<String> names = new java.util.TreeSet<>();
      f.nextInstances().forEach(l -> names.add(l.name()));
      assertEquals(java.util.Set.of("Reset", "Step"), names, f.name());
    }
    assertEquals(Outcome.Kind.OK, TestSpecs.verdict("T", spec, CFG));
    String failing = "Failing(p) == (CHOOSE q \\in {} : TRUE) = p /\\ Step(p)\n";
    String spec2 = SPEC + failing + "Spec == Init /\\ [][Next]_vars /\\ \\A p \\in Procs : WF_vars(Failing(p))\n";
    for (io.finalspec.runtime.machine.Fairness f : TestSpecs.machine("T", spec2, CFG).fairness()) {
      assertEquals(null, f.nextInstances(), f.name());
    }
    // Next itself is still split as TLC splits it: its conjunction is one action, not a guard, so
    // the condition's finer instances are none of Next's and its action is run
    String coarse = SPEC.replace("Next == \\E p \\in Procs : Step(p) \\/ Reset(p)",
        guarded + "Next == \\E p \\in Procs : Guarded(p)") + "Spec == Init /\\ [][Next]_vars /\\ \\A p \\in Procs : WF_vars(Guarded(p))\n";
    CompileResult r = TestSpecs.compile("T", coarse, CFG);
    assertTrue(r.ok(), r.describe());
    String code = r.sources().get(0).code();
    assertTrue(code.indexOf("Value holds") > code.indexOf("// fairness"), code);
    for (io.finalspec.runtime.machine.Fairness f : TestSpecs.machine("T", coarse, CFG).fairness()) {
      assertEquals(null, f.nextInstances(), f.name());
    }
    assertEquals(Outcome.Kind.OK, TestSpecs.verdict("T", coarse, CFG));
  }

  private static Outcome.Kind check(String fairness) {
    return TestSpecs.verdict("T", SPEC + "Spec == Init /\\ [][Next]_vars /\\ " + fairness + "\n", CFG);
  }
}
