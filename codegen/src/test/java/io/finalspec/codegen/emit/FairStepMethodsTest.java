package io.finalspec.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finalspec.codegen.CompileResult;
import io.finalspec.runtime.explore.BfsExplorer;
import io.finalspec.runtime.explore.ExploreResult;
import io.finalspec.runtime.explore.ModelChecker;
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

  private static Outcome.Kind check(String fairness) {
    String body = SPEC + "Spec == Init /\\ [][Next]_vars /\\ " + fairness + "\n";
    ExploreResult r = new ModelChecker(TestSpecs.machine("T", body, CFG), BfsExplorer.Options.defaults()).run();
    return r.outcome().kind();
  }
}
