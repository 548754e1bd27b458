package io.finalspec.codegen.lower;

import io.finalspec.codegen.ast.Span;
import java.util.List;

/**
 * A TLC model config (.cfg), as the lowering needs it. Produced by {@link ModelConfigReader} (a
 * minimal reader kept inside the lowering while the front end's {@code config} package is not
 * there yet).
 */
public record ModelConfig(
    String fileName,
    List<ConstantValue> constants,
    List<Override> overrides,
    String init,
    String next,
    String specification,
    List<Named> invariants,
    List<Named> properties,
    List<Named> constraints,
    List<Named> actionConstraints,
    String view,
    String symmetry,
    Boolean checkDeadlock) {

  /** A value in a config: integer, string, boolean, model value, or a set/tuple of values. */
  public sealed interface CfgValue permits IntVal, StrVal, BoolVal, ModelVal, SetVal, TupleVal {}

  public record IntVal(String text) implements CfgValue {}

  public record StrVal(String value) implements CfgValue {}

  public record BoolVal(boolean value) implements CfgValue {}

  public record ModelVal(String name) implements CfgValue {}

  public record SetVal(List<CfgValue> elements) implements CfgValue {}

  public record TupleVal(List<CfgValue> elements) implements CfgValue {}

  /** {@code N = 3}. */
  public record ConstantValue(Span span, String name, CfgValue value) {}

  /** {@code X <- Op}. */
  public record Override(Span span, String name, String definition) {}

  public record Named(Span span, String name) {}
}
