package io.finalspec.tests.order;

import static org.quicktheories.QuickTheory.qt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Small specs whose verdict depends on the order of strings, model values and record fields:
 * {@code CHOOSE} over a set of words, the order in which a sequence built from a set lists them,
 * the order of a record's fields, the order of model values. Words come from single letters,
 * TLA+ keywords, operator names, identifiers of the standard modules and random words; the modules
 * extended vary. Each spec is checked by TLC and by its machine: verdict and distinct states must be
 * equal. 30 specs by default ({@code -Dorder.examples=N}, {@code -Dorder.seed=S} for longer runs).
 */
class StringOrderPropertyTest {
  private static final long SEED = Long.getLong("order.seed", 20261202L);
  private static final int EXAMPLES = Integer.getInteger("order.examples", 30);

  static final List<String> LETTERS = List.of("a", "b", "c", "e", "f", "i", "m", "n", "p", "s", "t", "v", "x", "y", "z",
      "A", "B", "S", "T", "X");
  static final List<String> KEYWORDS = List.of("MODULE", "TRUE", "FALSE", "EXTENDS", "CHOOSE", "VARIABLE", "LET", "IN",
      "IF", "THEN", "ELSE", "EXCEPT", "DOMAIN", "SUBSET", "UNION", "BOOLEAN", "STRING", "CONSTANT", "ENABLED",
      "UNCHANGED", "LAMBDA", "INSTANCE", "LOCAL", "CASE", "OTHER", "WF_", "SF_");
  static final List<String> OPERATORS = List.of("\\in", "\\cup", "\\cap", "\\o", "\\leq", "\\E", "\\A", "\\exists",
      "+", "-", "=", "#", "..", "|->", "->", "<<", ">>", "==", "@", "[]", "<>", "~>", "/\\", "\\/", "$ConjList",
      "$Tuple", "'", ":", ",", "(", ")", "]", "{", "}");
  static final List<String> STANDARD = List.of("Nat", "Int", "Len", "Seq", "Append", "Head", "Tail", "SubSeq",
      "SelectSeq", "Cardinality", "IsFiniteSet", "Print", "PrintT", "Assert", "ToString", "Permutations", "SortSeq",
      "JavaTime", "TLCGet", "TLCSet", "RandomElement", "Any", "TLCEval", "Test", "Op", "Perm", "val", "out", "level",
      "distinct", "UnnamedAction", "Naturals", "Sequences", "TLC", "FiniteSets", "Integers", "Init", "Next", "Inv");
  static final List<String> MODULES = List.of("Naturals", "Integers", "Sequences", "FiniteSets", "TLC");

  enum Shape { CHOOSE, SEQUENCE, RECORD_FIELDS, MODEL_VALUES }

  /** A generated spec: its module text and config. */
  record Case(String module, String cfg) {
    @Override
    public String toString() {
      return "\n" + module + "--- cfg ---\n" + cfg;
    }
  }

