package io.finalspec.runtime.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A type in Apalache's type syntax (ADR-002), as written in {@code \* @type: ...;} annotations and
 * in ITF's {@code #meta.varTypes}. TLC's values do not carry their type: a function on {@code 1..n}
 * is a tuple and a function on strings is a record. A declared type says which ITF form a value
 * takes (a map, a list, a tuple or a record), so that Quint and Apalache read it back as the
 * value the spec means.
 */
public sealed interface ItfType {

    /** {@code Int}, {@code Bool} or {@code Str}. */
    record Basic(String name) implements ItfType {
        @Override
        public String toString() {
            return name;
        }
    }

    /** An uninterpreted type (TLC's model values): an upper-case name such as {@code PROC}. */
    record Uninterpreted(String name) implements ItfType {
        @Override
        public String toString() {
            return name;
        }
    }

    record SetOf(ItfType element) implements ItfType {
        @Override
        public String toString() {
            return "Set(" + element + ")";
        }
    }

    record SeqOf(ItfType element) implements ItfType {
        @Override
        public String toString() {
            return "Seq(" + element + ")";
        }
    }

    record Tuple(List<ItfType> elements) implements ItfType {
        @Override
        public String toString() {
            return elements.stream().map(Object::toString).collect(Collectors.joining(", ", "<<", ">>"));
        }
    }

    record Rec(Map<String, ItfType> fields) implements ItfType {
        @Override
        public String toString() {
            return fields.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
        }
    }

    record Fun(ItfType from, ItfType to) implements ItfType {
        @Override
        public String toString() {
            String left = from instanceof Fun ? "(" + from + ")" : from.toString();
            return left + " -> " + to;
        }
    }

    /**
     * The Apalache type annotations of a spec's variables, from its TLA+ text: a comment
     * {@code \* @type: Str -> Int;} (or {@code (* @type: ...; *)}) just before the variable's name
     * in its {@code VARIABLES} declaration. A variable without one, or with a type outside this
     * syntax, has none.
     */
    static Map<String, ItfType> declaredIn(String tlaSource, List<String> variables) {
        Map<String, ItfType> out = new LinkedHashMap<>();
        java.util.regex.Matcher m = Parser.ANNOTATION.matcher(tlaSource);
        while (m.find()) {
            if (variables.contains(m.group(2))) {
                try {
                    out.put(m.group(2), parse(m.group(1).trim()));
                } catch (IllegalArgumentException e) {
                    // a type outside this syntax: the value's own form is written instead
                }
            }
        }
        return out;
    }

    /** Parses a type; a type outside the subset above is an {@link IllegalArgumentException}. */
    static ItfType parse(String text) {
        Parser p = new Parser(text);
        ItfType t = p.type();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("unexpected text");
        }
        return t;
    }

    /** A recursive-descent parser of ADR-002's type syntax (functions, sets, sequences, tuples, records). */
    final class Parser {
        /** An annotation, the end of its comment, then (after spaces and commas) the declared name. */
        private static final java.util.regex.Pattern ANNOTATION = java.util.regex.Pattern.compile(
            "@type:\\s*([^;]*);[^\\n]*?(?:\\*\\)|\\n)[\\s,]*(?:VARIABLES?\\s+)?([A-Za-z_][A-Za-z0-9_]*)");

        private final String text;
        private int pos;

        private Parser(String text) {
            this.text = text;
        }

        private ItfType type() {
            ItfType left = atom();
            if (eat("->")) {
                // -> is right-associative: a -> b -> c is a -> (b -> c)
                return new Fun(left, type());
            }
            return left;
        }

        private ItfType atom() {
            if (eat("(")) {
                ItfType t = type();
                expect(")");
                return t;
            }
            if (eat("<<")) {
                List<ItfType> elems = new ArrayList<>();
                do {
                    elems.add(type());
                } while (eat(","));
                expect(">>");
                return new Tuple(List.copyOf(elems));
            }
            if (eat("{")) {
                Map<String, ItfType> fields = new LinkedHashMap<>();
                do {
                    String name = identifier();
                    expect(":");
                    fields.put(name, type());
                } while (eat(","));
                expect("}");
                return new Rec(fields);
            }
            String name = identifier();
            switch (name) {
                case "Int", "Bool", "Str" -> {
                    return new Basic(name);
                }
                case "Set", "Seq" -> {
                    expect("(");
                    ItfType e = type();
                    expect(")");
                    return name.equals("Set") ? new SetOf(e) : new SeqOf(e);
                }
                default -> {
                    if (!name.matches("[A-Z_][A-Z0-9_]*")) {
                        throw error("unknown type " + name);
                    }
                    return new Uninterpreted(name);
                }
            }
        }

        private String identifier() {
            skipSpace();
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            if (start == pos) {
                throw error("expected a type");
            }
            return text.substring(start, pos);
        }

        private boolean eat(String token) {
            skipSpace();
            if (text.startsWith(token, pos)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        private void expect(String token) {
            if (!eat(token)) {
                throw error("expected " + token);
            }
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private IllegalArgumentException error(String message) {
            return new IllegalArgumentException(message + " at column " + (pos + 1) + " of type \"" + text + "\"");
        }
    }
}
