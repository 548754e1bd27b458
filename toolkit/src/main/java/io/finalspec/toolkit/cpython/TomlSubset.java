package io.finalspec.toolkit.cpython;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import io.finalspec.toolkit.cli.UserError;

/**
 * Reads the TOML subset the refinement mappings use: {@code [table]}, {@code [[array-of-tables]]},
 * {@code key = "string"} (basic, with {@code \"} and {@code \\} escapes) and one-line arrays of
 * strings; {@code #} comments. The result is a JSON object, which is also what the scenario runner
 * (Python, that may be older than tomllib) reads. Mistakes are {@code file:line:column: message}.
 */
final class TomlSubset {

    private final Path file;
    private int line;

    private TomlSubset(Path file) {
        this.file = file;
    }

    static JsonObject read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the mapping: " + e.getMessage());
        }
        return new TomlSubset(file).parse(text);
    }

    private JsonObject parse(String text) {
        JsonObject root = new JsonObject();
        JsonObject table = root;
        String[] lines = text.split("\n", -1);
        for (line = 1; line <= lines.length; line++) {
            String raw = lines[line - 1];
            String s = raw.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            int col = raw.indexOf(s.charAt(0)) + 1;
            if (s.startsWith("[[")) {
                table = arrayTable(root, header(s, "[[", "]]", col), col);
            } else if (s.startsWith("[")) {
                table = table(root, header(s, "[", "]", col), col);
            } else {
                keyValue(table, raw, col);
            }
        }
        return root;
    }

    private String header(String s, String open, String close, int col) {
        String t = stripComment(s);
        if (!t.endsWith(close) || t.length() <= open.length() + close.length()) {
            throw error(col, "a table header is " + open + "name" + close);
        }
        return t.substring(open.length(), t.length() - close.length()).strip();
    }

    private JsonObject table(JsonObject root, String name, int col) {
        if (root.has(name)) {
            throw error(col, "table [" + name + "] is defined twice");
        }
        JsonObject t = new JsonObject();
        root.add(name, t);
        return t;
    }

    private JsonObject arrayTable(JsonObject root, String name, int col) {
        JsonElement e = root.get(name);
        if (e != null && !e.isJsonArray()) {
            throw error(col, name + " is not an array of tables");
        }
        JsonArray a = e == null ? new JsonArray() : e.getAsJsonArray();
        root.add(name, a);
        JsonObject t = new JsonObject();
        a.add(t);
        return t;
    }

    private void keyValue(JsonObject table, String raw, int col) {
        int eq = raw.indexOf('=');
        if (eq < 0) {
            throw error(col, "expected key = value");
        }
        String key = raw.substring(0, eq).strip();
        if (!key.matches("[A-Za-z0-9_-]+")) {
            throw error(col, "bad key '" + key + "'");
        }
        if (table.has(key)) {
            throw error(col, "key " + key + " is given twice");
        }
        int at = eq + 1;
        while (at < raw.length() && raw.charAt(at) == ' ') {
            at++;
        }
        Cursor c = new Cursor(raw, at);
        JsonElement value;
        if (c.peek() == '"') {
            value = new JsonPrimitive(string(c));
        } else if (c.peek() == '[') {
            value = array(c);
        } else {
            throw error(at + 1, "a value is a \"string\" or an array of strings");
        }
        c.skipSpaces();
        if (c.more() && c.peek() != '#') {
            throw error(c.at + 1, "unexpected text after the value");
        }
        table.add(key, value);
    }

    private JsonArray array(Cursor c) {
        JsonArray a = new JsonArray();
        c.at++;
        c.skipSpaces();
        while (c.more() && c.peek() != ']') {
            if (c.peek() != '"') {
                throw error(c.at + 1, "an array holds strings");
            }
            a.add(string(c));
            c.skipSpaces();
            if (c.more() && c.peek() == ',') {
                c.at++;
                c.skipSpaces();
            }
        }
        if (!c.more()) {
            throw error(c.at + 1, "unclosed array (arrays are on one line)");
        }
        c.at++;
        return a;
    }

    private String string(Cursor c) {
        StringBuilder sb = new StringBuilder();
        int start = c.at;
        c.at++;
        while (c.more() && c.peek() != '"') {
            char ch = c.text.charAt(c.at++);
            if (ch == '\\' && c.more()) {
                char esc = c.text.charAt(c.at++);
                switch (esc) {
                    case '"', '\\' -> sb.append(esc);
                    case 'n' -> sb.append('\n');
                    default -> throw error(c.at, "unknown escape \\" + esc);
                }
            } else {
                sb.append(ch);
            }
        }
        if (!c.more()) {
            throw error(start + 1, "unclosed string");
        }
        c.at++;
        return sb.toString();
    }

    private static String stripComment(String s) {
        int hash = s.indexOf('#');
        return (hash < 0 ? s : s.substring(0, hash)).strip();
    }

    private UserError error(int column, String message) {
        return new UserError(file + ":" + line + ":" + column + ": " + message);
    }

    private static final class Cursor {
        final String text;
        int at;

        Cursor(String text, int at) {
            this.text = text;
            this.at = at;
        }

        boolean more() {
            return at < text.length();
        }

        char peek() {
            return text.charAt(at);
        }

        void skipSpaces() {
            while (more() && Character.isWhitespace(peek())) {
                at++;
            }
        }
    }
}
