package io.finalspec.runtime.machine;

import io.finalspec.runtime.value.Tla;
import io.finalspec.runtime.value.TlaEvalException;
import io.finalspec.runtime.value.Value;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** Small evaluation steps generated expressions use (statically imported), with TLC's errors. */
public final class Evaluation {
    private Evaluation() {
    }

    /**
     * A constant computed once when the machine is built, or null when its evaluation fails: TLC
     * evaluates lazily, so the error belongs where the expression is used (which evaluates it again).
     */
    public static Value orNull(Supplier<Value> constant) {
        try {
            return constant.get();
        } catch (TlaEvalException e) {
            return null;
        }
    }

    /** {@code LET x == v IN body(x)}. */
    public static Value let(Value v, UnaryOperator<Value> body) {
        return body.apply(v);
    }

    /** A {@code CASE} none of whose guards holds (and without {@code OTHER}): TLC's error. */
    public static Value caseFail(String where) {
        throw new TlaEvalException("Attempted to evaluate a CASE with no conditions true (and no OTHER) at " + where);
    }

    /** The check TLC makes when a recursive function {@code fn[x \in S] == ...} is applied to {@code arg}. */
    public static void inDomain(Value arg, Value domain, String fn) {
        if (!Tla.in(arg, domain)) {
            throw new TlaEvalException("Attempted to apply function " + fn + " to argument " + arg
                    + ", which is not in the domain of the function.");
        }
    }

    /** The error {@code e}, located: what was being evaluated and where in the spec. */
    public static TlaEvalException at(TlaEvalException e, String what, String where) {
        return new TlaEvalException(e.getMessage() + "\n  while evaluating " + what + " (" + where + ")", e);
    }

    /**
     * TLC evaluates every constant-level definition once before the search; an INVARIANT or PROPERTY
     * that names one whose value is FALSE stops the run before the initial states with this error
     * ({@code kind} is "invariant" or "property"). One that holds, or fails to evaluate, is left to
     * the search, where TLC evaluates it again (and reports an error there).
     */
    public static void stopIfConstantFalse(String kind, String name, BooleanSupplier formula) {
        boolean holds;
        try {
            holds = formula.getAsBoolean();
        } catch (TlaEvalException e) {
            return;
        }
        if (!holds) {
            throw new TlaEvalException("The " + kind + " of " + name + " is equal to FALSE");
        }
    }
}