  @Test
  void stringOrderIsTlcs(@TempDir Path dir) {
    AtomicInteger n = new AtomicInteger();
    qt().withFixedSeed(SEED).withExamples(EXAMPLES).withShrinkCycles(0)
        .forAll(cases())
        .check(c -> {
          try {
            Path d = Files.createDirectories(dir.resolve("c" + n.incrementAndGet()));
            TlcVerdicts.Both both = TlcVerdicts.check(d, "Order", c.module(), c.cfg());
            if (!both.agree()) {
              System.err.println("differs from TLC: " + both + c);
            }
            return both.agree();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  static Gen<String> word() {
    Gen<String> random = SourceDSL.strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 5);
    return Generate.oneOf(Generate.pick(LETTERS), Generate.pick(KEYWORDS), Generate.pick(OPERATORS),
        Generate.pick(STANDARD), random);
  }

  /** Identifiers that may be record fields or model values (no keywords, no operators). */
  static Gen<String> identifier() {
    Gen<String> random = SourceDSL.strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 4);
    List<String> plain = new ArrayList<>(LETTERS);
    plain.addAll(List.of("Nat", "Len", "Seq", "Head", "val", "out", "level", "seq", "rest", "x"));
    return Generate.oneOf(Generate.pick(plain), random);
  }

  static Gen<Case> cases() {
    Gen<List<String>> words = SourceDSL.lists().of(word()).ofSizeBetween(2, 5);
    Gen<List<String>> idents = SourceDSL.lists().of(identifier()).ofSizeBetween(2, 4);
    Gen<List<Boolean>> extendsMask = SourceDSL.lists().of(SourceDSL.booleans().all()).ofSize(MODULES.size());
    return SourceDSL.arbitrary().enumValues(Shape.class)
        .zip(words, idents, extendsMask, SourceDSL.integers().between(0, 99), StringOrderPropertyTest::build);
  }

  private static Case build(Shape shape, List<String> words, List<String> idents, List<Boolean> mask, int pick) {
    Set<String> mods = new LinkedHashSet<>();
    for (int i = 0; i < MODULES.size(); i++) {
      if (mask.get(i)) {
        mods.add(MODULES.get(i));
      }
    }
    List<String> ws = new ArrayList<>(new LinkedHashSet<>(words));
    List<String> ids = new ArrayList<>(new LinkedHashSet<>(idents));
    StringBuilder m = new StringBuilder();
    String cfg = "INIT Init\nNEXT Next\nINVARIANT Inv\n";
    String body;
    switch (shape) {
      case CHOOSE -> body = "VARIABLE x\nInit == x = CHOOSE v \\in " + set(ws) + " : TRUE\nNext == UNCHANGED x\n"
          + "Inv == x # " + lit(ws.get(pick % ws.size())) + "\n";
      case SEQUENCE -> {
        mods.add("Naturals");
        mods.add("Sequences");
        body = sequenceBody(set(ws), lit(ws.get(pick % ws.size())));
      }
      case RECORD_FIELDS -> {
        StringBuilder r = new StringBuilder("[");
        for (int i = 0; i < ids.size(); i++) {
          r.append(i == 0 ? "" : ", ").append(ids.get(i)).append(" |-> ").append(i);
        }
        mods.add("Naturals");
        mods.add("Sequences");
        body = "R == " + r + "]\n" + sequenceBody("DOMAIN R", lit(ids.get(pick % ids.size())));
      }
      default -> {
        mods.add("Naturals");
        mods.add("Sequences");
        mods.add("TLC");
        List<String> mvs = ids.stream().map(s -> "mv_" + s).toList();
        cfg = "CONSTANT M = {" + String.join(", ", mvs) + "}\n" + cfg;
        body = "CONSTANT M\n" + sequenceBody("M", "ToString(seq[Len(seq)]) = " + lit(mvs.get(pick % mvs.size())));
      }
    }
    m.append("---- MODULE Order ----\n");
    if (!mods.isEmpty()) {
      m.append("EXTENDS ").append(String.join(", ", mods)).append('\n');
    }
    m.append(body).append("====\n");
    return new Case(m.toString(), cfg);
  }

  /**
   * A sequence listing {@code set} in CHOOSE order, one element per step; the invariant breaks when
   * {@code wanted} is appended (a literal, or a condition on {@code seq[Len(seq)]}), so the distinct
   * states found until then give its position in the order.
   */
  private static String sequenceBody(String set, String wanted) {
    String bad = wanted.startsWith("\"") ? "seq[Len(seq)] = " + wanted : wanted;
    return "VARIABLES rest, seq\n"
        + "Init == rest = " + set + " /\\ seq = <<>>\n"
        + "Next == \\/ /\\ rest # {}\n"
        + "           /\\ LET e == CHOOSE v \\in rest : TRUE IN seq' = Append(seq, e) /\\ rest' = rest \\ {e}\n"
        + "        \\/ rest = {} /\\ UNCHANGED <<rest, seq>>\n"
        + "Inv == Len(seq) = 0 \\/ ~(" + bad + ")\n";
  }

  private static String set(List<String> ws) {
    return "{" + String.join(", ", ws.stream().map(StringOrderPropertyTest::lit).toList()) + "}";
  }

  private static String lit(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
