package io.finalspec.codegen.lower;

import io.finalspec.codegen.ir.Operator;
import java.util.HashMap;
import java.util.Map;

/**
 * The IR operator of each built-in the fragment supports (the resolver's {@code Binding.Builtin}
 * name and the number of arguments); which module defines it is the resolver's business.
 */
final class Builtins {
  private Builtins() {}

  private record Key(String name, int arity) {}

  private static final Map<Key, Operator> OPS = new HashMap<>();

  private static void op(String name, int arity, Operator op) {
    OPS.put(new Key(name, arity), op);
  }

  static {
    op("/\\", 2, Operator.AND);
    op("\\/", 2, Operator.OR);
    op("~", 1, Operator.NOT);
    op("=>", 2, Operator.IMPLIES);
    op("<=>", 2, Operator.EQUIV);
    op("=", 2, Operator.EQ);
    op("/=", 2, Operator.NEQ);
    op("\\in", 2, Operator.IN);
    op("\\notin", 2, Operator.NOTIN);
    op("\\subseteq", 2, Operator.SUBSETEQ);
    op("\\cup", 2, Operator.CUP);
    op("\\cap", 2, Operator.CAP);
    op("\\", 2, Operator.SETMINUS);
    op("SUBSET", 1, Operator.POWERSET);
    op("UNION", 1, Operator.BIG_UNION);
    op("DOMAIN", 1, Operator.DOMAIN);
    op("..", 2, Operator.INTERVAL);
    op("+", 2, Operator.ADD);
    op("-", 2, Operator.SUB);
    op("*", 2, Operator.MUL);
    op("\\div", 2, Operator.DIV);
    op("%", 2, Operator.MOD);
    op("^", 2, Operator.POW);
    op("-.", 1, Operator.NEG);
    op("<", 2, Operator.LT);
    op("<=", 2, Operator.LE);
    op(">", 2, Operator.GT);
    op(">=", 2, Operator.GE);
    op("\\circ", 2, Operator.CONCAT);
    op(":>", 2, Operator.COLON_GT);
    op("@@", 2, Operator.AT_AT);
    op("Len", 1, Operator.LEN);
    op("Append", 2, Operator.APPEND);
    op("Head", 1, Operator.HEAD);
    op("Tail", 1, Operator.TAIL);
    op("SubSeq", 3, Operator.SUBSEQ);
    op("Seq", 1, Operator.SEQ);
    op("Cardinality", 1, Operator.CARDINALITY);
    op("EmptyBag", 0, Operator.EMPTY_BAG);
    op("IsABag", 1, Operator.IS_A_BAG);
    op("BagToSet", 1, Operator.BAG_TO_SET);
    op("SetToBag", 1, Operator.SET_TO_BAG);
    op("BagIn", 2, Operator.BAG_IN);
    op("CopiesIn", 2, Operator.COPIES_IN);
    op("BagCardinality", 1, Operator.BAG_CARDINALITY);
    op("(+)", 2, Operator.BAG_PLUS);
    op("(-)", 2, Operator.BAG_MINUS);
    op("BagUnion", 1, Operator.BAG_UNION);
    op("SubBag", 1, Operator.SUB_BAG);
    op("\\sqsubseteq", 2, Operator.SQ_SUBSETEQ);
    op("IsFiniteSet", 1, Operator.IS_FINITE);
    op("Print", 2, Operator.PRINT);
    op("PrintT", 1, Operator.PRINT_T);
    op("Assert", 2, Operator.ASSERT);
    op("ToString", 1, Operator.TO_STRING);
    op("Permutations", 1, Operator.PERMUTATIONS);
    op("BOOLEAN", 0, Operator.BOOLEAN_SET);
    op("STRING", 0, Operator.STRING_SET);
    op("Nat", 0, Operator.NAT);
    op("Int", 0, Operator.INT);
  }

  /** The IR operator for a built-in name applied to {@code arity} arguments, or null. */
  static Operator lookup(String name, int arity) {
    return OPS.get(new Key(name, arity));
  }
}
