package io.finalspec.codegen.ast;

import java.util.List;

/**
 * A binder: {@code x, y \in S} (each name ranges over S), {@code <<x, y>> \in S} (tuple = true:
 * one element of S destructured), or unbounded {@code x} (set = null).
 */
public record Bound(Span span, List<String> names, boolean tuple, Expr set) {
  public Bound {
    names = List.copyOf(names);
  }
}
