package io.finalspec.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.value.Tla;
import io.finalspec.runtime.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * The spec is untrusted input: strings and identifiers that are Java syntax (quotes, backslashes,
 * comment ends, unicode escapes, keywords, names of generated helpers) must give code that
 * compiles and evaluates to the right values. QuickTheories with a fixed seed
 * ({@code -Dinjection.seed}, default {@value #DEFAULT_SEED}).
 */
class InjectionTest {
  static final long DEFAULT_SEED = 20261122L;

  private static final List<String> FRAGMENTS = List.of("\"", "\\", "*/", "/*", "\\u000a", "\\u0022", "\\\\u005c",
      "$L", "$S", "$$", "%s", "'", "//", "\");", "}", "{", "abc", " ", "x$", "\t", "\\n");

  /** Java keywords, literals and names the generated class uses itself; all legal TLA+ identifiers. */
  private static final List<String> NAMES = List.of("class", "new", "default", "return", "int", "this", "null",
      "true", "goto", "const", "State", "Value", "Tla", "s", "n", "out", "label", "e", "String", "List", "read",
      "bind", "complete", "steps", "x_", "Object", "var", "record", "yield", "java");

  static long seed() {
    return Long.getLong("injection.seed", DEFAULT_SEED);
  }

  private static Gen<String> strings() {
    return SourceDSL.lists().of(Generate.pick(FRAGMENTS)).ofSizeBetween(0, 6).map(l -> String.join("", l));
  }

  private static Gen<String> names() {
    return Generate.pick(NAMES);
  }

  static String tlaString(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"': sb.append("\\\""); break;
        case '\\': sb.append("\\\\"); break;
        case '\t': sb.append("\\t"); break;
        default: sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  @Test
  void hostileStringsAndNamesCompileAndEvaluate() {
    qt().withFixedSeed(seed()).withExamples(12).forAll(strings(), names(), names(), names())
        .checkAssert((str, a, b, op) -> {
          String v1 = a;
          String v2 = b.equals(a) ? a + "_2" : b;
          String f = op.equals(v1) || op.equals(v2) ? op + "_op" : op;
          String body = "EXTENDS Naturals\n"
              + "VARIABLES " + v1 + ", " + v2 + "\n"
              + "\\* a comment with " + str.replace("\n", " ") + "\n"
              + f + "(" + "p" + ") == [" + v1 + " |-> p, " + v2 + " |-> " + tlaString(str) + "]\n"
              + "Init == " + v1 + " = " + tlaString(str) + " /\\ " + v2 + " = " + f + "(1)\n"
              + "Next == " + v1 + "' = " + v1 + " /\\ " + v2 + "' = [" + v2 + " EXCEPT !." + v1 + " = @ + 1]\n";
          Machine m = TestSpecs.machine(body);
          State init = TestSpecs.initStates(m).get(0);
          assertEquals(new io.finalspec.runtime.value.NameTable().str(str), init.get(0), "string value");
          Value rec = new io.finalspec.runtime.value.NameTable().record(new String[] {v1, v2}, new Value[] {Tla.integer(1), new io.finalspec.runtime.value.NameTable().str(str)});
          assertEquals(rec, init.get(1), "record value");
          List<String> succ = TestSpecs.successors(m, init);
          assertEquals(1, succ.size());
          assertEquals(List.of(v1, v2), m.variables());
        });
  }
}
