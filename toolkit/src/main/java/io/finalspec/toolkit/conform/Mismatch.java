package io.finalspec.toolkit.conform;

import java.util.List;

import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.trace.Trace;
import io.finalspec.runtime.trace.TraceReplayer.VarDiff;

/**
 * A state at which the generated machine and TLC disagree.
 *
 * @param kind        what was compared: {@code init}, {@code successors}, {@code graph} or {@code trace}
 * @param state       the state whose successors differ (null for {@code init})
 * @param missing     transitions TLC has and the machine lacks
 * @param extra       transitions the machine has and TLC lacks
 * @param diff        per-variable differences between the closest missing/extra pair with the same label
 * @param path        the shortest behaviour of the machine reaching {@code state} (init first)
 * @param seed        the seed of the walk that found it
 */
public record Mismatch(String kind, State state, List<Transition> missing, List<Transition> extra,
                       List<VarDiff> diff, Trace path, long seed) {

    public Mismatch {
        missing = List.copyOf(missing);
        extra = List.copyOf(extra);
        diff = List.copyOf(diff);
    }
}
