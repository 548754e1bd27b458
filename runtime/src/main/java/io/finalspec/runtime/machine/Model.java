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

    /**
     * The value this model binds to {@code constant}, or {@code configured} (the config's value)
     * when it binds none. A bound value must be of the configured value's kind (a set for a set,
     * with elements of the same kind when both have some): the generated code was specialised for
     * the config's values, and the model must not change what the spec's expressions operate on.
     */
    public Value valueOr(String constant, Value configured) {
        Value v = constants.get(constant);
        if (v == null) {
            return configured;
        }
        String got = shape(v);
        String want = shape(configured);
        if (!got.equals(want) && !(got.equals("set") && want.startsWith("set")) && !(want.equals("set") && got.startsWith("set"))) {
            throw new TlaEvalException("constant " + constant + ": model " + name + " gives " + v + " (" + got
                + ") where the config has " + configured + " (" + want + ")");
        }
        return v;
    }

    /** Checks that every constant this model binds is one of {@code declared} (a misspelt name is an error). */
    public void checkDeclared(java.util.List<String> declared, String spec) {
        for (String c : constants.keySet()) {
            if (!declared.contains(c)) {
                throw new TlaEvalException("model " + name + " binds " + c + ", which is not a constant of " + spec
                    + " (its constants: " + String.join(", ", declared) + ")");
            }
        }
    }

    /** A value's kind, with its elements' kind for a nonempty set ("set of model value"). */
    private static String shape(Value v) {
        if (v instanceof io.finalspec.runtime.value.SetValue set && set.isFinite() && set.size() > 0) {
            return "set of " + set.iterator().next().kind().description();
        }
        return v.kind().description();
    }
}
