package io.finalspec.codegen.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.finalspec.codegen.ast.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expressions equal up to their parameter and binder ids have one alpha form; others do not. */
class AlphaFormTest {
  private static final Span AT = Span.point("T.tla", 1, 1);

  private static IrExpr bound(int id) {
    return new IrExpr.Ref(AT, IrExpr.RefKind.BOUND, "x", id);
  }

  /** {@code \E y \in S : param = y} with the given ids. */
  private static IrExpr exists(int param, int y) {
    IrExpr.Bound b = new IrExpr.Bound(AT, List.of("y"), List.of(y), false, new IrExpr.Ref(AT, IrExpr.RefKind.CONST, "S", -1));
    return new IrExpr.Binder(AT, IrExpr.BinderKind.EXISTS, List.of(b),
        new IrExpr.Apply(AT, Operator.EQ, List.of(bound(param), bound(y))));
  }

  @Test
  void copiesWithFreshIdsHaveOneForm() {
    assertEquals(AlphaForm.of(exists(3, 4), List.of(3)), AlphaForm.of(exists(70, 71), List.of(70)));
  }

  @Test
  void aFreeIdThatIsNoParameterKeepsItsValue() {
    // two different variables free in otherwise equal bodies: not the same method
    assertNotEquals(AlphaForm.of(exists(3, 4), List.of()), AlphaForm.of(exists(70, 71), List.of()));
    assertEquals(AlphaForm.of(exists(3, 4), List.of()), AlphaForm.of(exists(3, 71), List.of()));
  }

  @Test
  void whichBinderARefersToMatters() {
    // param = y against y = param: the same ids, bound in another order
    IrExpr swapped = new IrExpr.Binder(AT, IrExpr.BinderKind.EXISTS,
        ((IrExpr.Binder) exists(3, 4)).bounds(), new IrExpr.Apply(AT, Operator.EQ, List.of(bound(4), bound(3))));
    assertNotEquals(AlphaForm.of(exists(3, 4), List.of(3)), AlphaForm.of(swapped, List.of(3)));
  }
}
