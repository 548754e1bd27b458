package io.finalspec.codegen.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.finalspec.codegen.CompileResult;
import io.finalspec.codegen.emit.TestSpecs;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Constructs outside the fragment give {@code file:line:col: unsupported: what}, never an exception. */
class FragmentErrorTest {
  // line 1 is the header, 2 EXTENDS, 3 "VARIABLE x", 4 "Init == x = 0", 5 the construct under test
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("Next == \\E y : x' = y", "T.tla:5:12: unsupported: unbounded quantifier"),
        Arguments.of("Next == x' = CHOOSE y : y = 1", "T.tla:5:21: unsupported: unbounded CHOOSE"),
        // the application spans its operands' parentheses, as SANY's does
        Arguments.of("Next == (x' = 1) \\cdot (x' = 2)",
            "T.tla:5:9: unsupported: operator \\cdot (temporal or action operator outside the fragment)"),
        Arguments.of("Next == x' = 10000000000",
            "T.tla:5:14: unsupported: integer literal 10000000000 outside TLC's 32-bit range"),
        // a temporal formula named as NEXT: the resolver's level says so at the config
        Arguments.of("Next == WF_x(x' = 1)", "T.cfg:2:6: NEXT Next is not an action (it is temporal-level)"),
        Arguments.of("Next == x' = [](x = 0)", "T.cfg:2:6: NEXT Next is not an action (it is temporal-level)"),
        Arguments.of("Next == x' = x ~> x", "T.cfg:2:6: NEXT Next is not an action (it is temporal-level)"),
        Arguments.of("Next == x' = Undefined", "T.tla:5:14: undefined identifier 'Undefined'"),
        // SANY: a primed expression is action-level even when what is primed is constant (mutation fuzz)
        Arguments.of("C == 1\nASSUME C' = 1\nNext == x' = x",
            "T.tla:6:1: ASSUME must be a constant formula (this one is action-level)"),
        Arguments.of("C == 1\nASSUME UNCHANGED C\nNext == x' = x",
            "T.tla:6:1: ASSUME must be a constant formula (this one is action-level)"),
        // SANY checks every definition: a primed variable in a subscript is a level error even when
        // the config names only INIT and NEXT (mutation fuzz, seed 20261203: vars with edges')
        Arguments.of("vars == <<x'>>\nNext == x' = x\nSpec == Init /\\ [][Next]_vars",
            "T.tla:7:26: the subscript of [A]_v or <<A>>_v must be a state function (this one is action-level)"),
        Arguments.of("Next == x' = x\nLive == WF_<<x'>>(Next)",
            "T.tla:6:12: the subscript of WF/SF must be a state function (this one is action-level)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void unsupportedConstructIsAPositionedDiagnostic(String next, String expected) {
    CompileResult r = TestSpecs.compile("T", "EXTENDS Naturals\nVARIABLE x\nInit == x = 0\n" + next + "\n",
        "INIT Init\nNEXT Next\n");
    assertFalse(r.ok(), "should not compile");
    assertEquals(expected, r.diagnostics().get(0).format());
  }

  /** Issue 10: an operator of a standard module without that module in EXTENDS is an error, as in SANY. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("standardCases")
  void standardOperatorNeedsItsModule(String extend, String next, String expected) {
    CompileResult r = TestSpecs.compile("T", extend + "\nVARIABLE x\nInit == x = <<>>\n" + next + "\n",
        "INIT Init\nNEXT Next\n");
    assertFalse(r.ok(), "should not compile");
    assertEquals(expected, r.diagnostics().get(0).format());
  }

  static Stream<Arguments> standardCases() {
    return Stream.of(
        Arguments.of("", "Next == x' = x + 1",
            "T.tla:5:14: undefined operator '+' (it is defined in the standard module Naturals: add it to EXTENDS)"),
        Arguments.of("EXTENDS Naturals", "Next == x' = Len(x)",
            "T.tla:5:14: undefined operator 'Len' (it is defined in the standard module Sequences: add it to EXTENDS)"),
        Arguments.of("EXTENDS Sequences", "Next == x' = 1 :> 2",
            "T.tla:5:14: undefined operator ':>' (it is defined in the standard module TLC: add it to EXTENDS)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configCases")
  void badConfigIsADiagnostic(String cfg, String expected) {
    CompileResult r = TestSpecs.compile("T", "CONSTANT N\nVARIABLE x\nInit == x = N\nNext == x' = x\n", cfg);
    assertFalse(r.ok());
    assertEquals(expected, r.diagnostics().get(0).format());
  }

  static Stream<Arguments> configCases() {
    return Stream.of(
        Arguments.of("INIT Init\nNEXT Next\n", "T.cfg:1:1: the config gives no value to constant N"),
        Arguments.of("CONSTANT N = 1\nINIT Init\n", "T.cfg:1:1: the config names INIT without NEXT (or SPECIFICATION)"),
        Arguments.of("CONSTANT N = \nINIT Init", "T.cfg:2:1: expected a value, found 'INIT'"));
  }
}
