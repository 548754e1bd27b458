package io.finalspec.codegen.config;

import io.finalspec.codegen.ast.Span;
import java.util.List;

/**
 * A TLC model configuration (.cfg). Single-valued entries are null when absent; lists keep file
 * order. {@code checkDeadlock} is TLC's default (true) unless CHECK_DEADLOCK says otherwise.
 */
public record ModelConfig(
    Span span,
    Named init,
    Named next,
    Named specification,
    List<ConstantValue> constants,
    List<Replacement> replacements,
    List<Named> invariants,
    List<Named> properties,
    boolean checkDeadlock,
    List<Named> constraints,
    List<Named> actionConstraints,
    Named view,
    Named symmetry,
    Named alias,
    List<Named> postconditions) {

  public ModelConfig {
    constants = List.copyOf(constants);
    replacements = List.copyOf(replacements);
    invariants = List.copyOf(invariants);
    properties = List.copyOf(properties);
    constraints = List.copyOf(constraints);
    actionConstraints = List.copyOf(actionConstraints);
    postconditions = List.copyOf(postconditions);
  }

  /** A name given in the config (an operator of the spec), with its position in the .cfg file. */
  public record Named(Span span, String name) {}

  /** {@code CONSTANT N = 3}, {@code Procs = {p1, p2}}, {@code p = p} (a model value). */
  public record ConstantValue(Span span, String name, CfgValue value) {}

  /** {@code CONSTANT Op <- Def} or {@code Op <- [Mod] Def}; module null when not given. */
  public record Replacement(Span span, String name, String module, String definition) {}
}
