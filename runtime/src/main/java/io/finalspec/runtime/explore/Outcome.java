package io.finalspec.runtime.explore;

/**
 * How an exploration ended: {@code OK} (no error), {@code INVARIANT} (the named invariant is
 * violated, or a property's {@code []P} conjunct, which TLC checks as an implied invariant and
 * reports the same way), {@code PROPERTY} (the named property is violated: an action property
 * {@code [][A]_v} on a transition, or a liveness conjunct on a lasso), {@code DEADLOCK}, or
 * {@code ERROR} (an evaluation error, with TLC-like message).
 */
public record Outcome(Kind kind, String name, String message) {

    public enum Kind { OK, INVARIANT, PROPERTY, DEADLOCK, ERROR }

    public static final Outcome OK = new Outcome(Kind.OK, null, null);

    public static Outcome invariant(String name) {
        return new Outcome(Kind.INVARIANT, name, "Invariant " + name + " is violated.");
    }

    /** TLC's words for a violated {@code [][A]_v} property. */
    public static Outcome actionProperty(String name) {
        return new Outcome(Kind.PROPERTY, name, "Action property " + name + " is violated.");
    }

    /** A property's state predicate without {@code []}, false in an initial state (TLC's "implied init"). */
    public static Outcome initialProperty(String name) {
        return new Outcome(Kind.PROPERTY, name, "Property " + name + " is violated by the initial state.");
    }

    /**
     * A liveness violation. TLC says only "Temporal properties were violated."; the name of the
     * property and the conjunct the counterexample violates are added.
     */
    public static Outcome temporal(String name, String conjunct) {
        return new Outcome(Kind.PROPERTY, name, "Temporal properties were violated: " + name + " (" + conjunct + ").");
    }

    public static Outcome deadlock() {
        return new Outcome(Kind.DEADLOCK, null, "Deadlock reached.");
    }

    public static Outcome error(String message) {
        return new Outcome(Kind.ERROR, null, message);
    }

    public boolean isOk() {
        return kind == Kind.OK;
    }

    @Override
    public String toString() {
        return kind == Kind.OK ? "ok" : message;
    }
}
