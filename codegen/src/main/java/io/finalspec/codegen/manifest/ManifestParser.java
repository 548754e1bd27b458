package io.finalspec.codegen.manifest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.finalspec.codegen.ast.Unit;
import io.finalspec.codegen.diag.Diagnostic;
import io.finalspec.codegen.parse.Frontend;
import io.finalspec.codegen.parse.ParseResult;

/**
 * Reads {@code models.toml}: a subset of TOML with {@code [[model]]} tables whose values are
 * strings or one-line arrays of strings. Every mistake is reported with its line and column.
 */
public final class ManifestParser {

    private static final Set<String> KEYS = Set.of("name", "spec", "config", "cpython", "expect", "bug", "tier", "summary",
        "witnesses");
    private static final Set<String> ARRAY_KEYS = Set.of("cpython", "witnesses", "actors", "bands");
    private static final Set<String> REQUIRED = Set.of("name", "spec", "config", "cpython", "expect");
    private static final Set<String> DRAWING_KEYS = Set.of("spec", "actors", "bands");

    private final Path file;
    private final Path folder;
    /** Top-level operator names of each spec file, parsed once however many models use it. */
    private final Map<Path, Declared> declared = new HashMap<>();

    /** What a spec declares at top level: operators without parameters, every operator, and its variables. */
    private record Declared(Set<String> constants, Set<String> operators, Set<String> variables) {
    }

    private ManifestParser(Path file) {
        this.file = file;
        this.folder = file.toAbsolutePath().getParent();
    }

