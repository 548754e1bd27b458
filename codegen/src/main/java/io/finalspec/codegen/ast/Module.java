package io.finalspec.codegen.ast;

import java.util.List;

/** A parsed module: name, EXTENDS list and units in source order. */
public record Module(Span span, String name, List<String> extendsNames, List<Unit> units) {
  public Module {
    extendsNames = List.copyOf(extendsNames);
    units = List.copyOf(units);
  }
}
