/**
 * State-space exploration with TLC's counting: the level-synchronous, multi-threaded
 * {@link io.finalspec.runtime.explore.BfsExplorer} (invariants, deadlock, the properties' safety
 * conjuncts), the whole check {@link io.finalspec.runtime.explore.ModelChecker} (the search, then
 * liveness in {@code explore.liveness}) and the seeded
 * {@link io.finalspec.runtime.explore.RandomWalker}; progress through
 * {@link io.finalspec.runtime.explore.ExploreListener}.
 */
package io.finalspec.runtime.explore;