    /** Parses the manifest and checks that every spec and config it names exists. */
    public static Manifest parse(Path file) throws ManifestException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ManifestException(file, 1, 1, "manifest not found");
        } catch (IOException e) {
            throw new ManifestException(file, 1, 1, "cannot read manifest: " + e.getMessage());
        }
        return new ManifestParser(file).parseText(decode(file, bytes));
    }

    /** The text of a UTF-8 file; a byte sequence that is not UTF-8 is an error at its line and column. */
    private static String decode(Path file, byte[] bytes) throws ManifestException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        if (decoder.decode(in, out, true).isError()) {
            String before = out.flip().toString();
            int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
            throw new ManifestException(file, line, before.length() - before.lastIndexOf('\n'), "not UTF-8 (byte 0x"
                + String.format("%02x", bytes[in.position()] & 0xff) + ")");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private Manifest parseText(String text) throws ManifestException {
        List<ModelEntry> models = new ArrayList<>();
        List<DrawingEntry> drawings = new ArrayList<>();
        Map<String, Value> table = null;
        String tableKind = null;
        int tableLine = 0;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = stripComment(lines[i], lineNo).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.equals("[[model]]") && !line.equals("[[drawing]]")) {
                    throw error(lineNo, column(lines[i], line), "unknown table " + line + " (only [[model]] and [[drawing]] are allowed)");
                }
                if (table != null) {
                    close(tableKind, table, tableLine, models, drawings);
                }
                table = new LinkedHashMap<>();
                tableKind = line;
                tableLine = lineNo;
                continue;
            }
            if (table == null) {
                throw error(lineNo, column(lines[i], line), "key outside a [[model]] table");
            }
            readKeyValue(lines[i], line, lineNo, table, tableKind.equals("[[model]]") ? KEYS : DRAWING_KEYS);
        }
        if (table != null) {
            close(tableKind, table, tableLine, models, drawings);
        }
        checkUniqueNames(models);
        checkUniqueDrawings(drawings);
        return new Manifest(file, models, drawings);
    }

    private void close(String kind, Map<String, Value> table, int line, List<ModelEntry> models,
                       List<DrawingEntry> drawings) throws ManifestException {
        if (kind.equals("[[model]]")) {
            models.add(toEntry(table, line));
        } else {
            drawings.add(toDrawing(table, line));
        }
    }

    /** A {@code [[drawing]]} table: the spec it is for, actor rules and bands as "left = right" strings. */
    private DrawingEntry toDrawing(Map<String, Value> t, int line) throws ManifestException {
        if (!t.containsKey("spec")) {
            throw error(line, 1, "[[drawing]] is missing required key 'spec'");
        }
        Path spec = existing(t.get("spec"), ".tla");
        List<DrawingEntry.ActorRule> actors = new ArrayList<>();
        for (String[] pair : pairs(t.get("actors"), "\"Action = actor\" or \"Prefix* = actor\"")) {
            if (!pair[0].matches("[A-Za-z_][A-Za-z0-9_]*\\*?")) {
                Value v = t.get("actors");
                throw error(v.line(), v.column(), "'" + pair[0] + "' is not an action name or a prefix ending in *");
            }
            DrawingEntry.ActorRule rule = new DrawingEntry.ActorRule(pair[0], pair[1]);
            Value v = t.get("actors");
            // A misspelt rule would silently leave its actions in the "main" lane.
            if (declaredIn(spec, v).operators().stream().noneMatch(rule::matches)) {
                throw error(v.line(), v.column(), "actor rule '" + pair[0] + "' matches no operator defined in " + spec.getFileName());
            }
            actors.add(rule);
        }
        List<DrawingEntry.Band> bands = new ArrayList<>();
        for (String[] pair : pairs(t.get("bands"), "\"Label = variable\"")) {
            DrawingEntry.Band band = new DrawingEntry.Band(pair[0], pair[1]);
            Value v = t.get("bands");
            // A misspelt band would silently be drawn empty.
            if (!declaredIn(spec, v).variables().contains(band.variableName())) {
                throw error(v.line(), v.column(), "band '" + pair[0] + "' names '" + band.variableName()
                    + "', which is not a variable of " + spec.getFileName());
            }
            bands.add(band);
        }
        return new DrawingEntry(spec, actors, bands, line);
    }

    private List<String[]> pairs(Value v, String form) throws ManifestException {
        List<String[]> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        for (String item : v.list()) {
            int eq = item.indexOf('=');
            String left = eq < 0 ? "" : item.substring(0, eq).strip();
            String right = eq < 0 ? "" : item.substring(eq + 1).strip();
            if (left.isEmpty() || right.isEmpty()) {
                throw error(v.line(), v.column(), "'" + item + "' must have the form " + form);
            }
            out.add(new String[] {left, right});
        }
        return out;
    }

    private void checkUniqueDrawings(List<DrawingEntry> drawings) throws ManifestException {
        Set<Path> seen = new HashSet<>();
        for (DrawingEntry d : drawings) {
            if (!seen.add(d.spec())) {
                throw error(d.line(), 1, "a second [[drawing]] for " + d.spec().getFileName());
            }
        }
    }

    /** A value and where it starts, so that later checks can point at it. */
    private record Value(Object value, int line, int column) {
        String string() {
            return (String) value;
        }

        @SuppressWarnings("unchecked")
        List<String> list() {
            return (List<String>) value;
        }
    }

    private void readKeyValue(String raw, String line, int lineNo, Map<String, Value> table, Set<String> keys) throws ManifestException {
        int eq = line.indexOf('=');
        int col = column(raw, line);
        if (eq < 0) {
            throw error(lineNo, col, "expected key = value");
        }
        String key = line.substring(0, eq).strip();
        if (!keys.contains(key)) {
            throw error(lineNo, col, "unknown key '" + key + "' (known: " + String.join(", ", sorted(keys)) + ")");
        }
        if (table.containsKey(key)) {
            throw error(lineNo, col, "duplicate key '" + key + "'");
        }
        String valueText = line.substring(eq + 1).strip();
        int valueCol = col + line.indexOf(valueText, eq + 1);
        Object value = valueText.startsWith("[")
            ? parseArray(valueText, lineNo, valueCol)
            : parseString(valueText, lineNo, valueCol, true);
        boolean wantsArray = ARRAY_KEYS.contains(key);
        if (wantsArray != (value instanceof List)) {
            throw error(lineNo, valueCol, "'" + key + "' must be " + (wantsArray ? "an array of strings" : "a string"));
        }
        table.put(key, new Value(value, lineNo, valueCol));
    }

    private List<String> parseArray(String text, int line, int col) throws ManifestException {
        if (!text.endsWith("]")) {
            throw error(line, col, "array must close on the same line with ]");
        }
        String body = text.substring(1, text.length() - 1).strip();
        List<String> items = new ArrayList<>();
        int offset = 1;
        while (!body.isEmpty()) {
            String item = parseString(body, line, col + offset, false);
            int consumed = quotedLength(body);
            body = body.substring(consumed).strip();
            if (body.startsWith(",")) {
                body = body.substring(1).strip();
            } else if (!body.isEmpty()) {
                throw error(line, col, "expected , between array items");
            }
            items.add(item);
        }
        return items;
    }

    /** Parses a basic TOML string at the start of text; if whole, nothing may follow it. */
    private String parseString(String text, int line, int col, boolean whole) throws ManifestException {
        if (!text.startsWith("\"")) {
            throw error(line, col, "expected a \"quoted string\"");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                if (whole && i != text.length() - 1) {
                    throw error(line, col + i + 1, "unexpected text after string");
                }
                return out.toString();
            }
            if (c == '\\' && i + 1 < text.length()) {
                char e = text.charAt(++i);
                switch (e) {
                    case '"', '\\' -> out.append(e);
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    default -> throw error(line, col + i, "unknown escape \\" + e);
                }
            } else {
                out.append(c);
            }
        }
        throw error(line, col, "unterminated string");
    }

    private static int quotedLength(String text) {
        for (int i = 1; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == '"') {
                return i + 1;
            }
        }
        return text.length();
    }

    /** Removes a # comment that is not inside a string. */
    private String stripComment(String line, int lineNo) {
        boolean inString = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && inString) {
                i++;
            } else if (c == '"') {
                inString = !inString;
            } else if (c == '#' && !inString) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private ModelEntry toEntry(Map<String, Value> t, int line) throws ManifestException {
        for (String key : sorted(REQUIRED)) {
            if (!t.containsKey(key)) {
                throw error(line, 1, "[[model]] is missing required key '" + key + "'");
            }
        }
        String name = t.get("name").string();
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw error(t.get("name").line(), t.get("name").column(), "model name '" + name + "' must match [A-Za-z0-9_.-]+");
        }
        Path spec = existing(t.get("spec"), ".tla");
        Path config = existing(t.get("config"), ".cfg");
        Expectation expect = Expectation.parse(t.get("expect").string());
        if (expect == null) {
            Value v = t.get("expect");
            throw error(v.line(), v.column(), "expect must be pass, deadlock, 'invariant <Name>' or 'property <Name>', not '" + v.string() + "'");
        }
        ModelEntry.Tier tier = tier(t.get("tier"));
        Optional<String> bug = Optional.ofNullable(t.get("bug")).map(Value::string);
        String summary = t.containsKey("summary") ? t.get("summary").string() : "";
        List<String> witnesses = witnesses(t.get("witnesses"), spec);
        return new ModelEntry(name, spec, config, t.get("cpython").list(), expect, bug, tier, summary, witnesses, line);
    }

    /**
     * The declared witnesses: each must be a state predicate the spec defines at top level with no
     * parameters, because {@code check} gives TLC {@code ~W} as an invariant.
     */
    private List<String> witnesses(Value v, Path spec) throws ManifestException {
        if (v == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (String w : v.list()) {
            if (!w.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw error(v.line(), v.column(), "witness '" + w + "' is not an operator name");
            }
            if (!seen.add(w)) {
                throw error(v.line(), v.column(), "witness '" + w + "' is listed twice");
            }
            if (!declaredIn(spec, v).constants().contains(w)) {
                throw error(v.line(), v.column(), "witness '" + w + "' is not an operator without parameters defined in "
                    + spec.getFileName());
            }
        }
        return v.list();
    }

    private Declared declaredIn(Path spec, Value where) throws ManifestException {
        Declared known = declared.get(spec);
        if (known != null) {
            return known;
        }
        ParseResult parsed = Frontend.parseFile(spec);
        if (!parsed.ok()) {
            Diagnostic d = parsed.diagnostics().get(0);
            throw error(where.line(), where.column(), "cannot read the spec " + spec.getFileName() + ": " + d.format());
        }
        Declared names = new Declared(new HashSet<>(), new HashSet<>(), new HashSet<>());
        for (Unit u : parsed.module().units()) {
            if (u instanceof Unit.OperatorDef def) {
                names.operators().add(def.name());
                if (def.params().isEmpty()) {
                    names.constants().add(def.name());
                }
            } else if (u instanceof Unit.Variables vars) {
                vars.names().forEach(n -> names.variables().add(n.name()));
            }
        }
        declared.put(spec, names);
        return names;
    }

    private ModelEntry.Tier tier(Value v) throws ManifestException {
        if (v == null || v.string().equals("default")) {
            return ModelEntry.Tier.DEFAULT;
        }
        if (v.string().equals("large")) {
            return ModelEntry.Tier.LARGE;
        }
        throw error(v.line(), v.column(), "tier must be \"default\" or \"large\"");
    }

    private Path existing(Value v, String suffix) throws ManifestException {
        String rel = v.string();
        if (!rel.endsWith(suffix)) {
            throw error(v.line(), v.column(), "'" + rel + "' should name a " + suffix + " file");
        }
        Path p;
        try {
            p = folder.resolve(rel).normalize();
        } catch (InvalidPathException e) {
            // A NUL or another character the file system cannot name: the string is wrong, not finalspec.
            throw error(v.line(), v.column(), "not a file name: " + e.getReason());
        }
        if (!Files.isRegularFile(p)) {
            throw error(v.line(), v.column(), "file not found: " + rel);
        }
        return p;
    }

    private void checkUniqueNames(List<ModelEntry> models) throws ManifestException {
        Set<String> seen = new HashSet<>();
        for (ModelEntry m : models) {
            if (!seen.add(m.name())) {
                throw error(m.line(), 1, "duplicate model name '" + m.name() + "'");
            }
        }
    }

    private static int column(String raw, String stripped) {
        return raw.indexOf(stripped.isEmpty() ? " " : stripped.substring(0, 1)) + 1;
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    private ManifestException error(int line, int column, String message) {
        return new ManifestException(file, line, Math.max(column, 1), message);
    }
}
