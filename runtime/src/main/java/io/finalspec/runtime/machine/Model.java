package io.finalspec.runtime.machine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.finalspec.runtime.value.TlaEvalException;
import io.finalspec.runtime.value.Value;

/**
 * A model's constant bindings ({@code CONSTANTS N = 3, Procs = {p1, p2}}), in declaration order,
 * handed to a generated machine's constructor.
 */
public record Model(String name, Map<String, Value> constants) {

    public Model {
        Objects.requireNonNull(name, "name");
        constants = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(constants));
    }

    /** The value bound to {@code constant}; an error naming the model when it is unbound. */
    public Value get(String constant) {
        Value v = constants.get(constant);
        if (v == null) {
            throw new TlaEvalException("The constant " + constant + " is not assigned a value by model " + name + ".");
        }
        return v;
    }

    /** A copy with one more binding. */
    public Model with(String constant, Value value) {
        Map<String, Value> m = new LinkedHashMap<>(constants);
        m.put(constant, value);
        return new Model(name, m);
    }
}
