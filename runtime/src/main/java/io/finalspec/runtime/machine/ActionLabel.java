package io.finalspec.runtime.machine;

import java.util.List;
import java.util.Objects;

import io.finalspec.runtime.value.Value;

/**
 * The label TLC gives an action instance: the operator name of a disjunct of {@code Next} plus
 * the values bound to the parameters and existentially quantified variables around it, in order.
 * Two labels are equal when names and bindings are equal; this is how generated successors are
 * matched against TLC's.
 */
public record ActionLabel(String name, List<Binding> params) {

    public ActionLabel {
        Objects.requireNonNull(name, "name");
        params = List.copyOf(params);
    }

    public static ActionLabel of(String name) {
        return new ActionLabel(name, List.of());
    }

    /** One parameter binding, {@code p = 1}. */
    public record Binding(String name, Value value) {
        public Binding {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return name + "=" + value;
        }
    }

    /** TLC's rendering: {@code Acquire(p=1)}, or just {@code Next} without parameters. */
    @Override
    public String toString() {
        if (params.isEmpty()) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < params.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(params.get(i));
        }
        return sb.append(')').toString();
    }
}
