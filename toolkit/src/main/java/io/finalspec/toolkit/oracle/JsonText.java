package io.finalspec.toolkit.oracle;

import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

/**
 * Appends JSON text to a {@link StringBuilder}. The server writes every answer through this
 * instead of building Gson trees: answers are large (whole successor sets) and hot.
 */
final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    static StringBuilder string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    static StringBuilder stringArray(StringBuilder out, Iterable<String> items) {
        out.append('[');
        boolean first = true;
        for (String s : items) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, s);
        }
        return out.append(']');
    }

    /**
     * Compact JSON of a Gson tree; several times faster than {@code JsonElement.toString()},
     * which goes through a {@code JsonWriter} and a {@code StringWriter}.
     */
    static StringBuilder element(StringBuilder out, JsonElement e) {
        if (e.isJsonObject()) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonElement> field : e.getAsJsonObject().entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, field.getKey()).append(':');
                element(out, field.getValue());
            }
            return out.append('}');
        }
        if (e.isJsonArray()) {
            out.append('[');
            boolean first = true;
            for (JsonElement item : e.getAsJsonArray()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                element(out, item);
            }
            return out.append(']');
        }
        if (e.isJsonNull()) {
            return out.append("null");
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isString()) {
            return string(out, p.getAsString());
        }
        if (p.isBoolean()) {
            return out.append(p.getAsBoolean());
        }
        return out.append(p.getAsNumber().toString());
    }

    /** {@code {"error":"message"}}. */
    static String error(String message) {
        return string(new StringBuilder("{\"error\":"), message).append('}').toString();
    }
}
