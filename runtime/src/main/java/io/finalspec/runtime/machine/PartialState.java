package io.finalspec.runtime.machine;

import io.finalspec.runtime.value.Tla;
import io.finalspec.runtime.value.TlaEvalException;
import io.finalspec.runtime.value.Value;
import io.finalspec.runtime.value.ValueArrays;
import java.util.List;

/**
 * A state being built by an action or by {@code Init}: one slot per variable, {@code null} while
 * the variable is unassigned. TLC evaluates {@code x' = e} as an assignment when {@code x'} has no
 * value yet and as a test otherwise, and {@code x' \in S} as an enumeration or a membership test
 * the same way; generated machines call these (statically imported) as they evaluate conjuncts
 * left to right. A partial state is never changed in place: each binding copies, so branches of a
 * disjunction or an {@code \E} do not see each other's assignments.
 */
public final class PartialState {
    private PartialState() {
    }

    /** A copy of the partial state {@code n} with variable {@code i} bound to {@code v}. */
    public static Value[] bind(Value[] n, int i, Value v) {
        Value[] c = ValueArrays.copy(n);
        c[i] = v;
        return c;
    }

    /** Variable {@code i} of the partial state; reading it before it is assigned is TLC's error. */
    public static Value read(Value[] n, int i, String name) {
        if (n[i] == null) {
            throw new TlaEvalException("In evaluation, the identifier " + name
                    + " is either undefined or not an operator (it has no value yet in this state).");
        }
        return n[i];
    }

    /** {@code x' \in S}: every element of S when x' is unassigned, else x' itself if it is in S. */
    public static Iterable<Value> candidates(Value[] n, int i, Value set) {
        if (n[i] != null) {
            return Tla.in(n[i], set) ? List.of(n[i]) : List.of();
        }
        return Tla.elements(set);
    }

    /**
     * The bindings of {@code \A x \in S, y \in T : A} in an action, in the order TLC's
     * {@code ContextEnumerator} gives them (the domains evaluated first, the first variable varying
     * fastest); one row per binding, one column per domain. TLC takes such an {@code \A} as the
     * conjunction of its instances, so an action processes each row's instance in turn.
     */
    public static Value[][] contexts(Value... domains) {
        List<List<Value>> elements = new java.util.ArrayList<>(domains.length);
        int rows = 1;
        for (Value d : domains) {
            List<Value> es = new java.util.ArrayList<>();
            Tla.elements(d).forEach(es::add);
            elements.add(es);
            rows = es.isEmpty() ? 0 : Math.multiplyExact(rows, es.size());
        }
        Value[][] out = new Value[rows][];
        int[] at = new int[domains.length];
        for (int r = 0; r < rows; r++) {
            Value[] row = new Value[domains.length];
            for (int c = 0; c < domains.length; c++) {
                row[c] = elements.get(c).get(at[c]);
            }
            out[r] = row;
            for (int c = 0; c < domains.length && ++at[c] == elements.get(c).size(); c++) {
                at[c] = 0;
            }
        }
        return out;
    }

    /** Whether every variable has a value. */
    public static boolean allAssigned(Value[] n) {
        for (Value v : n) {
            if (v == null) {
                return false;
            }
        }
        return true;
    }

    /** {@code n}, checked complete as a successor of {@code label}: TLC's error names the first unassigned variable. */
    public static Value[] requireComplete(Value[] n, List<String> variables, ActionLabel label) {
        for (int i = 0; i < n.length; i++) {
            if (n[i] == null) {
                throw new TlaEvalException("Successor state is not completely specified by action " + label
                        + ": variable " + variables.get(i) + " is not assigned.");
            }
        }
        return n;
    }

    /** {@code n}, checked complete as an initial state. */
    public static Value[] requireCompleteInit(Value[] n, List<String> variables) {
        for (int i = 0; i < n.length; i++) {
            if (n[i] == null) {
                throw new TlaEvalException("Initial state is not completely specified: variable " + variables.get(i)
                        + " is not assigned.");
            }
        }
        return n;
    }
}
