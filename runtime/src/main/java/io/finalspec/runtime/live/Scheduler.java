package io.finalspec.runtime.live;

import java.util.List;
import java.util.Map;

import io.finalspec.runtime.machine.State;

/**
 * Decides which real thread moves next in a controlled run ({@link ActorDriver#run(State, Scheduler)}).
 * The threads stay real: each waits for its turn and then performs a spec action through
 * {@link LiveRuntime}; only one moves at a time, so each decision is taken on the state the granted
 * thread will act on. One instance per run (schedulers keep per-run state, such as priorities).
 */
public interface Scheduler {

    /** What to do next: let an actor move, or end the run. */
    sealed interface Decision permits Grant, Stop {
    }

    /**
     * The next step goes to {@code actor}; with a {@code move}, that exact step (a replayed trace),
     * otherwise the actor's thread chooses one of its moves itself.
     */
    record Grant(String actor, Actors.Move move) implements Decision {
    }

    /** The schedule ends the run here (a replayed trace is over, or cannot go on), saying why. */
    record Stop(String reason) implements Decision {
    }

    /** Called once before the first step with every actor of the run. */
    default void start(List<String> actors) {
    }

    /**
     * The decision for step {@code step} (0-based) in {@code state}, where {@code enabled} holds each
     * actor's moves (never empty, actors without a move left out).
     */
    Decision next(int step, State state, Map<String, List<Actors.Move>> enabled);
}
