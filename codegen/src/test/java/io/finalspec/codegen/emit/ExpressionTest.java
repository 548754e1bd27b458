package io.finalspec.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Values of expressions evaluated by generated code, printed as TLC prints them. */
class ExpressionTest {
  private static final String DEFS = "EXTENDS Naturals, Integers, Sequences, FiniteSets, TLC\n"
      + "RECURSIVE Fib(_)\nFib(k) == IF k < 2 THEN k ELSE Fib(k - 1) + Fib(k - 2)\n"
      + "Apply2(F(_, _), a, b) == F(a, b)\n"
      + "a (+) b == a * 10 + b\n"
      + "sq[k \\in 0..4] == k * k\n"
      + "Sum(f) == LET S[D \\in SUBSET DOMAIN f] == IF D = {} THEN 0 ELSE LET x == CHOOSE y \\in D : TRUE IN f[x] + S[D \\ {x}] IN S[DOMAIN f]\n";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("{3, 1, 2} \\cup {2, 5}", "{1, 2, 3, 5}"),
        Arguments.of("SUBSET {1, 2}", "{{}, {1}, {2}, {1, 2}}"),
        Arguments.of("Cardinality([{1, 2} -> {\"a\", \"b\"}])", "4"),
        Arguments.of("[r \\in {1, 2} |-> r * 2]", "<<2, 4>>"),
        Arguments.of("[a |-> 1, b |-> <<2, 3>>].b[2]", "3"),
        Arguments.of("[[a |-> [b |-> 1]] EXCEPT !.a.b = @ + 1, !.a.b = @ * 10]", "[a |-> [b |-> 20]]"),
        Arguments.of("[<<1, 2>> EXCEPT ![2] = 7]", "<<1, 7>>"),
        Arguments.of("SubSeq(<<1, 2, 3, 4>>, 2, 3) \\o <<9>>", "<<2, 3, 9>>"),
        Arguments.of("SelectSeq(<<1, 2, 3, 4>>, LAMBDA e : e % 2 = 0)", "<<2, 4>>"),
        Arguments.of("{x * y : x \\in {1, 2}, y \\in {10, 20}}", "{10, 20, 40}"),
        Arguments.of("{<<a, b>> \\in {1, 2} \\X {1, 2} : a < b}", "{<<1, 2>>}"),
        Arguments.of("CHOOSE x \\in {5, 3, 4} : x > 3", "4"),
        Arguments.of("Fib(10)", "55"),
        Arguments.of("Apply2(+, 2, 3) + Apply2(LAMBDA a, b : a - b, 10, 4)", "11"),
        Arguments.of("2 (+) 3", "23"),
        Arguments.of("sq[3] + Cardinality(DOMAIN sq)", "14"),
        Arguments.of("Sum([k \\in 1..4 |-> k])", "10"),
        Arguments.of("LET a == 2 b == a + a IN b * b + a", "18"),
        Arguments.of("CASE 1 > 2 -> \"no\" [] 2 > 1 -> \"yes\" [] OTHER -> \"other\"", "\"yes\""),
        Arguments.of("\\A x \\in 1..3 : \\E y \\in 1..3 : y > x \\/ x = 3", "TRUE"),
        Arguments.of("(-7) \\div 2", "-4"),
        Arguments.of("-7 \\div 2", "-3"),
        Arguments.of("(1 :> \"a\") @@ (2 :> \"b\")", "<<\"a\", \"b\">>"),
        Arguments.of("UNION {{1}, {2, 3}}", "{1, 2, 3}"),
        Arguments.of("(<<1, 2>> = [i \\in 1..2 |-> i])", "TRUE"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void evaluatesAsTlc(String expr, String expected) {
    assertEquals(expected, TestSpecs.eval(DEFS, expr).toString());
  }
}
