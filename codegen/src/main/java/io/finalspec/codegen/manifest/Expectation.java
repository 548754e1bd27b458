package io.finalspec.codegen.manifest;

import java.util.Objects;

/**
 * The outcome of a model check, as declared in the manifest or as observed from TLC.
 *
 * <p>The textual form is the manifest's: {@code pass}, {@code invariant Name}, {@code property Name},
 * {@code deadlock}; observed outcomes may also be {@code error <message>}, which no manifest
 * entry may declare.
 */
public record Expectation(Kind kind, String detail) {

    /** What kind of outcome. */
    public enum Kind { PASS, INVARIANT, PROPERTY, DEADLOCK, ERROR }

    public Expectation {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
    }

    public static final Expectation PASS = new Expectation(Kind.PASS, "");
    public static final Expectation DEADLOCK = new Expectation(Kind.DEADLOCK, "");

    public static Expectation invariant(String name) {
        return new Expectation(Kind.INVARIANT, name);
    }

    public static Expectation property(String name) {
        return new Expectation(Kind.PROPERTY, name);
    }

    public static Expectation error(String message) {
        return new Expectation(Kind.ERROR, message);
    }

    /**
     * Parses a declared expectation; returns null when the text is not one of the four forms.
     */
    public static Expectation parse(String text) {
        String[] words = text.trim().split("\\s+");
        if (words.length == 1) {
            return switch (words[0]) {
                case "pass" -> PASS;
                case "deadlock" -> DEADLOCK;
                default -> null;
            };
        }
        if (words.length == 2 && words[1].matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return switch (words[0]) {
                case "invariant" -> invariant(words[1]);
                case "property" -> property(words[1]);
                default -> null;
            };
        }
        return null;
    }

    public boolean isViolation() {
        return kind == Kind.INVARIANT || kind == Kind.PROPERTY || kind == Kind.DEADLOCK;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case PASS -> "pass";
            case DEADLOCK -> "deadlock";
            case INVARIANT -> "invariant " + detail;
            case PROPERTY -> "property " + detail;
            case ERROR -> "error";
        };
    }
}
