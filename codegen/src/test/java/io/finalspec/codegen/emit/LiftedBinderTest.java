package io.finalspec.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finalspec.codegen.CompileResult;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.value.TlaEvalException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Quantifiers, CHOOSE, LET and EXCEPT with {@code @} are lambdas handed to the runtime in the
 * constructor and methods of their own in code that runs once a state ({@code Lifting}):
 * the same expression, as a constant definition (computed by the constructor) and in Init, must
 * give the same value, or fail with the same message.
 */
class LiftedBinderTest {
  private static final String DEFS = "EXTENDS Naturals, Sequences, FiniteSets\n"
      + "F == [i \\in 1..3 |-> i * i]\n";

  static Stream<String> expressions() {
    return Stream.of(
        "\\A x \\in 1..3 : \\E y \\in 1..3 : y > x \\/ x = 3",
        "\\E x, y \\in 1..3 : x + y = 5 /\\ x > y",
        "\\A <<a, b>> \\in {1, 2} \\X {3} : a < b",
        "\\E x \\in {} : x = 1",
        "\\A x \\in 1..4 : \\A y \\in 1..x : x > 3 \\/ F[y] >= y",
        "CHOOSE x \\in 1..9 : x * x > 10",
        "CHOOSE <<a, b>> \\in {1, 2} \\X {5, 6} : a + b = 7",
        "CHOOSE s \\in SUBSET {1, 2, 3} : Cardinality(s) = 2",
        "LET a == 2 b == a * F[a] IN <<a, b, LET c == b + 1 IN c * a>>",
        "[F EXCEPT ![2] = @ + 10, ![3] = @ - F[1]]",
        "[[a |-> F, b |-> 1] EXCEPT !.a[3] = @ * 2, !.b = @ + 1]",
        "[F EXCEPT ![7] = @ + 1]",
        "[[a |-> F] EXCEPT !.a[9] = @ + 1]",
        "[F EXCEPT ![2] = \\E x \\in 1..@ : x = 4]",
        "{x \\in 1..5 : \\E y \\in 1..x : y * y = x}",
        "[i \\in 1..3 |-> LET j == i + 1 IN \\A k \\in 1..j : k <= F[i] + 1]");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expressions")
  void liftedAndLambdaFormsAgree(String expr) {
    Machine m = TestSpecs.machine(DEFS + "K == (" + expr + ")\nVARIABLES lifted, lambdas\n"
        + "Init == lifted = (" + expr + ") /\\ lambdas = K\nNext == UNCHANGED <<lifted, lambdas>>\n");
    State s = TestSpecs.initStates(m).get(0);
    assertEquals(s.get(1), s.get(0), "Init (lifted methods) against the constructor (lambdas)");
  }

  @Test
  void aChooseWithoutWitnessFailsWithTlcsMessageBothWays() {
    String expr = "CHOOSE x \\in 1..3 : x > 5";
    TlaEvalException lifted = assertThrows(TlaEvalException.class,
        () -> TestSpecs.eval(DEFS, expr));
    Machine m = TestSpecs.machine(DEFS + "K == " + expr + "\nVARIABLE v\nInit == v = K\nNext == UNCHANGED v\n");
    TlaEvalException lambdas = assertThrows(TlaEvalException.class, () -> TestSpecs.initStates(m));
    assertTrue(lifted.getMessage().contains("CHOOSE x \\in S: P, but no element of S satisfied P"), lifted.getMessage());
    assertEquals(lambdas.getMessage(), lifted.getMessage());
  }

  /** In an action: parameters, primed variables and the partial state reach the lifted methods. */
  @Test
  void liftedMethodsReadParametersPrimesAndThePartialState() {
    Machine m = TestSpecs.machine("EXTENDS Naturals\nVARIABLES f, g\n"
        + "Init == f = [i \\in 1..3 |-> 0] /\\ g = 0\n"
        + "Bump(p) ==\n"
        + "  /\\ \\A q \\in 1..3 : q # p => f[q] <= f[p]\n"
        + "  /\\ f' = [f EXCEPT ![p] = @ + p]\n"
        + "  /\\ g' = LET h == f'[p] IN CHOOSE v \\in 0..20 : v = h + g\n"
        + "Next == \\E p \\in 1..3 : Bump(p)\n");
    assertEquals(List.of("Bump(p=1) -> f=<<1, 0, 0>> g=1", "Bump(p=2) -> f=<<0, 2, 0>> g=2",
        "Bump(p=3) -> f=<<0, 0, 3>> g=3"), TestSpecs.successors(m));
  }

  /** In an action constraint: the lifted method reads the step's next state (primed) and its state. */
  @Test
  void liftedMethodsOfAnActionConstraintReadBothStates() {
    Machine m = TestSpecs.machine("AC", "EXTENDS Naturals\nVARIABLE f\n"
        + "Init == f = [i \\in 1..2 |-> 0]\n"
        + "Next == \\E p \\in 1..2 : f' = [f EXCEPT ![p] = (@ + 1) % 3]\n"
        + "Grows == \\A i \\in DOMAIN f : f'[i] >= f[i]\n",
        "INIT Init\nNEXT Next\nACTION_CONSTRAINT Grows\n");
    Machine.ActionPredicate grows = m.actionConstraints().get(0);
    State init = TestSpecs.initStates(m).get(0);
    List<State> next = new java.util.ArrayList<>();
    m.successors(init, (label, t) -> next.add(t));
    assertEquals(2, next.size());
    for (State t : next) {
      assertTrue(grows.test(init, t), TestSpecs.show(m, t));
      assertTrue(!grows.test(t, init), TestSpecs.show(m, t));
    }
  }

  /** Each lifted method is made once: an invariant's quantifier serves the invariant and its check after a step. */
  @Test
  void theSameLiftedMethodIsMadeOnce() {
    CompileResult r = TestSpecs.compile("Once", "EXTENDS Naturals\nVARIABLE x\nInit == x = 0\n"
        + "Next == x' = (x + 1) % 3\nSmall == \\A k \\in 0..x : k < 3\n", "INIT Init\nNEXT Next\nINVARIANT Small\n");
    assertTrue(r.ok(), r.describe());
    String code = r.sources().get(0).code();
    assertTrue(code.contains("private boolean forall1(State s)"), code);
    assertTrue(!code.contains("forall2"), code);
    assertTrue(!code.contains("Tla.forall("), code);
  }

  /**
   * A lifted method reserves only the parameter names it takes: a bound {@code t} keeps its name
   * where no next state ({@code t}) is passed, and is renamed where one is (an action constraint).
   */
  @Test
  void boundNamesAreKeptUnlessAParameterTakesThem() {
    CompileResult r = TestSpecs.compile("Names", "EXTENDS Naturals\nVARIABLE x\nInit == x = 0\n"
        + "Next == x' = (x + 1) % 3\nSmall == \\A t \\in 0..x : t < 3\n"
        + "Up == \\A t \\in 0..x' : t <= x' + x\n",
        "INIT Init\nNEXT Next\nINVARIANT Small\nACTION_CONSTRAINT Up\n");
    assertTrue(r.ok(), r.describe());
    String code = r.sources().get(0).code();
    assertTrue(code.contains("for (Value t : Tla.elements("), code);
    assertTrue(code.contains("(State s, State t)") && code.contains("for (Value t2 : Tla.elements("), code);
  }
}
