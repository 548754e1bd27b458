package io.finalspec.toolkit.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Translates a value in TLC's print syntax ({@code <<1, "a">>}, {@code [f |-> {m1}]},
 * {@code (1 :> 2 @@ 3 :> 4)}, {@code 1..3}) to its ITF JSON encoding (Apalache ADR-015):
 * integers as numbers, strings as strings, sets as {@code #set}, tuples and sequences as
 * {@code #tup}, records as objects, other functions as {@code #map}, model values as
 * {@code #unserializable}.
 */
final class TlcValueJson {

    private final String text;
    private int pos;

    private TlcValueJson(String text) {
        this.text = text;
    }

    static JsonElement parse(String text) {
        TlcValueJson p = new TlcValueJson(text);
        JsonElement v = p.value();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("unexpected text");
        }
        return v;
    }

    private JsonElement value() {
        skipSpace();
        JsonElement v = primary();
        skipSpace();
        if (lookingAt("..")) {
            pos += 2;
            JsonElement hi = primary();
            return interval(v.getAsInt(), hi.getAsInt());
        }
        return v;
    }

    private JsonElement primary() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("value expected");
        }
        char c = text.charAt(pos);
        if (lookingAt("<<")) {
            return tagged("#tup", list("<<", ">>"));
        }
        return switch (c) {
            case '{' -> tagged("#set", list("{", "}"));
            case '[' -> record();
            case '(' -> functionPairs();
            case '"' -> new JsonPrimitive(string());
            default -> c == '-' || Character.isDigit(c) ? new JsonPrimitive(integer()) : word();
        };
    }

    private JsonArray list(String open, String close) {
        pos += open.length();
        JsonArray items = new JsonArray();
        skipSpace();
        if (lookingAt(close)) {
            pos += close.length();
            return items;
        }
        while (true) {
            items.add(value());
            skipSpace();
            if (lookingAt(close)) {
                pos += close.length();
                return items;
            }
            expect(",");
        }
    }

    private JsonElement record() {
        pos++;
        JsonObject rec = new JsonObject();
        skipSpace();
        if (lookingAt("]")) {
            pos++;
            return rec;
        }
        while (true) {
            skipSpace();
            String field = identifier();
            skipSpace();
            expect("|->");
            rec.add(field, value());
            skipSpace();
            if (lookingAt("]")) {
                pos++;
                return rec;
            }
            expect(",");
        }
    }

    /** {@code (k1 :> v1 @@ k2 :> v2)}: a function that is not a record or sequence. */
    private JsonElement functionPairs() {
        pos++;
        JsonArray pairs = new JsonArray();
        while (true) {
            JsonArray pair = new JsonArray();
            pair.add(value());
            skipSpace();
            expect(":>");
            pair.add(value());
            pairs.add(pair);
            skipSpace();
            if (lookingAt(")")) {
                pos++;
                return tagged("#map", pairs);
            }
            expect("@@");
        }
    }

    private String string() {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\' && pos < text.length()) {
                char e = text.charAt(pos++);
                out.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'f' -> '\f';
                    default -> e;
                });
            } else {
                out.append(c);
            }
        }
        throw error("unterminated string");
    }

    private long integer() {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
        }
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        return Long.parseLong(text.substring(start, pos));
    }

    private JsonElement word() {
        String w = identifier();
        return switch (w) {
            case "TRUE" -> new JsonPrimitive(true);
            case "FALSE" -> new JsonPrimitive(false);
            // a model value: ITF (ADR-015) writes a value of an uninterpreted type as "name_OF_TYPE"
            default -> new JsonPrimitive(w + "_OF_" + io.finalspec.runtime.trace.Itf.UNTYPED);
        };
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw error("value expected");
        }
        return text.substring(start, pos);
    }

    private static JsonElement interval(int lo, int hi) {
        JsonArray items = new JsonArray();
        for (int i = lo; i <= hi; i++) {
            items.add(i);
        }
        return tagged("#set", items);
    }

    private static JsonObject tagged(String tag, JsonElement content) {
        JsonObject o = new JsonObject();
        o.add(tag, content);
        return o;
    }

    private void expect(String token) {
        skipSpace();
        if (!lookingAt(token)) {
            throw error("expected " + token);
        }
        pos += token.length();
    }

    private boolean lookingAt(String s) {
        return text.startsWith(s, pos);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(message + " at offset " + pos + " of TLC value: " + text);
    }
}
