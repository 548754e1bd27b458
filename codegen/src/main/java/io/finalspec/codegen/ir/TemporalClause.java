package io.finalspec.codegen.ir;

import io.finalspec.codegen.ast.Span;
import java.util.List;

/**
 * One conjunct of a temporal property, in a form the explorer decides (see
 * {@code runtime.machine.TemporalProperty.Clause}), inside the {@code \A} binders {@code forall}
 * (constant domains: one clause per binding). {@code span} is the conjunct's source.
 */
public sealed interface TemporalClause {
  Span span();

  List<IrExpr.Bound> forall();

  /**
   * Whether TLC extracts this conjunct from the property and checks it during its search, as an
   * implied invariant ({@code []P}), action ({@code [][A]_v}) or init (P), not as a liveness formula.
   */
  default boolean implied() {
    return this instanceof Always || this instanceof AlwaysAction || this instanceof Initially;
  }

  /**
   * {@code []P}, P a state predicate: TLC's implied invariant, reported under {@code name} (TLC's
   * choice: the definition whose body it is, else P's name, else its position).
   */
  record Always(Span span, List<IrExpr.Bound> forall, String name, IrExpr p) implements TemporalClause {
    public Always {
      forall = List.copyOf(forall);
    }
  }

  /**
   * {@code [][A]_v}: {@code step} is {@code A \/ UNCHANGED v}, a predicate over a transition; TLC's
   * implied action, reported under {@code name} (the definition whose body it is, else its position).
   */
  record AlwaysAction(Span span, List<IrExpr.Bound> forall, String name, IrExpr step) implements TemporalClause {
    public AlwaysAction {
      forall = List.copyOf(forall);
    }
  }

  /**
   * P, a state predicate without {@code []}: TLC's "implied init", checked on the initial states and
   * reported under {@code name} (chosen as for {@link Always}).
   */
  record Initially(Span span, List<IrExpr.Bound> forall, String name, IrExpr p) implements TemporalClause {
    public Initially {
      forall = List.copyOf(forall);
    }
  }

  /**
   * {@code WF_v(A)} ({@code strong} false) or {@code SF_v(A)} as a property (the fairness of a
   * refinement's {@code Abs!Spec}): {@code enabled} is the state predicate ENABLED {@code <<A>>_v},
   * {@code step} the predicate {@code <<A>>_v} over a transition.
   */
  record Fair(Span span, List<IrExpr.Bound> forall, boolean strong, IrExpr enabled, IrExpr step)
      implements TemporalClause {
    public Fair {
      forall = List.copyOf(forall);
    }
  }

  /** {@code <>P}. */
  record Eventually(Span span, List<IrExpr.Bound> forall, IrExpr p) implements TemporalClause {
    public Eventually {
      forall = List.copyOf(forall);
    }
  }

  /** {@code []<>P}. */
  record InfinitelyOften(Span span, List<IrExpr.Bound> forall, IrExpr p) implements TemporalClause {
    public InfinitelyOften {
      forall = List.copyOf(forall);
    }
  }

  /** {@code <>[]P}. */
  record EventuallyAlways(Span span, List<IrExpr.Bound> forall, IrExpr p) implements TemporalClause {
    public EventuallyAlways {
      forall = List.copyOf(forall);
    }
  }

  /** {@code P ~> Q}, also written {@code [](P => <>Q)}. */
  record LeadsTo(Span span, List<IrExpr.Bound> forall, IrExpr p, IrExpr q) implements TemporalClause {
    public LeadsTo {
      forall = List.copyOf(forall);
    }
  }

  /** {@code [](P => []Q)}: after a state with P, Q in every state. */
  record AlwaysAfter(Span span, List<IrExpr.Bound> forall, IrExpr p, IrExpr q) implements TemporalClause {
    public AlwaysAfter {
      forall = List.copyOf(forall);
    }
  }

  /**
   * {@code S => F}: {@code clause} (F) asked only of the behaviours whose first state satisfies the
   * state predicate {@code start} (null: every behaviour, for {@code c => []P} under a constant
   * condition, which is {@link Guarded}), and decided on the state graph as TLC's tableau decides
   * it, also where F is {@link Always} or {@link Initially}. Its {@code forall} is F's.
   */
  record From(IrExpr start, TemporalClause clause) implements Conditional {
    public From {
      if (clause instanceof AlwaysAction || clause instanceof Unchecked || clause instanceof Conditional) {
        throw new IllegalArgumentException("not decided under an implication: " + clause);
      }
    }
  }

  /**
   * {@code A => F}, A a conjunction of fairness conditions, {@code []<>P} and {@code <>[]P}
   * ({@code WF_v(A) /\ \A p \in S : SF_v(B(p)) => <>P}): {@code clause} (F, a liveness form, also
   * {@link From} of one, never {@link Always} or {@link Initially} themselves, which are
   * {@code From(null, ...)} here) asked only of the behaviours that satisfy each of
   * {@code assumptions} too (each a {@link Fair}, {@link InfinitelyOften} or
   * {@link EventuallyAlways}, or a {@link Guarded} one: {@code \A p \in S : p # 1 => WF_v(A(p))}
   * assumes WF where p # 1). An assumption's {@code forall} and F's begin with the property's
   * binders around the implication; each may add its own (the antecedent's {@code \A}, F's).
   */
  record Assuming(List<TemporalClause> assumptions, TemporalClause clause) implements Conditional {
    public Assuming {
      assumptions = List.copyOf(assumptions);
      for (TemporalClause a : assumptions) {
        TemporalClause x = a instanceof Guarded g ? g.clause() : a;
        if (!(x instanceof Fair || x instanceof InfinitelyOften || x instanceof EventuallyAlways)) {
          throw new IllegalArgumentException("an assumption is WF, SF, []<>P or <>[]P, maybe under constant "
              + "conditions: " + a);
        }
      }
      if (clause.implied() || clause instanceof Unchecked || clause instanceof Assuming || clause instanceof Guarded) {
        throw new IllegalArgumentException("not decided under fairness assumptions: " + clause);
      }
    }
  }

  /** A clause under a condition: its source and its {@code \A} binders are those of {@code clause}. */
  sealed interface Conditional extends TemporalClause permits From, Guarded, Assuming {
    TemporalClause clause();

    @Override
    default Span span() {
      return clause().span();
    }

    @Override
    default List<IrExpr.Bound> forall() {
      return clause().forall();
    }
  }

  /**
   * {@code clause} under the constant conditions {@code guards} of enclosing implications
   * ({@code \A p \in S : p # 1 => <>P(p)}): it applies to the bindings where they hold, and
   * nothing is asked of the others.
   */
  record Guarded(List<IrExpr> guards, TemporalClause clause) implements Conditional {
    public Guarded {
      guards = List.copyOf(guards);
    }
  }

  /** A conjunct outside the forms above (or a property checked under fairness the explorer lacks). */
  record Unchecked(Span span, String reason) implements TemporalClause {
    @Override
    public List<IrExpr.Bound> forall() {
      return List.of();
    }
  }
}
