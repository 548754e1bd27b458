package io.finalspec.codegen.manifest;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A {@code [[drawing]]} table of the manifest: how to draw the traces of one spec as swimlanes.
 *
 * @param spec   the TLA+ module file, resolved against the manifest's folder
 * @param actors who performs the actions that name no actor in their parameters, in order: the
 *               first rule whose pattern matches the action's name wins
 * @param bands  shared resources drawn as bands across the lanes, each from one variable
 * @param line   line of the {@code [[drawing]]} header, for error messages
 */
public record DrawingEntry(Path spec, List<ActorRule> actors, List<Band> bands, int line) {

    public DrawingEntry {
        Objects.requireNonNull(spec, "spec");
        actors = List.copyOf(actors);
        bands = List.copyOf(bands);
    }

    /**
     * {@code pattern = actor}: an action name, or a prefix followed by {@code *}, and the actor
     * (a lane name) whose thread performs it.
     */
    public record ActorRule(String pattern, String actor) {
        public ActorRule {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(actor, "actor");
        }

        public boolean matches(String action) {
            return pattern.endsWith("*") ? action.startsWith(pattern.substring(0, pattern.length() - 1)) : action.equals(pattern);
        }
    }

    /**
     * {@code label = variable}: a resource whose holder (a value naming an actor) or holders (a
     * set of them) the variable holds in each state, e.g. {@code "GIL = owner"}.
     */
    public record Band(String label, String variable) {
        public Band {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(variable, "variable");
        }

        /** The variable alone, without a {@code : value} suffix. */
        public String variableName() {
            int colon = variable.indexOf(':');
            return colon < 0 ? variable : variable.substring(0, colon).strip();
        }
    }
}
