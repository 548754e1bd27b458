package io.finalspec.codegen.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.finalspec.codegen.config.ConfigParser;
import io.finalspec.codegen.config.ConfigResult;
import io.finalspec.codegen.parse.Frontend;
import io.finalspec.codegen.parse.ParseResult;
import io.finalspec.codegen.resolve.ModuleLoader;
import io.finalspec.codegen.resolve.ResolveResult;
import io.finalspec.codegen.resolve.Resolver;
import io.finalspec.codegen.support.TestFiles;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad inputs and their exact positioned messages ({@code File:line:col: message}), for each
 * stage: lexer and parser, resolver, config parser.
 */
class ErrorMessageTableTest {

  private static String module(String body) {
    return "---- MODULE M ----\n" + body + "\n====\n";
  }

  static Stream<Arguments> parseErrors() {
    return Stream.of(
        Arguments.of("A == IF a b ELSE c", "M.tla:2:11: unexpected 'b', expected 'THEN'"),
        Arguments.of("A == IF a THEN b", "M.tla:3:1: unexpected '===='"),
        Arguments.of("A == (1 + 2", "M.tla:3:1: unexpected '====', expected ')'"),
        Arguments.of("A == /\\ x =\n     /\\ y", "M.tla:3:6: unexpected junction bullet '/\\'"),
        Arguments.of("A == /\\ f = [a |-> 1,\n  b |-> 2]", "M.tla:3:3: unexpected end of junction list at 'b'"),
        Arguments.of("A == a /\\ b \\/ c", "M.tla:2:13: precedence conflict between '/\\' and '\\/'; add parentheses"),
        Arguments.of("A == a = b = c", "M.tla:2:12: precedence conflict between '=' and '='; add parentheses"),
        Arguments.of("A == 2 * -3", "M.tla:2:10: precedence conflict between '*' and '-.'; add parentheses"),
        Arguments.of("A == \"open", "M.tla:2:6: unterminated string"),
        Arguments.of("A == \"bad \\q escape\"", "M.tla:2:6: invalid escape in string (allowed: \\\" \\\\ \\n \\t \\r \\f)"),
        Arguments.of("A == 1 (* open", "M.tla:2:8: unterminated comment"),
        Arguments.of("A == 1 ` 2", "M.tla:2:8: unexpected character '`'"),
        Arguments.of("A == [f EXCEPT [1] = 2]", "M.tla:2:16: unexpected '[', expected '!'"),
        Arguments.of("A == {x \\in S : }", "M.tla:2:17: unexpected '}'"),
        Arguments.of("A == CASE a -> 1 [] OTHER", "M.tla:3:1: unexpected '===='"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parseErrors")
  void parseError(String body, String expected) {
    ParseResult r = Frontend.parseString("M.tla", module(body));
    assertFalse(r.ok());
    assertEquals(expected, r.diagnostics().get(0).format());
  }

  static Stream<Arguments> resolveErrors() {
    return Stream.of(
        Arguments.of("A == y", "M.tla:2:6: undefined identifier 'y'"),
        Arguments.of("A == 1 + 2",
            "M.tla:2:6: undefined operator '+' (it is defined in the standard module Naturals: add it to EXTENDS)"),
        Arguments.of("A == B\nB == 1", "M.tla:2:6: undefined identifier 'B'"),
        Arguments.of("F(a) == a\nA == F(1, 2)", "M.tla:3:6: operator 'F' takes 1 argument(s), got 2"),
        Arguments.of("F(a) == a\nA == F", "M.tla:3:6: operator 'F' takes 1 argument(s)"),
        Arguments.of("VARIABLE x\nA == x(1)", "M.tla:3:6: 'x' is not an operator and takes no arguments"),
        Arguments.of("f[i \\in {1}] == i\nA == f(1)",
            "M.tla:3:6: 'f' is not an operator and takes no arguments (use f[...])"),
        Arguments.of("VARIABLE x\nx == 1", "M.tla:3:1: 'x' is already defined (at M.tla:2:10)"),
        Arguments.of("VARIABLE x\nA == \\E x \\in {1} : x", "M.tla:3:9: 'x' is already defined (at M.tla:2:10)"),
        Arguments.of("RECURSIVE F(_)\nA == 1", "M.tla:2:11: RECURSIVE operator 'F' is declared but never defined"),
        Arguments.of("A == @", "M.tla:2:6: '@' is only allowed in the value of an EXCEPT clause"),
        Arguments.of("Ap(F(_), v) == F(v)\nG(a, b) == a\nA == Ap(G, 1)",
            "M.tla:4:9: argument 1 of 'Ap' must be an operator of 1 argument(s); 'G' takes 2"),
        Arguments.of("A == B!C", "M.tla:2:6: 'B' is not an instance (M == INSTANCE ...)"),
        Arguments.of("EXTENDS Nope\nA == 1", "M.tla:1:1: cannot find module 'Nope' (looked for Nope.tla in no folder)"),
        Arguments.of("LOCAL F == 1\nF == 2", "M.tla:3:1: 'F' is already defined (at M.tla:2:1)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("resolveErrors")
  void resolveError(String body, String expected) {
    String text = body.startsWith("EXTENDS") ? "---- MODULE M ----\n" + body + "\n====\n" : module(body);
    ParseResult p = Frontend.parseString("M.tla", text);
    assertEquals(true, p.ok(), () -> p.diagnostics().toString());
    ResolveResult r = Resolver.resolve(p.module(), ModuleLoader.none());
    assertFalse(r.ok());
    assertEquals(expected, r.diagnostics().get(0).format());
  }

  static Stream<Arguments> instanceErrors() {
    return Stream.of(
        Arguments.of("M == INSTANCE Counter WITH Foo <- 1, Limit <- 1, n <- 1",
            "M.tla:2:28: 'Foo' is not a constant or variable of module Counter"),
        Arguments.of("M == INSTANCE Counter",
            "M.tla:2:6: INSTANCE Counter: no substitution for 'Limit' and no 'Limit' in scope"),
        Arguments.of("M == INSTANCE Counter WITH Limit <- 1, n <- 2\nA == M!Nope",
            "M.tla:3:6: module Counter has no definition 'Nope'"),
        Arguments.of("EXTENDS Base\nA == Secret", "M.tla:3:6: undefined identifier 'Secret'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("instanceErrors")
  void instanceError(String body, String expected) {
    String text = "---- MODULE M ----\n" + body + "\n====\n";
    ParseResult p = Frontend.parseString("M.tla", text);
    assertEquals(true, p.ok(), () -> p.diagnostics().toString());
    ResolveResult r = Resolver.resolve(p.module(), ModuleLoader.folder(TestFiles.resources().resolve("resolve/ok")));
    assertFalse(r.ok());
    assertEquals(expected, r.diagnostics().get(0).format());
  }

  static Stream<Arguments> configErrors() {
    return Stream.of(
        Arguments.of("INIT Init\nINIT Other", "M.cfg:2:1: INIT given twice (first at line 1)"),
        Arguments.of("CONSTANTS N 3", "M.cfg:1:13: expected '=' or '<-' after constant 'N', found '3'"),
        Arguments.of("CONSTANT N = {a, b", "M.cfg:1:19: expected ',' or '}', found end of file"),
        Arguments.of("FOO Bar", "M.cfg:1:1: unexpected 'FOO'; expected a keyword such as INIT, NEXT, SPECIFICATION, CONSTANTS or INVARIANT"),
        Arguments.of("CHECK_DEADLOCK maybe", "M.cfg:1:16: CHECK_DEADLOCK expects TRUE or FALSE, found 'maybe'"),
        Arguments.of("INVARIANT 3\nINIT Init", "M.cfg:1:11: expected a name after INVARIANT, found '3'"),
        Arguments.of("CONSTANT S = \"open", "M.cfg:1:14: unterminated string"),
        Arguments.of("(* open comment\nINIT Init", "M.cfg:1:1: unterminated comment"),
        Arguments.of("NEXT Next Other", "M.cfg:1:11: NEXT takes one name; unexpected 'Other'"),
        Arguments.of("CONSTANT N = ;", "M.cfg:1:14: unexpected character ';'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configErrors")
  void configError(String text, String expected) {
    ConfigResult r = ConfigParser.parseString("M.cfg", text);
    assertFalse(r.ok());
    assertEquals(expected, r.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
  }
}
