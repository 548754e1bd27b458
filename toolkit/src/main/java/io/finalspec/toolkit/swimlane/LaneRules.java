package io.finalspec.toolkit.swimlane;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.finalspec.codegen.manifest.DrawingEntry;
import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.value.BoolValue;
import io.finalspec.runtime.value.FcnValue;
import io.finalspec.runtime.value.ModelValue;
import io.finalspec.runtime.value.SetValue;
import io.finalspec.runtime.value.StrValue;
import io.finalspec.runtime.value.Value;

/**
 * How a spec's traces are drawn: who performs each action (its lane) and which variables are
 * shared resources drawn as bands. The rules come from the spec's {@code [[drawing]]} table in the
 * manifest; without one, an action's actor is its first parameter, and an action with none
 * belongs to {@code main} (the live runtime's convention, {@code io.finalspec.runtime.live.Actors}).
 */
public final class LaneRules {

    /** The actor of the actions no rule and no parameter names. */
    public static final String MAIN = "main";

    /**
     * A band: {@code label = variable} or {@code label = variable : value}. The variable holds, per
     * state, one actor, a set of actors, or a function from actors to booleans (the actors mapped
     * to TRUE); with {@code : value}, a function whose entries equal that value.
     */
    public record Band(String label, String variable, Optional<String> value) {
    }

    private final List<DrawingEntry.ActorRule> actorRules;
    private final List<Band> bands;

    private LaneRules(List<DrawingEntry.ActorRule> actorRules, List<Band> bands) {
        this.actorRules = List.copyOf(actorRules);
        this.bands = List.copyOf(bands);
    }

    /** No rules: the first parameter, else {@code main}; no bands. */
    public static LaneRules defaults() {
        return new LaneRules(List.of(), List.of());
    }

    /** The rules of a {@code [[drawing]]} table. */
    public static LaneRules of(DrawingEntry drawing) {
        List<Band> bands = new ArrayList<>();
        for (DrawingEntry.Band b : drawing.bands()) {
            int colon = b.variable().indexOf(':');
            bands.add(new Band(b.label(), b.variableName(),
                colon < 0 ? Optional.empty() : Optional.of(b.variable().substring(colon + 1).strip())));
        }
        return new LaneRules(drawing.actors(), bands);
    }

    /** The actors the rules name, in rule order: their lanes come first. */
    public List<String> ruleActors() {
        return actorRules.stream().map(DrawingEntry.ActorRule::actor).distinct().toList();
    }

    public List<Band> bands() {
        return bands;
    }

    /** The actor of a step: the first matching rule, else the first parameter's value, else {@code main}. */
    public String actorOf(ActionLabel label) {
        for (DrawingEntry.ActorRule r : actorRules) {
            if (r.matches(label.name())) {
                return r.actor();
            }
        }
        return label.params().isEmpty() ? MAIN : display(label.params().get(0).value());
    }

    /** Whether the actor came from the label's first parameter (the drawing then leaves it out of the box). */
    boolean actorIsFirstParameter(ActionLabel label) {
        return actorRules.stream().noneMatch(r -> r.matches(label.name())) && !label.params().isEmpty();
    }

    /** The names {@code value} gives to actors in a band, for one state. */
    List<String> holders(Band band, Value value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (value instanceof SetValue set && set.isFinite()) {
            set.forEach(v -> out.add(display(v)));
        } else if (value instanceof FcnValue f) {
            for (int i = 0; i < f.size(); i++) {
                Value v = f.valueAt(i);
                boolean member = band.value().isPresent() ? display(v).equals(band.value().get())
                    : v instanceof BoolValue && v.equals(BoolValue.TRUE);
                if (member) {
                    out.add(display(f.keyAt(i)));
                }
            }
        } else {
            out.add(display(value));
        }
        return out;
    }

    /** An actor's name as a lane shows it: strings without quotes, model values by name. */
    static String display(Value v) {
        if (v instanceof StrValue s) {
            return s.value();
        }
        if (v instanceof ModelValue m) {
            return m.name();
        }
        return v.toString();
    }
}
