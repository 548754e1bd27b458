package io.finalspec.runtime.explore;

/**
 * How an exploration ended: {@code OK} (no error), {@code INVARIANT} (the named invariant is
 * violated), {@code DEADLOCK}, or {@code ERROR} (an evaluation error, with TLC-like message).
 */
public record Outcome(Kind kind, String name, String message) {

    public enum Kind { OK, INVARIANT, DEADLOCK, ERROR }

    public static final Outcome OK = new Outcome(Kind.OK, null, null);

    public static Outcome invariant(String name) {
        return new Outcome(Kind.INVARIANT, name, "Invariant " + name + " is violated.");
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
