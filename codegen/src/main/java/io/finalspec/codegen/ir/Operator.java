package io.finalspec.codegen.ir;

/**
 * The built-in operators of the IR, grouped by theory (as Apalache groups its operator objects).
 * Each constant is one evaluator case in the emitter; a new operator is one constant here, one case
 * in {@code lower.Builtins} and one in {@code emit.ExprEmitter}.
 */
public enum Operator {
  // logic
  AND(Theory.LOGIC), OR(Theory.LOGIC), NOT(Theory.LOGIC), IMPLIES(Theory.LOGIC), EQUIV(Theory.LOGIC),
  EQ(Theory.LOGIC), NEQ(Theory.LOGIC),
  // sets
  IN(Theory.SETS), NOTIN(Theory.SETS), SUBSETEQ(Theory.SETS), CUP(Theory.SETS), CAP(Theory.SETS),
  SETMINUS(Theory.SETS), POWERSET(Theory.SETS), BIG_UNION(Theory.SETS), SET_ENUM(Theory.SETS),
  PRODUCT(Theory.SETS), FN_SET(Theory.SETS), RECORD_SET(Theory.SETS), CARDINALITY(Theory.SETS),
  IS_FINITE(Theory.SETS), BOOLEAN_SET(Theory.SETS), STRING_SET(Theory.SETS),
  // functions, tuples and records
  APPLY(Theory.FUNCTIONS), DOMAIN(Theory.FUNCTIONS), TUPLE(Theory.FUNCTIONS), RECORD(Theory.FUNCTIONS),
  SELECT(Theory.FUNCTIONS), COLON_GT(Theory.FUNCTIONS), AT_AT(Theory.FUNCTIONS),
  // integers
  NAT(Theory.INTEGERS), INT(Theory.INTEGERS), INTERVAL(Theory.INTEGERS), ADD(Theory.INTEGERS),
  SUB(Theory.INTEGERS), MUL(Theory.INTEGERS), DIV(Theory.INTEGERS), MOD(Theory.INTEGERS),
  POW(Theory.INTEGERS), NEG(Theory.INTEGERS), LT(Theory.INTEGERS), LE(Theory.INTEGERS),
  GT(Theory.INTEGERS), GE(Theory.INTEGERS),
  // sequences
  SEQ(Theory.SEQUENCES), LEN(Theory.SEQUENCES), APPEND(Theory.SEQUENCES), HEAD(Theory.SEQUENCES),
  TAIL(Theory.SEQUENCES), SUBSEQ(Theory.SEQUENCES), CONCAT(Theory.SEQUENCES),
  // the TLC module
  PRINT(Theory.TLC), PRINT_T(Theory.TLC), ASSERT(Theory.TLC), TO_STRING(Theory.TLC),
  PERMUTATIONS(Theory.TLC),
  // the Bags module (BagOfAll is a binder, IrExpr.BinderKind.BAG_OF_ALL)
  EMPTY_BAG(Theory.BAGS), IS_A_BAG(Theory.BAGS), BAG_TO_SET(Theory.BAGS), SET_TO_BAG(Theory.BAGS),
  BAG_IN(Theory.BAGS), COPIES_IN(Theory.BAGS), BAG_CARDINALITY(Theory.BAGS), BAG_PLUS(Theory.BAGS),
  BAG_MINUS(Theory.BAGS), BAG_UNION(Theory.BAGS), SQ_SUBSETEQ(Theory.BAGS),
  SUB_BAG(Theory.BAGS),
  // actions: UNCHANGED's arguments are variable references (assign or test) or boolean tests;
  // ENABLED's one argument is an action (lowered like one of Next), true when it has a successor
  UNCHANGED(Theory.ACTIONS), ENABLED(Theory.ACTIONS);

  /** The standard module (or kernel part) an operator belongs to. */
  public enum Theory { LOGIC, SETS, FUNCTIONS, INTEGERS, SEQUENCES, BAGS, TLC, ACTIONS }

  private final Theory theory;

  Operator(Theory theory) {
    this.theory = theory;
  }

  public Theory theory() {
    return theory;
  }

  /** Operators whose value is a boolean (the emitter keeps them as Java booleans). */
  public boolean isPredicate() {
    switch (this) {
      case AND: case OR: case NOT: case IMPLIES: case EQUIV: case EQ: case NEQ: case IN: case NOTIN:
      case SUBSETEQ: case IS_FINITE: case LT: case LE: case GT: case GE: case UNCHANGED: case ENABLED:
      case IS_A_BAG: case BAG_IN: case SQ_SUBSETEQ:
        return true;
      default:
        return false;
    }
  }
}
