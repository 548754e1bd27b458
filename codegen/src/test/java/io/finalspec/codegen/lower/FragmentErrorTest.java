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
        Arguments.of("Next == ENABLED (x' = 1) /\\ x' = x",
            "T.tla:5:9: unsupported: operator ENABLED (temporal or action operator outside the fragment)"),
        Arguments.of("Next == \\E y : x' = y", "T.tla:5:12: unsupported: unbounded quantifier"),
        Arguments.of("Next == x' = CHOOSE y : y = 1", "T.tla:5:21: unsupported: unbounded CHOOSE"),
        Arguments.of("Next == (x' = 1) \\cdot (x' = 2)",
            "T.tla:5:10: unsupported: operator \\cdot (temporal or action operator outside the fragment)"),
        Arguments.of("Next == x' = 10000000000",
            "T.tla:5:14: unsupported: integer literal 10000000000 outside TLC's 32-bit range"),
        Arguments.of("Next == WF_x(x' = 1)", "T.tla:5:9: unsupported: fairness (WF_/SF_) outside the SPECIFICATION formula"),
        Arguments.of("Next == x' = [](x = 0)",
            "T.tla:5:14: unsupported: operator [] (temporal or action operator outside the fragment)"),
        Arguments.of("Next == x' = x ~> x", "T.tla:5:9: unsupported: operator ~> (temporal or action operator outside the fragment)"),
        Arguments.of("Next == x' = Undefined", "T.tla:5:14: unknown operator 'Undefined'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void unsupportedConstructIsAPositionedDiagnostic(String next, String expected) {
    CompileResult r = TestSpecs.compile("T", "EXTENDS Naturals\nVARIABLE x\nInit == x = 0\n" + next + "\n",
        "INIT Init\nNEXT Next\n");
    assertFalse(r.ok(), "should not compile");
    assertEquals(expected, r.diagnostics().get(0).format());
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
        Arguments.of("CONSTANT N = 1\n", "T.cfg:1:1: the config names neither SPECIFICATION nor INIT and NEXT"),
        Arguments.of("CONSTANT N = \nINIT Init", "T.cfg:2:1: expected a value, found 'INIT'"));
  }
}
