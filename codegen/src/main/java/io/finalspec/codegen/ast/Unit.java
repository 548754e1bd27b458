package io.finalspec.codegen.ast;

import java.util.List;

/** Module-level (and LET-level) units. */
public sealed interface Unit {
  Span span();

  /** How an operator is written at its uses. */
  enum Fixity { NAMED, PREFIX, INFIX, POSTFIX }

  /** A declared operator: {@code x}, {@code F(_, _)} (arity 2), {@code _ + _} (arity 2, INFIX). */
  record OpDecl(Span span, String name, int arity, Fixity fixity) {}

  record Variables(Span span, List<OpDecl> names) implements Unit {}

  record Constants(Span span, List<OpDecl> names) implements Unit {}

  record Recursive(Span span, List<OpDecl> names) implements Unit {}

  /** {@code F(x, G(_)) == body}, {@code a ++ b == body}; params are OpDecls (arity > 0: operator parameter). */
  record OperatorDef(Span span, boolean local, String name, Fixity fixity, List<OpDecl> params, Expr body)
      implements Unit {}

  /** {@code f[x \in S] == body}. */
  record FunctionDef(Span span, boolean local, String name, List<Bound> bounds, Expr body) implements Unit {}

  /** {@code INSTANCE M WITH a <- e}. */
  record Instance(Span span, boolean local, String module, List<Substitution> substitutions) implements Unit {}

  record Substitution(Span span, String name, Expr value) {}

  /** {@code N(x) == INSTANCE M WITH ...}. */
  record ModuleDef(Span span, boolean local, String name, List<OpDecl> params, Instance instance) implements Unit {}

  /** {@code ASSUME e} or {@code ASSUME name == e}; name may be null. */
  record Assume(Span span, String name, Expr expr) implements Unit {}

  /** {@code THEOREM e} (and LEMMA, ...); name may be null. Proofs are parsed but not kept. */
  record Theorem(Span span, String name, Expr expr) implements Unit {}

  /** {@code THEOREM name == ASSUME ... PROVE goal}; name may be null. Proofs are parsed but not kept. */
  record TheoremAssumeProve(Span span, String name, AssumeProve statement) implements Unit {}

  /** {@code ASSUME a1, a2, ... PROVE goal}. */
  record AssumeProve(Span span, List<Assumption> assumptions, Expr goal) {}

  /** One hypothesis of an ASSUME ... PROVE. */
  sealed interface Assumption permits NewDecl, Fact, NestedAssumeProve {
    Span span();
  }

  /** What a NEW declares: {@code NEW x} and {@code NEW x \in S} are constants. */
  enum DeclKind { CONSTANT, VARIABLE, STATE, ACTION, TEMPORAL }

  /** {@code NEW [CONSTANT|VARIABLE|...] decl [\in set]}; set is null without {@code \in}. */
  record NewDecl(Span span, DeclKind kind, OpDecl decl, Expr set) implements Assumption {}

  /** A fact assumed: any expression (a label included). */
  record Fact(Span span, Expr expr) implements Assumption {}

  /** A nested {@code [lbl ::] ASSUME ... PROVE ...}; label may be null. */
  record NestedAssumeProve(Span span, String label, AssumeProve statement) implements Assumption {}

  /** A module nested inside another. */
  record Submodule(Span span, Module module) implements Unit {}
}
