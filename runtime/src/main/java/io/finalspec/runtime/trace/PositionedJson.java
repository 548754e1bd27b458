package io.finalspec.runtime.trace;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonElement;

/**
 * A strict JSON reader (RFC 8259) that keeps the line and column of every value, so that a
 * malformed ITF trace is reported where it is malformed, not with a library's exception text.
 * Nesting is bounded ({@link #MAX_DEPTH}): a deeply nested file is an error at the position where
 * the bound is passed, never a {@link StackOverflowError}.
 */
final class PositionedJson {

    /** Deeper JSON is rejected; ITF values of real specs nest a few levels. */
    static final int MAX_DEPTH = 500;

    /** A JSON value and where it starts. */
    sealed interface Node permits Obj, Arr, Str, Num, Bool, Null, Known {
        int line();

        int column();

        /** What the value is, for messages: "an object", "a number", ... */
        String kind();
    }

    record Member(String key, Node value, int line, int column) {
    }

    record Obj(List<Member> members, int line, int column) implements Node {
        @Override
        public String kind() {
            return "an object";
        }

        Member member(String key) {
            for (Member m : members) {
                if (m.key().equals(key)) {
                    return m;
                }
            }
            return null;
        }
    }

    record Arr(List<Node> items, int line, int column) implements Node {
        @Override
        public String kind() {
            return "an array";
        }
    }

    record Str(String value, int line, int column) implements Node {
        @Override
        public String kind() {
            return "a string";
        }
    }

    /** A number as written; ITF readers decide which numbers they accept. */
    record Num(String text, int line, int column) implements Node {
        @Override
        public String kind() {
            return "a number";
        }
    }

    record Bool(boolean value, int line, int column) implements Node {
        @Override
        public String kind() {
            return "a boolean";
        }
    }

    record Null(int line, int column) implements Node {
        @Override
        public String kind() {
            return "null";
        }
    }

    /**
     * A value a {@link Memo} already knows: its text equals that of a value parsed before, so it
     * was skipped over instead of parsed again. Only state variables are looked up (see {@link Memo}).
     */
    record Known(Object value, int line, int column) implements Node {
        @Override
        public String kind() {
            return "a known value";
        }
    }

    /**
     * Remembers the values of state variables by their exact JSON text, so that a value repeated in
     * a trace (most variables keep their value from one state to the next) or across traces is
     * parsed once. Looked up for the composite values (objects, arrays) of the members of the
     * objects two levels below the root whose key starts with neither {@code #} nor {@code mbt::}:
     * in ITF, the variables of a state.
     */
    interface Memo {
        /** The value remembered for {@code text[start, end)} (whose hash is {@code hash}), or null. */
        Object find(String text, int start, int end, int hash);

        /** {@code node} was parsed from {@code text[start, end)}: the caller may remember what it decodes to. */
        void parsed(Node node, String text, int start, int end, int hash);
    }

    private final String text;
    private final Memo memo;
    private int pos;
    private int line = 1;
    private int lineStart;

    private PositionedJson(String text, Memo memo) {
        this.text = text;
        this.memo = memo;
    }

    /** Parses one JSON document. */
    static Node parse(String text) {
        return parse(text, null);
    }

