package io.finalspec.codegen.config;

import io.finalspec.codegen.ast.Span;
import java.math.BigInteger;
import java.util.List;

/** A value written in a .cfg file: integer, string, boolean, model value, or a set or tuple of values. */
public sealed interface CfgValue {
  Span span();

  record IntValue(Span span, BigInteger value) implements CfgValue {}

  record StringValue(Span span, String value) implements CfgValue {}

  record BoolValue(Span span, boolean value) implements CfgValue {}

  /** An identifier on the right of {@code =}: a model value (TLC's meaning in a config). */
  record ModelValue(Span span, String name) implements CfgValue {}

  record SetValue(Span span, List<CfgValue> elements) implements CfgValue {}

  record TupleValue(Span span, List<CfgValue> elements) implements CfgValue {}
}
