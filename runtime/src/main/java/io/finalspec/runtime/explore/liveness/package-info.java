/**
 * Liveness checking on the explored state graph, with TLC's verdicts: the explorer's breadth-first
 * search records the graph of the model as it goes ({@link
 * io.finalspec.runtime.explore.liveness.GraphRecorder}: states as ints, edges in one array, the
 * properties' state predicates and the fairness conditions evaluated by the worker that expands
 * each state), and {@link io.finalspec.runtime.explore.liveness.LivenessChecker} searches it for a
 * fair cycle that violates a property (strongly connected components, refined for strong
 * fairness), which it returns as a lasso. See docs/codegen.md, "Liveness".
 */
package io.finalspec.runtime.explore.liveness;
