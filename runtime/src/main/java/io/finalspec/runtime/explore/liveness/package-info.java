/**
 * Liveness checking on the explored state graph, with TLC's verdicts: {@link
 * io.finalspec.runtime.explore.liveness.LivenessChecker} builds the graph of the model (states as
 * ints, edges in one array), evaluates the properties' state predicates and the fairness
 * conditions on it, and searches for a fair cycle that violates a property (strongly connected
 * components, refined for strong fairness), which it returns as a lasso. See docs/codegen.md,
 * "Liveness".
 */
package io.finalspec.runtime.explore.liveness;
