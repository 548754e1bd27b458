package io.finalspec.codegen.emit;

import static io.finalspec.codegen.emit.TestSpecs.inits;
import static io.finalspec.codegen.emit.TestSpecs.machine;
import static io.finalspec.codegen.emit.TestSpecs.successors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.value.TlaEvalException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Successor sets of small specs against hand-computed ones (labels, order and duplicates as TLC's
 * getNextStates yields them; the order and duplicates were checked with TLC 1.1.0's FastTool).
 */
class SuccessorTest {
  private static final String NAT = "EXTENDS Naturals\n";

  @Test
  void counter() {
    Machine m = machine(NAT + "VARIABLE x\nInit == x = 0\nInc == x < 2 /\\ x' = x + 1\nNext == Inc\n");
    assertEquals(List.of("x=0"), inits(m));
    assertEquals(List.of("Inc -> x=1"), successors(m));
  }

  @Test
  void twoProcessMutex() {
    Machine m = machine(NAT + "VARIABLES lock, cs\n"
        + "Init == lock = 0 /\\ cs = [p \\in {1, 2} |-> FALSE]\n"
        + "Acquire(p) == lock = 0 /\\ lock' = p /\\ cs' = [cs EXCEPT ![p] = TRUE]\n"
        + "Release(p) == lock = p /\\ lock' = 0 /\\ cs' = [cs EXCEPT ![p] = FALSE]\n"
        + "Next == \\E p \\in {1, 2} : Acquire(p) \\/ Release(p)\n");
    assertEquals(List.of("Acquire(p=1) -> lock=1 cs=<<TRUE, FALSE>>", "Acquire(p=2) -> lock=2 cs=<<FALSE, TRUE>>"),
        successors(m));
    assertEquals(List.of("Acquire", "Release"), m.actionNames());
  }

  @Test
  void anActionsForallTestsTheFirstBindingThenTheLastToTheSecond() {
    // TLC (ContextEnumerator) tests A's instances for 1, then 3, which is false: 2, an error, is
    // never evaluated. In the natural order 2's error would stop the run.
    Machine m = machine(NAT + "VARIABLE x\nInit == x = 0\n"
        + "A == /\\ \\A i \\in 1..3 : IF i = 2 THEN 1 \\div 0 = 0 ELSE i = 1\n   /\\ x' = 1\n"
        + "C == /\\ \\A i \\in {\"a\", \"b\"} : i # \"c\"\n   /\\ x' = 3\n"
        + "D == /\\ \\A i \\in 1..2, j \\in {5} : i < j\n   /\\ x' = 4\n"
        + "Next == A \\/ C \\/ D\n");
    assertEquals(List.of("C -> x=3", "D -> x=4"), successors(m));
    Machine bad = machine(NAT + "VARIABLE x\nInit == x = 0\n"
        + "B == /\\ \\A i \\in 1..3 : IF i = 3 THEN 1 \\div 0 = 0 ELSE i = 1\n   /\\ x' = 1\nNext == B\n");
    assertThrows(TlaEvalException.class, () -> successors(bad));
  }

  @Test
  void disjunctionThenLaterConjunct() {
    Machine m = machine(NAT + "VARIABLES x, y\nInit == x = 0 /\\ y = 0\n"
        + "Next == (x' = 1 \\/ x' = 2) /\\ y' = x' + 10\n");
    assertEquals(List.of("Next -> x=1 y=11", "Next -> x=2 y=12"), successors(m));
  }

  @Test
  void disjunctionAfterEverythingIsAssignedIsOneBoolean() {
    // TLC: once every variable is assigned, later conjuncts are evaluated as booleans (one state)
    Machine m = machine(NAT + "VARIABLES x, y\nInit == x = 0 /\\ y = 0\n"
        + "C == (x = 0 \\/ y = 0) /\\ x' = 7 /\\ y' = 7\n"
        + "D == x' = 8 /\\ y' = 8 /\\ (x = 0 \\/ y = 0)\n"
        + "E == x' = 9 /\\ (x = 0 \\/ y = 0) /\\ y' = 9\n"
        + "Next == C \\/ D \\/ E\n");
    assertEquals(List.of("C -> x=7 y=7", "C -> x=7 y=7", "D -> x=8 y=8", "E -> x=9 y=9", "E -> x=9 y=9"),
        successors(m));
  }

  @Test
  void primedInEnumeratesAndTests() {
    Machine m = machine(NAT + "VARIABLES x, y\nInit == x = 0 /\\ y = 0\n"
        + "A == x' \\in {3, 1, 2} /\\ y' = 0\n"
        + "B == x' = 2 /\\ x' \\in {1, 2} /\\ y' \\in {x'}\n"
        + "Next == A \\/ B\n");
    assertEquals(List.of("A -> x=1 y=0", "A -> x=2 y=0", "A -> x=3 y=0", "B -> x=2 y=2"), successors(m));
  }

  @Test
  void assignThenTest() {
    Machine m = machine(NAT + "VARIABLE x\nInit == x = 0\n"
        + "Same == x' = 1 /\\ x' = 1\nDifferent == x' = 1 /\\ x' = 2\nNext == Same \\/ Different\n");
    assertEquals(List.of("Same -> x=1"), successors(m));
  }

  @Test
  void unchangedTuplesAndDefinitions() {
    Machine m = machine(NAT + "VARIABLES x, y, z\nvars == <<x, y>>\nInit == x = 1 /\\ y = 2 /\\ z = 3\n"
        + "A == z' = 0 /\\ UNCHANGED vars\nB == UNCHANGED <<x, <<y, z>>>>\nC == x' = 5 /\\ UNCHANGED <<x, y, z>>\n"
        + "Next == A \\/ B \\/ C\n");
    assertEquals(List.of("A -> x=1 y=2 z=0", "B -> x=1 y=2 z=3"), successors(m));
  }

  @Test
  void ifAndCaseWithPrimes() {
    Machine m = machine(NAT + "VARIABLES x, y\nInit == x = 1 /\\ y = 0\n"
        + "A == IF x > 0 THEN x' = x - 1 ELSE x' = x + 1\n"
        + "B == CASE x = 0 -> x' = 10 [] x = 1 -> (x' = 20 \\/ x' = 21) [] OTHER -> x' = 30\n"
        + "Next == (A \\/ B) /\\ y' = x'\n");
    assertEquals(List.of("Next -> x=0 y=0", "Next -> x=20 y=20", "Next -> x=21 y=21"), successors(m));
  }

  @Test
  void existsInsideAnAction() {
    Machine m = machine(NAT + "VARIABLES x, s\nInit == x = 0 /\\ s = {4, 5}\n"
        + "Take == \\E e \\in s : x' = e /\\ s' = s \\ {e}\nNext == Take\n");
    assertEquals(List.of("Take -> x=4 s={5}", "Take -> x=5 s={4}"), successors(m));
  }

  @Test
  void splitExistsFirstVariableFastest() {
    Machine m = machine(NAT + "VARIABLES x, y\nInit == x = 0 /\\ y = 0\nA(a, b) == x' = a /\\ y' = b\n"
        + "Next == \\E a \\in {1, 2}, b \\in {3, 4} : A(a, b)\n");
    assertEquals(List.of("A(a=1, b=3) -> x=1 y=3", "A(a=2, b=3) -> x=2 y=3", "A(a=1, b=4) -> x=1 y=4",
        "A(a=2, b=4) -> x=2 y=4"), successors(m));
  }

  @Test
  void chooseRecordsSequencesSubsetFunctionSets() {
    Machine m = machine("EXTENDS Naturals, Sequences, FiniteSets\nVARIABLES r, q, n\n"
        + "Init == r = [a |-> 1, b |-> \"x\"] /\\ q = <<3, 4>> /\\ n = 0\n"
        + "Next == /\\ r' = [r EXCEPT !.a = @ + 1]\n"
        + "        /\\ q' = Append(Tail(q), CHOOSE e \\in {7, 5, 6} : e > 5)\n"
        + "        /\\ n' = Cardinality(SUBSET {1, 2, 3}) + Cardinality([{1, 2} -> {0, 1, 2}])\n");
    assertEquals(List.of("Next -> r=[a |-> 2, b |-> \"x\"] q=<<4, 6>> n=17"), successors(m));
  }

  @Test
  void recursiveOperatorAndLambda() {
    Machine m = machine("EXTENDS Naturals, Sequences\nVARIABLE x\n"
        + "RECURSIVE Sum(_)\nSum(s) == IF s = <<>> THEN 0 ELSE Head(s) + Sum(Tail(s))\n"
        + "Twice(F(_), v) == F(F(v))\n"
        + "fact[k \\in 0..5] == IF k = 0 THEN 1 ELSE k * fact[k - 1]\n"
        + "Init == x = Sum(<<1, 2, 3>>)\n"
        + "Next == x' = Twice(LAMBDA y : y + 1, x) + fact[3]\n");
    assertEquals(List.of("x=6"), inits(m));
    assertEquals(List.of("Next -> x=14"), successors(m));
  }

  @Test
  void continuationWhoseCallersAssignDifferentVariables() {
    // one disjunct assigns x', the other y': the conjuncts after them test one and enumerate the other
    Machine m = machine(NAT + "VARIABLES x, y\nInit == x = 0 /\\ y = 0\n"
        + "Next == (x' = 1 \\/ y' = 5) /\\ x' \\in {1, 3} /\\ y' \\in {5, 6}\n");
    assertEquals(List.of("Next -> x=1 y=5", "Next -> x=1 y=6", "Next -> x=1 y=5", "Next -> x=3 y=5"), successors(m));
  }

  @Test
  void primedVariablesReadInsideALiftedBinder() {
    Machine m = machine(NAT + "VARIABLES x, y\nInit == x = 0 /\\ y = 0\n"
        + "Next == x' = x + 1 /\\ y' = (CHOOSE i \\in {1, 2, 3} : i > x')\n");
    assertEquals(List.of("Next -> x=1 y=2"), successors(m));
    Machine early = machine(NAT + "VARIABLES x, y\nInit == x = 0 /\\ y = 0\n"
        + "Next == y' = (CHOOSE i \\in {1, 2, 3} : i > x') /\\ x' = 0\n");
    TlaEvalException e = assertThrows(TlaEvalException.class, () -> successors(early));
    assertTrue(e.getMessage().contains("x'"), e.getMessage());
  }

  @Test
  void forallThatAssignsThenAConjunctReadingIt() {
    // the first instance assigns x', the second tests it; y' then reads x'
    Machine m = machine(NAT + "VARIABLES x, y\nInit == x = 0 /\\ y = 0\n"
        + "Next == (\\A i \\in {1, 2} : x' = 1) /\\ y' = x' + 1\n");
    assertEquals(List.of("Next -> x=1 y=2"), successors(m));
  }

  @Test
  void incompleteSuccessorIsTlcsError() {
    Machine m = machine(NAT + "VARIABLES x, y\nInit == x = 0 /\\ y = 0\nHalf == x' = 1\nNext == Half\n");
    TlaEvalException e = assertThrows(TlaEvalException.class, () -> successors(m));
    assertTrue(e.getMessage().contains("not completely specified"), e.getMessage());
    assertTrue(e.getMessage().contains("Half"), e.getMessage());
  }

  @Test
  void evaluationErrorsCarryTheSpecPosition() {
    Machine m = machine(NAT + "VARIABLE f\nInit == f = [i \\in {1} |-> 0]\nNext == f' = [f EXCEPT ![1] = f[2]]\n");
    TlaEvalException e = assertThrows(TlaEvalException.class, () -> successors(m));
    assertTrue(e.getMessage().contains("T.tla:"), e.getMessage());
  }

  @Test
  void initEnumeratesInTlcsOrder() {
    Machine m = machine(NAT + "VARIABLES x, y\nInit == x \\in {2, 1} /\\ (y = 0 \\/ y = x)\nNext == UNCHANGED <<x, y>>\n");
    assertEquals(List.of("x=1 y=0", "x=1 y=1", "x=2 y=0", "x=2 y=2"), inits(m));
  }
}
