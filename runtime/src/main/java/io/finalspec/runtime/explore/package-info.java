/**
 * State-space exploration with TLC's counting: the level-synchronous, multi-threaded
 * {@link io.finalspec.runtime.explore.BfsExplorer} and the seeded
 * {@link io.finalspec.runtime.explore.RandomWalker}; progress through
 * {@link io.finalspec.runtime.explore.ExploreListener}.
 */
package io.finalspec.runtime.explore;