    /** Parses one JSON document, skipping over the state variables {@code memo} knows (null: none). */
    static Node parse(String text, Memo memo) {
        PositionedJson p = new PositionedJson(text, memo);
        if (text.startsWith("\uFEFF")) {
            p.pos = 1;
            p.lineStart = 1;
        }
        p.skipSpace();
        Node n = p.value(0);
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("unexpected " + p.describe() + " after the JSON value");
        }
        return n;
    }

    /** Decodes UTF-8 strictly: an invalid byte is an error at its line and column. */
    static String decodeUtf8(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            String before = out.flip().toString();
            int nl = before.lastIndexOf('\n');
            int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
            throw new ItfException(line, before.length() - nl, "not UTF-8 (byte 0x"
                + String.format("%02x", bytes[in.position()] & 0xff) + " at offset " + in.position() + ")");
        }
        try {
            d.flush(out);
        } catch (IllegalStateException e) {
            throw new ItfException(1, 1, "not UTF-8");
        }
        return out.flip().toString();
    }

    /** A Gson tree as nodes without positions (line 0), for values that come from our own processes. */
    static Node fromGson(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return new Null(0, 0);
        }
        if (e.isJsonPrimitive()) {
            var p = e.getAsJsonPrimitive();
            return p.isBoolean() ? new Bool(p.getAsBoolean(), 0, 0)
                : p.isNumber() ? new Num(p.getAsString(), 0, 0) : new Str(p.getAsString(), 0, 0);
        }
        if (e.isJsonArray()) {
            List<Node> items = new ArrayList<>();
            e.getAsJsonArray().forEach(x -> items.add(fromGson(x)));
            return new Arr(items, 0, 0);
        }
        List<Member> members = new ArrayList<>();
        for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
            members.add(new Member(m.getKey(), fromGson(m.getValue()), 0, 0));
        }
        return new Obj(members, 0, 0);
    }

    private Node value(int depth) {
        if (depth >= MAX_DEPTH) {
            throw error("JSON nested deeper than " + MAX_DEPTH + " levels");
        }
        if (pos >= text.length()) {
            throw error("unexpected end of file, expected a value");
        }
        int l = line;
        int c = column();
        char ch = text.charAt(pos);
        return switch (ch) {
            case '{' -> object(depth, l, c);
            case '[' -> array(depth, l, c);
            case '"' -> new Str(string(), l, c);
            case 't' -> literal("true", new Bool(true, l, c));
            case 'f' -> literal("false", new Bool(false, l, c));
            case 'n' -> literal("null", new Null(l, c));
            default -> {
                if (ch == '-' || (ch >= '0' && ch <= '9')) {
                    yield new Num(number(), l, c);
                }
                throw error("unexpected " + describe() + ", expected a value");
            }
        };
    }

    private Obj object(int depth, int l, int c) {
        pos++;
        List<Member> members = new ArrayList<>();
        Set<String> keys = null;
        skipSpace();
        if (peek('}')) {
            pos++;
            return new Obj(members, l, c);
        }
        while (true) {
            skipSpace();
            int kl = line;
            int kc = column();
            if (!peek('"')) {
                throw error("unexpected " + describe() + ", expected a string key");
            }
            String key = string();
            if (members.size() >= 8 && keys == null) {
                keys = new HashSet<>();
                for (Member m : members) {
                    keys.add(m.key());
                }
            }
            if (keys != null ? !keys.add(key) : duplicate(members, key)) {
                throw new ItfException(kl, kc, "duplicate key \"" + key + "\"");
            }
            skipSpace();
            expect(':');
            skipSpace();
            boolean variable = memo != null && depth == 2 && !key.startsWith("#") && !key.startsWith("mbt::");
            members.add(new Member(key, variable ? remembered(depth + 1) : value(depth + 1), kl, kc));
            skipSpace();
            if (peek(',')) {
                pos++;
            } else if (peek('}')) {
                pos++;
                return new Obj(members, l, c);
            } else {
                throw error("unexpected " + describe() + ", expected ',' or '}'");
            }
        }
    }

    private static boolean duplicate(List<Member> members, String key) {
        for (Member m : members) {
            if (m.key().equals(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A state variable's value: an object or array whose text the memo knows is skipped over (only
     * its line breaks counted); any other value is parsed and handed to the memo.
     */
    private Node remembered(int depth) {
        int start = pos;
        int end = pos < text.length() && (text.charAt(pos) == '{' || text.charAt(pos) == '[') ? compositeEnd(pos) : -1;
        if (end < 0) {
            return value(depth);
        }
        int hash = hash(start, end);
        Object known = memo.find(text, start, end, hash);
        if (known == null) {
            Node n = value(depth);
            memo.parsed(n, text, start, end, hash);
            return n;
        }
        Node n = new Known(known, line, column());
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        pos = end;
        return n;
    }

    /** Where the object or array at {@code from} ends (exclusive), by brackets outside strings; -1 when it does not. */
    private int compositeEnd(int from) {
        int nesting = 0;
        for (int i = from; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                for (i++; i < text.length() && text.charAt(i) != '"'; i++) {
                    if (text.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (ch == '{' || ch == '[') {
                nesting++;
            } else if ((ch == '}' || ch == ']') && --nesting == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private int hash(int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + text.charAt(i);
        }
        return h;
    }

    private Arr array(int depth, int l, int c) {
        pos++;
        List<Node> items = new ArrayList<>();
        skipSpace();
        if (peek(']')) {
            pos++;
            return new Arr(items, l, c);
        }
        while (true) {
            skipSpace();
            items.add(value(depth + 1));
            skipSpace();
            if (peek(',')) {
                pos++;
            } else if (peek(']')) {
                pos++;
                return new Arr(items, l, c);
            } else {
                throw error("unexpected " + describe() + ", expected ',' or ']'");
            }
        }
    }

    private String string() {
        pos++;
        // Most strings have no escape and no control character: one substring, no builder.
        for (int i = pos; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                String plain = text.substring(pos, i);
                pos = i + 1;
                return plain;
            }
            if (ch == '\\' || ch < 0x20) {
                break;
            }
        }
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char ch = text.charAt(pos);
            if (ch == '"') {
                pos++;
                return sb.toString();
            }
            if (ch < 0x20) {
                throw error("control character U+" + String.format("%04X", (int) ch) + " in a string (escape it)");
            }
            if (ch != '\\') {
                sb.append(ch);
                pos++;
                continue;
            }
            if (pos + 1 >= text.length()) {
                throw error("unterminated string");
            }
            char e = text.charAt(pos + 1);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 6 > text.length() || !text.substring(pos + 2, pos + 6).matches("[0-9A-Fa-f]{4}")) {
                        throw error("bad \\u escape: four hex digits expected");
                    }
                    sb.append((char) Integer.parseInt(text.substring(pos + 2, pos + 6), 16));
                    pos += 4;
                }
                default -> throw error("bad escape \\" + e);
            }
            pos += 2;
        }
    }

    private String number() {
        int start = pos;
        if (peek('-')) {
            pos++;
        }
        if (peek('0')) {
            pos++;
        } else if (!digits()) {
            throw error("bad number: a digit expected");
        }
        if (peek('.')) {
            pos++;
            if (!digits()) {
                throw error("bad number: a digit expected after '.'");
            }
        }
        if (peek('e') || peek('E')) {
            pos++;
            if (peek('+') || peek('-')) {
                pos++;
            }
            if (!digits()) {
                throw error("bad number: a digit expected in the exponent");
            }
        }
        return text.substring(start, pos);
    }

    private boolean digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    private Node literal(String word, Node node) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected " + describe() + ", expected a value");
        }
        pos += word.length();
        return node;
    }

    private void expect(char ch) {
        if (!peek(ch)) {
            throw error("unexpected " + describe() + ", expected '" + ch + "'");
        }
        pos++;
    }

    private boolean peek(char ch) {
        return pos < text.length() && text.charAt(pos) == ch;
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char ch = text.charAt(pos);
            if (ch == '\n') {
                line++;
                lineStart = pos + 1;
            } else if (ch != ' ' && ch != '\t' && ch != '\r') {
                return;
            }
            pos++;
        }
    }

    private int column() {
        return pos - lineStart + 1;
    }

    private String describe() {
        if (pos >= text.length()) {
            return "end of file";
        }
        int cp = text.codePointAt(pos);
        return cp >= 0x20 && cp < 0x7f ? "'" + (char) cp + "'" : String.format("character U+%04X", cp);
    }

    private ItfException error(String message) {
        return new ItfException(line, column(), message);
    }
}
