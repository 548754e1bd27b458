package io.finalspec.runtime.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.trace.PositionedJson.Arr;
import io.finalspec.runtime.trace.PositionedJson.Bool;
import io.finalspec.runtime.trace.PositionedJson.Member;
import io.finalspec.runtime.trace.PositionedJson.Node;
import io.finalspec.runtime.trace.PositionedJson.Num;
import io.finalspec.runtime.trace.PositionedJson.Obj;
import io.finalspec.runtime.trace.PositionedJson.Str;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.value.BoolValue;
import io.finalspec.runtime.value.FcnValue;
import io.finalspec.runtime.value.IntValue;
import io.finalspec.runtime.value.ModelValue;
import io.finalspec.runtime.value.RecordValue;
import io.finalspec.runtime.value.SetValue;
import io.finalspec.runtime.value.StrValue;
import io.finalspec.runtime.value.NameTable;
import io.finalspec.runtime.value.Tla;
import io.finalspec.runtime.value.TlaEvalException;
import io.finalspec.runtime.value.TupleValue;
import io.finalspec.runtime.value.Value;

/**
 * The Informal Trace Format (Apalache ADR-015), via Gson.
 *
 * <p>Encoding: booleans and strings as JSON literals; integers as JSON numbers (TLC integers are
 * 32-bit, inside JavaScript's safe range; {@code {"#bigint": "..."}} is accepted on reading);
 * sets as {@code {"#set": [...]}} in TLC's normalized order; sequences/tuples (functions on
 * {@code 1..n}, including the empty function) as {@code {"#tup": [...]}}; records (functions on
 * non-empty sets of strings) as JSON objects; other functions as {@code {"#map": [[k, v], ...]}};
 * model values, which ITF has no type for, as {@code {"#unserializable": "name"}} (read back as the
 * model value of that name). Infinite sets are not serializable and raise an error. Each state's
 * {@code #meta} has its {@code index} and, after the first, the {@code action} label as TLC prints
 * it ({@code Acquire(p=1)}). A lasso (liveness counterexample) has the top-level {@code loop}: the
 * index of the state where its cycle starts.
 */
public final class Itf {
    private Itf() {
    }

    /** Writes a trace as ITF JSON (pretty-printed). */
    public static String write(Trace trace, String source) {
        JsonObject root = new JsonObject();
        JsonObject meta = new JsonObject();
        meta.addProperty("format", "ITF");
        meta.addProperty("format-description", "https://apalache-mc.org/docs/adr/015adr-trace.html");
        if (source != null) {
            meta.addProperty("source", source);
        }
        meta.addProperty("description", "Written by finalspec");
        root.add("#meta", meta);
        JsonArray vars = new JsonArray();
        for (String v : trace.variables()) {
            vars.add(v);
        }
        root.add("vars", vars);
        JsonArray states = new JsonArray();
        for (int i = 0; i < trace.size(); i++) {
            Trace.Step step = trace.steps().get(i);
            JsonObject st = new JsonObject();
            JsonObject sm = new JsonObject();
            sm.addProperty("index", i);
            if (step.label() != null) {
                sm.addProperty("action", step.label().toString());
            }
            st.add("#meta", sm);
            for (int j = 0; j < trace.variables().size(); j++) {
                st.add(trace.variables().get(j), toJson(step.state().get(j)));
            }
            states.add(st);
        }
        root.add("states", states);
        if (trace.isLasso()) {
            // ADR-015: the index of the state the last state goes back to
            root.addProperty("loop", trace.loop());
        }
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }

    /** Encodes one value. */
    public static JsonElement toJson(Value v) {
        if (v instanceof BoolValue b) {
            return new JsonPrimitive(b.value());
        }
        if (v instanceof IntValue i) {
            return new JsonPrimitive(i.value());
        }
        if (v instanceof StrValue s) {
            return new JsonPrimitive(s.value());
        }
        if (v instanceof ModelValue m) {
            JsonObject o = new JsonObject();
            o.addProperty("#unserializable", m.name());
            return o;
        }
        if (v instanceof SetValue s) {
            if (!s.isFinite()) {
                throw new TlaEvalException("ITF cannot represent the infinite set " + s);
            }
            JsonArray a = new JsonArray();
            for (Value e : s) {
                a.add(toJson(e));
            }
            JsonObject o = new JsonObject();
            o.add("#set", a);
            return o;
        }
        if (v instanceof TupleValue t) {
            JsonArray a = new JsonArray();
            for (int i = 0; i < t.size(); i++) {
                a.add(toJson(t.at(i)));
            }
            JsonObject o = new JsonObject();
            o.add("#tup", a);
            return o;
        }
        if (v instanceof RecordValue r) {
            JsonObject o = new JsonObject();
            for (int i = 0; i < r.size(); i++) {
                o.add(r.nameAt(i), toJson(r.valueAt(i)));
            }
            return o;
        }
        FcnValue f = (FcnValue) v;
        JsonArray pairs = new JsonArray();
        for (int i = 0; i < f.size(); i++) {
            JsonArray p = new JsonArray();
            p.add(toJson(f.keyAt(i)));
            p.add(toJson(f.valueAt(i)));
            pairs.add(p);
        }
        JsonObject o = new JsonObject();
        o.add("#map", pairs);
        return o;
    }

