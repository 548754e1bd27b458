package io.finalspec.codegen.emit;

import static io.finalspec.codegen.emit.TestSpecs.machine;
import static io.finalspec.codegen.emit.TestSpecs.successors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finalspec.codegen.CompileResult;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.value.TlaEvalException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Gates of action instances ({@code ActionGates}, the runtime's {@code ActionGate}): an instance
 * whose leading test {@code pc[p] = "label"} is false is skipped without running, but only when the
 * conjuncts before that test cannot fail; the successors (labels, order, duplicates) and the errors
 * are those of the instances run one by one, as TLC runs them.
 */
class ActionGateTest {
  private static final String CONFIG = "INIT Init\nNEXT Next\n";

  /** Two processes, three labels; {@code phase} (a string variable) is tested before {@code pc}. */
  private static final String PLUSCAL_STYLE = "EXTENDS Naturals\n"
      + "VARIABLES pc, phase, n\n"
      + "Procs == {1, 2}\n"
      + "Init == pc = [p \\in Procs |-> \"a\"] /\\ phase = \"run\" /\\ n = 0\n"
      + "Running == phase \\notin {\"stopped\"}\n"
      + "A(p) == /\\ Running /\\ pc[p] = \"a\" /\\ pc' = [pc EXCEPT ![p] = \"b\"] /\\ n' = n + 1 /\\ UNCHANGED phase\n"
      + "B(p) == /\\ Running /\\ pc[p] = \"b\" /\\ pc' = [pc EXCEPT ![p] = \"c\"] /\\ UNCHANGED <<phase, n>>\n"
      + "C(p) == /\\ pc[p] = \"c\" /\\ phase' = \"stopped\" /\\ UNCHANGED <<pc, n>>\n"
      + "Next == \\E p \\in Procs : A(p) \\/ B(p) \\/ C(p)\n";

  private static String source(String name, String body) {
    return source(name, body, CONFIG);
  }

  private static String source(String name, String body, String cfg) {
    CompileResult r = TestSpecs.compile(name, body, cfg);
    assertTrue(r.ok(), r.diagnostics().toString());
    return r.sources().get(0).code();
  }

  private static long count(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }

  @Test
  void pluscalStyleInstancesGetGatesAndKeepTlcsSuccessors() {
    String code = source("Gated", PLUSCAL_STYLE);
    assertEquals(3, count(code, "gates.gate("), code); // A, B and C in the loop over Procs
    Machine m = machine("Gated", PLUSCAL_STYLE, CONFIG);
    assertEquals(List.of("A(p=1) -> pc=<<\"b\", \"a\">> phase=\"run\" n=1", "A(p=2) -> pc=<<\"a\", \"b\">> phase=\"run\" n=1"),
        successors(m));
  }

  @Test
  void gatedSearchVisitsWhatTheInstancesReach() {
    Machine m = machine("Gated", PLUSCAL_STYLE, CONFIG);
    io.finalspec.runtime.explore.ExploreResult r = new io.finalspec.runtime.explore.BfsExplorer(m).run();
    // TLC 1.1.0 on this spec (deadlock off): 25 states generated, 14 distinct
    assertTrue(r.isOk(), r.outcome().toString());
    assertEquals(14, r.distinct());
  }

  @Test
  void noGateWhenAnEarlierConjunctMayFail() {
    String body = "EXTENDS Naturals\nVARIABLES pc, y\n"
        + "Init == pc = [p \\in {1, 2} |-> \"a\"] /\\ y = 0\n"
        + "A(p) == /\\ 1 \\div y = 0 /\\ pc[p] = \"b\" /\\ pc' = pc /\\ y' = y\n"
        + "Next == \\E p \\in {1, 2} : A(p)\n";
    assertFalse(source("Failing", body).contains("gates.gate("));
    Machine m = machine("Failing", body, CONFIG);
    // TLC evaluates the division before the test of pc, and reports it although pc[p] # "b"
    assertThrows(TlaEvalException.class, () -> successors(m));
  }

  @Test
  void aGateAfterATestOfAnEnumeratedVariableAsksTheMachineToCheckItsSets() {
    // phase's type: one of Modes (model values here); the gate is made only if all are strings
    // (the runtime's ActionGateTest holds the builder to that), and the successors are the same
    String body = "EXTENDS Naturals\nCONSTANT Modes\nVARIABLES pc, phase\n"
        + "Init == pc = [p \\in {1, 2} |-> \"b\"] /\\ phase \\in Modes\n"
        + "A(p) == /\\ phase \\notin {\"stopped\"} /\\ pc[p] = \"b\" /\\ pc' = [pc EXCEPT ![p] = \"c\"] /\\ UNCHANGED phase\n"
        + "Next == \\E p \\in {1, 2} : A(p)\n";
    String cfg = "CONSTANT Modes = {m1}\n" + CONFIG;
    String code = source("Modes", body, cfg);
    assertTrue(code.contains("gates.onlyStrings(1 /* phase */, () -> this.Modes)"), code);
    Machine m = machine("Modes", body, cfg);
    assertEquals(List.of("A(p=1) -> pc=<<\"c\", \"b\">> phase=m1", "A(p=2) -> pc=<<\"b\", \"c\">> phase=m1"),
        successors(m));
  }

  @Test
  void aLookupThatFailsLetsTheInstanceReportIt() {
    // q is not in pc's domain: TLC reports the application; the gate must not hide it
    String body = "EXTENDS Naturals\nCONSTANT q\nVARIABLES pc\n"
        + "Init == pc = [p \\in {1, 2} |-> \"a\"]\n"
        + "A == /\\ pc[q] = \"b\" /\\ UNCHANGED pc\n"
        + "Next == A\n";
    String cfg = "CONSTANT q = q\n" + CONFIG;
    assertTrue(source("Lookup", body, cfg).contains("gates.gate("));
    Machine m = machine("Lookup", body, cfg);
    assertThrows(TlaEvalException.class, () -> successors(m));
  }

  @Test
  void aWholeVariableTestIsAGateToo() {
    String body = "EXTENDS Naturals\nVARIABLES mode, n\n"
        + "Init == mode = \"idle\" /\\ n = 0\n"
        + "Start == mode = \"idle\" /\\ mode' = \"busy\" /\\ n' = n\n"
        + "Stop == mode = \"busy\" /\\ n < 2 /\\ mode' = \"idle\" /\\ n' = n + 1\n"
        + "Next == Start \\/ Stop\n";
    assertEquals(2, count(source("Whole", body), "gates.gate("));
    Machine m = machine("Whole", body, CONFIG);
    assertEquals(List.of("Start -> mode=\"busy\" n=0"), successors(m));
    assertEquals(6, new io.finalspec.runtime.explore.BfsExplorer(m).run().distinct()); // idle/busy x n in 0..2
  }
}
