package io.finalspec.codegen.ir;

import io.finalspec.codegen.ast.Span;
import java.util.List;

/**
 * Next as TLC's {@code Tool.getActions} splits it: disjunctions become {@link Choice}, bounded
 * {@code \E} over constant sets become {@link Expand} (one action instance per binding, enumerated
 * when the machine is built), applications of user operators become {@link Enter} (the label
 * becomes that operator, with its formal parameters), anything else is a {@link Leaf} action.
 */
public sealed interface ActionPlan {
  Span span();

  record Choice(Span span, List<ActionPlan> alternatives) implements ActionPlan {
    public Choice {
      alternatives = List.copyOf(alternatives);
    }
  }

  /** {@code \E b1, b2 : body} with constant domains: expanded at machine construction. */
  record Expand(Span span, List<IrExpr.Bound> bounds, ActionPlan body) implements ActionPlan {
    public Expand {
      bounds = List.copyOf(bounds);
    }
  }

  /**
   * Entering user operator {@code name}: its formal parameters are bound to the given constant
   * arguments (ids are the bound ids the body uses; a parameter whose argument is not constant is
   * substituted into the body and has a null entry here, as TLC's label shows no value for it).
   */
  record Enter(Span span, String name, List<Param> params, ActionPlan body) implements ActionPlan {
    public Enter {
      params = List.copyOf(params);
    }
  }

  record Param(String name, int id, IrExpr value) {}

  /**
   * Only in the split of a fairness condition's action: {@code g /\ A} with g constant once the
   * split-time bindings are fixed. Its instances are A's when g is TRUE, none when it is FALSE,
   * and {@code whole} (the conjunction as one leaf, as Next would have it) when g cannot be
   * evaluated as the machine is built or is no Boolean, so that the error comes where TLC's does.
   */
  record Guard(Span span, IrExpr condition, ActionPlan body, ActionPlan whole) implements ActionPlan {}

  /**
   * A leaf action: labelled with the innermost entered operator (Next if none) and that operator's
   * parameters that have constant values ({@code labelParams}).
   */
  record Leaf(Span span, String label, List<Param> labelParams, IrExpr body) implements ActionPlan {
    public Leaf {
      labelParams = List.copyOf(labelParams);
    }
  }
}
