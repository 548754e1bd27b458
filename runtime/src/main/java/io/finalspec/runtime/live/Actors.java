package io.finalspec.runtime.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.value.Value;

/**
 * Who performs which action: an actor is the value of an action's first parameter (each thread of a
 * CPython model: {@code d1}, {@code Main}, ...), and the parameterless actions belong to a thread
 * called {@code main}, as do the actions of any actor not found when the run started (it has no
 * thread of its own). One instance per run; it is immutable.
 */
public final class Actors {

    /** The thread of the parameterless actions. */
    public static final String MAIN = "main";

    /** One step an actor can take: an action instance and the state it leads to. */
    public record Move(ActionLabel label, State target) {
    }

    private final List<String> names;

    private Actors(List<String> names) {
        this.names = List.copyOf(names);
    }

    /** The actors with an action in the reachable part near {@code init}: breadth-first, a few levels. */
    public static Actors discover(Machine machine, State init) {
        List<String> names = new ArrayList<>();
        List<State> frontier = List.of(init);
        for (int level = 0; level < 6 && !frontier.isEmpty(); level++) {
            List<State> next = new ArrayList<>();
            for (State s : frontier) {
                machine.successors(s, (label, t) -> {
                    String actor = nameOf(label);
                    if (!names.contains(actor)) {
                        names.add(actor);
                    }
                    if (next.size() < 256) {
                        next.add(t);
                    }
                });
            }
            frontier = next;
        }
        if (!names.contains(MAIN)) {
            names.add(MAIN);
        }
        return new Actors(names);
    }

    /** The actors, {@code main} among them, in the order they were found. */
    public List<String> names() {
        return names;
    }

    /** The actor that performs {@code label}. */
    public String of(ActionLabel label) {
        String actor = nameOf(label);
        return names.contains(actor) ? actor : MAIN;
    }

    private static String nameOf(ActionLabel label) {
        Value v = label.params().isEmpty() ? null : label.params().get(0).value();
        return v == null ? MAIN : v.toString();
    }

    /**
     * Every actor's moves in {@code state}, actors in {@link #names()} order, those with no move left
     * out (so an empty map means that no thread can move: the state has no successor at all).
     */
    public Map<String, List<Move>> enabled(Machine machine, State state) {
        Map<String, List<Move>> byActor = new LinkedHashMap<>();
        machine.successors(state, (label, next) -> {
            List<Move> moves = byActor.computeIfAbsent(of(label), a -> new ArrayList<>());
            Move m = new Move(label, next);
            if (!moves.contains(m)) {
                moves.add(m);
            }
        });
        Map<String, List<Move>> ordered = new LinkedHashMap<>();
        for (String a : names) {
            List<Move> moves = byActor.get(a);
            if (moves != null) {
                ordered.put(a, List.copyOf(moves));
            }
        }
        return ordered;
    }
}
