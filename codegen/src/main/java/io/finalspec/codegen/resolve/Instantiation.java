package io.finalspec.codegen.resolve;

import io.finalspec.codegen.ast.Expr;
import io.finalspec.codegen.ast.Span;
import io.finalspec.codegen.ast.Unit;
import java.util.List;
import java.util.Map;

/**
 * One {@code INSTANCE N WITH ...}: the instantiated module, the parameters of a parameterised
 * instance {@code M(x) == INSTANCE N}, and a substitution for every constant and variable of N
 * (implicit ones, {@code c <- c}, are synthesised {@link Expr.Name}s resolved at the instance).
 * Substitution expressions are resolved in the instantiating module's scope.
 */
public record Instantiation(Span span, String instantiatingModule, String module, List<Unit.OpDecl> params,
    Map<String, Expr> substitutions) {}