    /** Decodes one value from a Gson tree (values our own processes wrote; no positions). */
    public static Value fromJson(JsonElement e, NameTable names) {
        return decode(PositionedJson.fromGson(e), names);
    }

    /** Decodes one value; every malformed part is an {@link ItfException} at its position. */
    private static Value decode(Node n, NameTable names) {
        if (n instanceof Bool b) {
            return Tla.bool(b.value());
        }
        if (n instanceof Num num) {
            return Tla.integer(toInt(num.text(), n));
        }
        if (n instanceof Str str) {
            return names.str(str.value());
        }
        if (!(n instanceof Obj o)) {
            throw error(n, n.kind() + " is not an ITF value" + (n instanceof Arr ? " (write a sequence as {\"#tup\": [...]}, a set as {\"#set\": [...]})" : ""));
        }
        if (o.member("#set") != null) {
            return build(n, () -> Tla.setOf(items(o, "#set", names)));
        }
        if (o.member("#tup") != null) {
            return build(n, () -> Tla.seqOf(items(o, "#tup", names)));
        }
        if (o.member("#map") != null) {
            return decodeMap(o, names);
        }
        if (o.member("#bigint") != null) {
            Node big = o.member("#bigint").value();
            if (!(big instanceof Str text)) {
                throw error(big, "#bigint takes a string of digits, not " + big.kind());
            }
            return Tla.integer(toInt(text.value(), big));
        }
        if (o.member("#unserializable") != null) {
            Node name = o.member("#unserializable").value();
            if (!(name instanceof Str text)) {
                throw error(name, "#unserializable takes a string, not " + name.kind());
            }
            return names.modelValue(text.value());
        }
        List<String> fields = new ArrayList<>();
        List<Value> vals = new ArrayList<>();
        for (Member f : o.members()) {
            if (f.key().startsWith("#")) {
                throw new ItfException(f.line(), f.column(), "unknown ITF form \"" + f.key() + "\"");
            }
            fields.add(f.key());
            vals.add(decode(f.value(), names));
        }
        return build(n, () -> names.record(fields.toArray(new String[0]), vals.toArray(new Value[0])));
    }

    private static List<Value> items(Obj o, String form, NameTable names) {
        Node arr = o.member(form).value();
        if (!(arr instanceof Arr a)) {
            throw error(arr, form + " takes an array, not " + arr.kind());
        }
        List<Value> out = new ArrayList<>();
        for (Node x : a.items()) {
            out.add(decode(x, names));
        }
        return out;
    }

    private static Value decodeMap(Obj o, NameTable names) {
        Node arr = o.member("#map").value();
        if (!(arr instanceof Arr a)) {
            throw error(arr, "#map takes an array of [key, value] pairs, not " + arr.kind());
        }
        Value[] keys = new Value[a.items().size()];
        Value[] vals = new Value[keys.length];
        for (int i = 0; i < keys.length; i++) {
            Node pair = a.items().get(i);
            if (!(pair instanceof Arr p) || p.items().size() != 2) {
                throw error(pair, "a #map entry must be a [key, value] pair");
            }
            keys[i] = decode(p.items().get(0), names);
            vals[i] = decode(p.items().get(1), names);
        }
        return build(o, () -> Tla.fromPairs(keys, vals));
    }

    /** Builds a value; a semantic error (duplicate keys, incomparable set elements) is positioned at {@code at}. */
    private static Value build(Node at, java.util.function.Supplier<Value> make) {
        try {
            return make.get();
        } catch (ItfException e) {
            throw e;
        } catch (TlaEvalException e) {
            // TLC-worded messages span lines; a positioned error is one.
            throw error(at, e.getMessage().replaceAll("\\s*\\n\\s*", " "));
        }
    }

