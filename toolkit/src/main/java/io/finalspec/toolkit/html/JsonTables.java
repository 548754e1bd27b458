package io.finalspec.toolkit.html;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The JSON files the commands write with {@code --json} ({@code check}, {@code explore},
 * {@code conform}, {@code bench}) read back as tables: an object is one row, an array of objects
 * one row each; the columns are their scalar fields in order of first appearance.
 */
final class JsonTables {

    /** A table read from a file. */
    record Table(Path file, List<String> columns, List<Map<String, String>> rows) {
    }

    private JsonTables() {
    }

    static JsonElement parse(Path file) throws ReportInputException {
        if (!Files.isRegularFile(file)) {
            throw new ReportInputException(file + ": result file not found");
        }
        try {
            return JsonParser.parseString(Files.readString(file));
        } catch (JsonParseException | IllegalStateException e) {
            throw new ReportInputException(file + ": not JSON: " + firstLine(e.getMessage()));
        } catch (IOException e) {
            throw new ReportInputException(file + ": cannot read: " + e.getMessage());
        }
    }

    static Table read(Path file) throws ReportInputException {
        JsonElement root = parse(file);
        List<JsonObject> objects = new ArrayList<>();
        if (root.isJsonObject()) {
            objects.add(root.getAsJsonObject());
        } else if (root.isJsonArray()) {
            for (JsonElement e : root.getAsJsonArray()) {
                if (!e.isJsonObject()) {
                    throw new ReportInputException(file + ": expected an array of objects, found " + e);
                }
                objects.add(e.getAsJsonObject());
            }
        } else {
            throw new ReportInputException(file + ": expected a JSON object or an array of objects");
        }
        Set<String> columns = new LinkedHashSet<>();
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonObject o : objects) {
            Map<String, String> row = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> f : o.entrySet()) {
                String text = cell(f.getValue());
                if (text != null) {
                    columns.add(f.getKey());
                    row.put(f.getKey(), text);
                }
            }
            rows.add(row);
        }
        return new Table(file, List.copyOf(columns), rows);
    }

    /** A scalar as text, an array of scalars joined, null for what a cell cannot show. */
    private static String cell(JsonElement e) {
        if (e.isJsonNull()) {
            return "";
        }
        if (e.isJsonPrimitive()) {
            return e.getAsString();
        }
        if (e.isJsonArray()) {
            JsonArray a = e.getAsJsonArray();
            List<String> parts = new ArrayList<>();
            for (JsonElement x : a) {
                parts.add(x.isJsonPrimitive() ? x.getAsString() : x.toString());
            }
            return String.join("; ", parts);
        }
        return e.toString();
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
