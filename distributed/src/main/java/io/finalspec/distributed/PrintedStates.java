package io.finalspec.distributed;

import java.util.HashMap;
import java.util.Map;

import io.finalspec.runtime.explore.ModelFilter;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.machine.States;
import io.finalspec.runtime.trace.ValueParser;
import io.finalspec.runtime.value.TlaEvalException;
import io.finalspec.runtime.value.Value;

/**
 * The states of TLC's labelled state graph as the machine sees them, for the graph comparison on
 * one machine and over members: a state TLC printed, parsed with the machine's names, and the
 * balance of its machine successors, an order-independent sum of 64-bit hashes of (action name,
 * successor's VIEW fingerprint) from which each of TLC's transitions subtracts its own. A state
 * conforms when its balance and its count of transitions both return to zero. The hash of an
 * action depends on its name only, so every member computes the same.
 */
public final class PrintedStates {
    private final Machine machine;
    private final ModelFilter model;
    private final Map<String, Integer> varIndex = new HashMap<>();

    public PrintedStates(Machine machine) {
        this.machine = machine;
        this.model = new ModelFilter(machine);
        for (int i = 0; i < machine.variables().size(); i++) {
            varIndex.put(machine.variables().get(i), i);
        }
    }

    /** TLC's printed state as a machine state, through the runtime's value parser and the machine's names. */
    public State parse(String printed) {
        Map<String, Value> byName = ValueParser.parseState(printed, machine.names());
        Value[] values = new Value[varIndex.size()];
        for (Map.Entry<String, Value> e : byName.entrySet()) {
            Integer i = varIndex.get(e.getKey());
            if (i == null) {
                throw new TlaEvalException("TLC printed a variable the machine does not have: " + e.getKey());
            }
            values[i] = e.getValue();
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new TlaEvalException("TLC printed no value for " + machine.variables().get(i));
            }
        }
        return machine.state(values);
    }

    /** Whether the transition to {@code to} stays in the model (TLC's graph holds only those). */
    public boolean inModel(State from, State to) {
        return model.inModel(from, to);
    }

    /** {@code {balance, count}} of the machine's successors of {@code s} in the model. */
    public long[] successors(State s) {
        long[] out = {0, 0};
        machine.successors(s, (label, next) -> {
            if (model.inModel(s, next)) {
                out[0] += element(actionHash(label.name()), States.viewFingerprint(machine, next));
                out[1]++;
            }
        });
        return out;
    }

    /** The hash of an action name: FNV-1a over its characters, mixed. */
    public static long actionHash(String name) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            h = (h ^ name.charAt(i)) * 0x100000001b3L;
        }
        return mix(h);
    }

    /** The element of a balance for a transition by {@code action} to the state of VIEW fingerprint {@code fp}. */
    public static long element(long action, long fp) {
        return mix(mix(fp) + action);
    }

    /** SplitMix64's finalizer. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