    private static int toInt(String s, Node at) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException ex) {
            throw error(at, s.matches("-?[0-9]+") ? "integer " + s + " does not fit TLC's 32-bit integers"
                : "number " + s + " is not an integer");
        }
    }

    private static ItfException error(Node at, String message) {
        return new ItfException(at.line(), at.column(), message);
    }

    /** Where a part of the trace was written, for errors found when it meets a spec. */
    public record Where(int line, int column) {
    }

    /**
     * A decoded ITF trace: variable names, per state its action (or null) and values, and the
     * {@code loop} index of a lasso (-1 when the trace has none); with the positions of the
     * variable list, of each state and of each action, for errors found later.
     */
    public record ItfTrace(List<String> variables, List<String> actions, List<Map<String, Value>> states, int loop,
                           Where variablesAt, List<Where> statesAt, List<Where> actionsAt) {

        /** A trace without positions (built in memory). */
        public ItfTrace(List<String> variables, List<String> actions, List<Map<String, Value>> states, int loop) {
            this(variables, actions, states, loop, new Where(0, 0), nowhere(states.size()), nowhere(states.size()));
        }

        private static List<Where> nowhere(int n) {
            return java.util.Collections.nCopies(n, new Where(0, 0));
        }

        /**
         * Builds a {@link Trace} of {@code machine}'s states; labels are parsed from the action
         * strings. The trace's variables must be exactly the spec's: a variable the spec lacks is
         * not silently dropped.
         */
        public Trace toTrace(Machine machine) {
            checkVariables(machine.variables());
            List<TlcTraceReader.ParsedStep> steps = new ArrayList<>();
            for (int i = 0; i < states.size(); i++) {
                steps.add(new TlcTraceReader.ParsedStep(null, states.get(i)));
            }
            Trace t = TlcTraceReader.toTrace(machine, steps);
            List<Trace.Step> labelled = new ArrayList<>();
            for (int i = 0; i < t.size(); i++) {
                String a = actions.get(i);
                labelled.add(new Trace.Step(i == 0 || a == null ? null : label(a, actionsAt.get(i), machine.names()), t.state(i)));
            }
            return new Trace(t.variables(), labelled, loop);
        }

        private void checkVariables(List<String> specVariables) {
            List<String> unknown = variables.stream().filter(v -> !specVariables.contains(v)).toList();
            List<String> missing = specVariables.stream().filter(v -> !variables.contains(v)).toList();
            if (!unknown.isEmpty() || !missing.isEmpty()) {
                throw new ItfException(variablesAt.line(), variablesAt.column(), "the trace's variables " + variables
                    + " are not the spec's " + specVariables
                    + (unknown.isEmpty() ? "" : "; not in the spec: " + String.join(", ", unknown))
                    + (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing)));
            }
        }

        private static ActionLabel label(String text, Where at, NameTable names) {
            try {
                return parseLabel(text, names);
            } catch (RuntimeException e) {
                throw new ItfException(at.line(), at.column(), "bad action label \"" + text + "\": " + e.getMessage());
            }
        }
    }

    /** Reads ITF JSON; malformed JSON or ITF is an {@link ItfException} with its line and column. */
    public static ItfTrace read(String json, NameTable names) {
        Node parsed = PositionedJson.parse(json);
        if (!(parsed instanceof Obj root)) {
            throw error(parsed, "an ITF trace is an object with a \"states\" array, not " + parsed.kind());
        }
        Member statesMember = root.member("states");
        if (statesMember == null) {
            throw error(root, "an ITF trace needs a \"states\" array");
        }
        if (!(statesMember.value() instanceof Arr statesArr)) {
            throw error(statesMember.value(), "\"states\" must be an array, not " + statesMember.value().kind());
        }
        if (statesArr.items().isEmpty()) {
            throw error(statesArr, "a trace has at least one state; \"states\" is empty");
        }
        Member varsMember = root.member("vars");
        List<String> vars = varsMember == null ? null : variableNames(varsMember.value());
        Where varsAt = varsMember == null ? where(statesArr.items().get(0)) : where(varsMember.value());
        List<String> actions = new ArrayList<>();
        List<Where> actionsAt = new ArrayList<>();
        List<Where> statesAt = new ArrayList<>();
        List<Map<String, Value>> states = new ArrayList<>();
        for (Node se : statesArr.items()) {
            if (!(se instanceof Obj so)) {
                throw error(se, "a state must be an object, not " + se.kind());
            }
            Node actionNode = action(so);
            Map<String, Value> vals = new LinkedHashMap<>();
            for (Member f : so.members()) {
                if (!f.key().startsWith("#")) {
                    if (vars != null && !vars.contains(f.key())) {
                        throw new ItfException(f.line(), f.column(), "variable " + f.key() + " is not in the trace's \"vars\" " + vars);
                    }
                    vals.put(f.key(), decode(f.value(), names));
                }
            }
            if (vars == null) {
                vars = List.copyOf(vals.keySet());
            }
            for (String v : vars) {
                if (!vals.containsKey(v)) {
                    throw error(se, "state " + states.size() + " has no value for variable " + v);
                }
            }
            actions.add(actionNode == null ? null : ((Str) actionNode).value());
            actionsAt.add(actionNode == null ? where(se) : where(actionNode));
            statesAt.add(where(se));
            states.add(vals);
        }
        int loop = loop(root.member("loop"), states.size());
        return new ItfTrace(vars, actions, states, loop, varsAt, statesAt, actionsAt);
    }

    /** ADR-015's {@code loop}: the index of the state a lasso's last state goes back to; -1 without one. */
    private static int loop(Member loop, int states) {
        if (loop == null) {
            return -1;
        }
        int index = -1;
        if (loop.value() instanceof Num n && n.text().matches("[0-9]{1,9}")) {
            index = Integer.parseInt(n.text());
        }
        if (index < 0 || index >= states) {
            throw error(loop.value(), "\"loop\" must be the index of a state (0 to " + (states - 1) + ")");
        }
        return index;
    }

    /** Reads ITF from the bytes of a file: invalid UTF-8 is an {@link ItfException} at the bad byte. */
    public static ItfTrace read(byte[] utf8, NameTable names) {
        return read(PositionedJson.decodeUtf8(utf8), names);
    }

    private static List<String> variableNames(Node n) {
        if (!(n instanceof Arr a)) {
            throw error(n, "\"vars\" must be an array of variable names, not " + n.kind());
        }
        List<String> names = new ArrayList<>();
        for (Node v : a.items()) {
            if (!(v instanceof Str s)) {
                throw error(v, "a variable name must be a string, not " + v.kind());
            }
            if (names.contains(s.value())) {
                throw error(v, "variable " + s.value() + " is listed twice in \"vars\"");
            }
            names.add(s.value());
        }
        return List.copyOf(names);
    }

    /** The {@code #meta.action} string of a state, or null. */
    private static Node action(Obj state) {
        Member meta = state.member("#meta");
        if (meta == null) {
            return null;
        }
        if (!(meta.value() instanceof Obj m)) {
            throw error(meta.value(), "\"#meta\" must be an object, not " + meta.value().kind());
        }
        Member action = m.member("action");
        if (action == null) {
            return null;
        }
        if (!(action.value() instanceof Str)) {
            throw error(action.value(), "\"action\" must be a string, not " + action.value().kind());
        }
        return action.value();
    }

    private static Where where(Node n) {
        return new Where(n.line(), n.column());
    }

    /** Parses TLC's label text {@code Name} or {@code Name(p=1, q={a})}. */
    public static ActionLabel parseLabel(String text, NameTable names) {
        int open = text.indexOf('(');
        if (open < 0 || !text.endsWith(")")) {
            return ActionLabel.of(text.trim());
        }
        String name = text.substring(0, open).trim();
        String body = text.substring(open + 1, text.length() - 1);
        List<ActionLabel.Binding> params = new ArrayList<>();
        for (String part : splitTopLevel(body)) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new TlaEvalException("bad action label parameter '" + part + "' in " + text);
            }
            params.add(new ActionLabel.Binding(part.substring(0, eq).trim(), ValueParser.parse(part.substring(eq + 1), names)));
        }
        return new ActionLabel(name, params);
    }

    private static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean inStr = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inStr) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inStr = false;
                }
            } else if (c == '"') {
                inStr = true;
            } else if (c == '{' || c == '[' || c == '(' || (c == '<' && i + 1 < s.length() && s.charAt(i + 1) == '<')) {
                depth++;
                if (c == '<') {
                    i++;
                }
            } else if (c == '}' || c == ']' || c == ')' || (c == '>' && i + 1 < s.length() && s.charAt(i + 1) == '>' && depth > 0)) {
                depth--;
                if (c == '>') {
                    i++;
                }
            } else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        if (start < s.length() && !s.substring(start).isBlank()) {
            out.add(s.substring(start));
        }
        return out;
    }
}
