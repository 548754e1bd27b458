package io.finalspec.codegen.ir;

import io.finalspec.codegen.ast.Span;
import java.util.List;

/**
 * IR expressions: a small uniform set of node shapes, distinct from the AST. User operators are
 * either inlined by the lowering (operators with operator parameters, action-level operators) or
 * called ({@link Call}); names are resolved ({@link Ref}); every node keeps its source span.
 *
 * <p>Bound variables carry a machine-wide unique id so that inlining never captures.
 */
public sealed interface IrExpr {
  Span span();

  /** A literal: integer (decimal text), string, boolean or model value. */
  record Lit(Span span, LitKind kind, String text) implements IrExpr {}

  enum LitKind { INT, STRING, BOOL, MODEL_VALUE }

  /**
   * A resolved name. {@code index} is the variable index for VAR and PRIMED, the unique binder id
   * for BOUND, and unused (-1) for CONST (a model constant or a constant-level 0-ary definition)
   * and AT (the {@code @} of an EXCEPT clause, {@code name} being the clause's id).
   */
  record Ref(Span span, RefKind kind, String name, int index) implements IrExpr {}

  enum RefKind { VAR, PRIMED, BOUND, CONST, AT }

  /** A built-in operator applied to arguments. */
  record Apply(Span span, Operator op, List<IrExpr> args) implements IrExpr {
    public Apply {
      args = List.copyOf(args);
    }
  }

  /** A call of a user definition ({@link MachineIr.Definition}) that is compiled to a method. */
  record Call(Span span, String def, List<IrExpr> args) implements IrExpr {
    public Call {
      args = List.copyOf(args);
    }
  }

  /** One binder {@code x \in S} or {@code <<x, y>> \in S}; names carry their unique ids. */
  record Bound(Span span, List<String> names, List<Integer> ids, boolean tuple, IrExpr set) {
    public Bound {
      names = List.copyOf(names);
      ids = List.copyOf(ids);
    }
  }

  enum BinderKind { EXISTS, FORALL, CHOOSE, SET_FILTER, SET_MAP, FUNCTION, SELECT_SEQ, BAG_OF_ALL }

  /**
   * A binding construct: quantifiers, CHOOSE, {@code {x \in S : P}}, {@code {e : x \in S}},
   * {@code [x \in S |-> e]}, {@code SelectSeq(s, LAMBDA x : P)} (the bound ranges over the
   * sequence's elements) and {@code BagOfAll(LAMBDA x : F, B)} (the bound ranges over the bag's
   * elements, the body is F).
   */
  record Binder(Span span, BinderKind kind, List<Bound> bounds, IrExpr body) implements IrExpr {
    public Binder {
      bounds = List.copyOf(bounds);
    }
  }

  /** {@code LET x == e IN body} with 0-ary definitions (operators with parameters are inlined). */
  record Let(Span span, List<LetDef> defs, IrExpr body) implements IrExpr {
    public Let {
      defs = List.copyOf(defs);
    }
  }

  record LetDef(Span span, String name, int id, IrExpr value) {}

  record If(Span span, IrExpr cond, IrExpr then, IrExpr otherwise) implements IrExpr {}

  /** {@code CASE}; {@code other} is null without OTHER. */
  record Case(Span span, List<Arm> arms, IrExpr other) implements IrExpr {
    public Case {
      arms = List.copyOf(arms);
    }
  }

  record Arm(Span span, IrExpr guard, IrExpr body) {}

  /** {@code [f EXCEPT ![a].b = e]}: path keys are values (a field step is a string literal). */
  record Except(Span span, IrExpr fn, List<Clause> clauses) implements IrExpr {
    public Except {
      clauses = List.copyOf(clauses);
    }
  }

  /** One EXCEPT clause; {@code atId} identifies the {@code @} refs in {@code value}. */
  record Clause(Span span, List<IrExpr> path, IrExpr value, int atId) {
    public Clause {
      path = List.copyOf(path);
    }
  }
}
