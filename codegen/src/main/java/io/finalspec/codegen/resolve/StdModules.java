package io.finalspec.codegen.resolve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in operators: the core language and the standard modules Naturals, Integers,
 * Sequences, FiniteSets, TLC, Bags (and Reals, known so that the fragment check can reject it).
 * What a module exports follows the real modules (TLC 2.18's): Integers EXTENDS Naturals, Reals
 * Integers, Bags TLC; Sequences, FiniteSets and TLC only LOCAL INSTANCE their helpers, so they
 * export nothing else.
 */
public final class StdModules {
  private StdModules() {}

  /** Core operators, always in scope: name to arity (-1 = variadic). */
  public static final Map<String, Integer> CORE = table(
      "=", 2, "/=", 2, "\\in", 2, "\\notin", 2, "/\\", 2, "\\/", 2, "~", 1, "=>", 2, "<=>", 2,
      "\\cup", 2, "\\cap", 2, "\\", 2, "\\subseteq", 2, "SUBSET", 1, "UNION", 1, "DOMAIN", 1,
      "'", 1, "UNCHANGED", 1, "ENABLED", 1, "[]", 1, "<>", 1, "~>", 2, "-+->", 2, "\\cdot", 2,
      "\\X", -1, "BOOLEAN", 0, "STRING", 0);

  private static final Map<String, Map<String, Integer>> MODULES = new LinkedHashMap<>();

  static {
    Map<String, Integer> naturals = table("Nat", 0, "+", 2, "-", 2, "*", 2, "^", 2, "<", 2, ">", 2, "<=", 2,
        ">=", 2, "\\div", 2, "%", 2, "..", 2);
    MODULES.put("Naturals", naturals);
    Map<String, Integer> integers = new LinkedHashMap<>(naturals);
    integers.putAll(table("Int", 0, "-.", 1));
    MODULES.put("Integers", integers);
    Map<String, Integer> reals = new LinkedHashMap<>(integers);
    reals.putAll(table("Real", 0, "/", 2, "Infinity", 0));
    MODULES.put("Reals", reals);
    MODULES.put("Sequences", table("Seq", 1, "Len", 1, "\\circ", 2, "Append", 2, "Head", 1, "Tail", 1,
        "SubSeq", 3, "SelectSeq", 2));
    MODULES.put("FiniteSets", table("IsFiniteSet", 1, "Cardinality", 1));
    MODULES.put("TLC", table("Print", 2, "PrintT", 1, "Assert", 2, "JavaTime", 0, "TLCGet", 1, "TLCSet", 2,
        ":>", 2, "@@", 2, "Permutations", 1, "SortSeq", 2, "RandomElement", 1, "Any", 0, "ToString", 1,
        "TLCEval", 1));
    // Bags EXTENDS TLC: a module that extends Bags has :>, @@, Print... without naming TLC
    Map<String, Integer> bags = new LinkedHashMap<>(MODULES.get("TLC"));
    bags.putAll(table("IsABag", 1, "BagToSet", 1, "SetToBag", 1, "BagIn", 2, "EmptyBag", 0,
        "(+)", 2, "(-)", 2, "BagUnion", 1, "\\sqsubseteq", 2, "SubBag", 1, "BagOfAll", 2,
        "BagCardinality", 1, "CopiesIn", 2));
    MODULES.put("Bags", bags);
  }

  /** Operators taking operator arguments: parameter arities (others are 0). */
  public static final Map<String, List<Integer>> OPERATOR_PARAMS = Map.of(
      "SelectSeq", List.of(0, 1), "SortSeq", List.of(0, 2), "BagOfAll", List.of(1, 0));

  private static Map<String, Integer> table(Object... kv) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (Integer) kv[i + 1]);
    }
    return m;
  }

  public static boolean isStandard(String module) {
    return MODULES.containsKey(module);
  }

  /** Exported operators of a standard module: name to arity. */
  public static Map<String, Integer> exports(String module) {
    return MODULES.get(module);
  }

  /**
   * The module that defines a built-in with this name: Integers for unary minus and Int, Naturals
   * for arithmetic; null if none.
   */
  public static String homeOf(String name) {
    for (String m : List.of("Naturals", "Integers", "Sequences", "FiniteSets", "TLC", "Bags", "Reals")) {
      if (MODULES.get(m).containsKey(name)) {
        return m;
      }
    }
    return null;
  }
}
