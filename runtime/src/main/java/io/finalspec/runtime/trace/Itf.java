package io.finalspec.runtime.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.value.BoolValue;
import io.finalspec.runtime.value.FcnValue;
import io.finalspec.runtime.value.IntValue;
import io.finalspec.runtime.value.ModelValue;
import io.finalspec.runtime.value.RecordValue;
import io.finalspec.runtime.value.SetValue;
import io.finalspec.runtime.value.StrValue;
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

    /** Decodes one value. */
    public static Value fromJson(JsonElement e) {
        if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isBoolean()) {
                return Tla.bool(p.getAsBoolean());
            }
            if (p.isNumber()) {
                return Tla.integer(toInt(p.getAsString()));
            }
            return Tla.str(p.getAsString());
        }
        if (e.isJsonArray()) {
            throw new TlaEvalException("ITF: a bare JSON array is not a value: " + e);
        }
        if (e.isJsonNull()) {
            throw new TlaEvalException("ITF: null is not a value");
        }
        JsonObject o = e.getAsJsonObject();
        if (o.has("#set")) {
            List<Value> elems = new ArrayList<>();
            for (JsonElement x : o.getAsJsonArray("#set")) {
                elems.add(fromJson(x));
            }
            return Tla.setOf(elems);
        }
        if (o.has("#tup")) {
            List<Value> elems = new ArrayList<>();
            for (JsonElement x : o.getAsJsonArray("#tup")) {
                elems.add(fromJson(x));
            }
            return Tla.seqOf(elems);
        }
        if (o.has("#map")) {
            JsonArray a = o.getAsJsonArray("#map");
            Value[] keys = new Value[a.size()];
            Value[] vals = new Value[a.size()];
            for (int i = 0; i < keys.length; i++) {
                JsonArray p = a.get(i).getAsJsonArray();
                keys[i] = fromJson(p.get(0));
                vals[i] = fromJson(p.get(1));
            }
            return Tla.fromPairs(keys, vals);
        }
        if (o.has("#bigint")) {
            return Tla.integer(toInt(o.get("#bigint").getAsString()));
        }
        if (o.has("#unserializable")) {
            return Tla.modelValue(o.get("#unserializable").getAsString());
        }
        List<String> names = new ArrayList<>();
        List<Value> vals = new ArrayList<>();
        for (Map.Entry<String, JsonElement> f : o.entrySet()) {
            if (!f.getKey().startsWith("#")) {
                names.add(f.getKey());
                vals.add(fromJson(f.getValue()));
            }
        }
        return Tla.record(names.toArray(new String[0]), vals.toArray(new Value[0]));
    }

    private static int toInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException ex) {
            throw new TlaEvalException("ITF: integer " + s + " does not fit TLC's 32-bit integers");
        }
    }

    /**
     * A decoded ITF trace: variable names, per state its action (or null) and values, and the
     * {@code loop} index of a lasso (-1 when the trace has none).
     */
    public record ItfTrace(List<String> variables, List<String> actions, List<Map<String, Value>> states, int loop) {

        /** Builds a {@link Trace} of {@code machine}'s states; labels are parsed from the action strings. */
        public Trace toTrace(Machine machine) {
            List<TlcTraceReader.ParsedStep> steps = new ArrayList<>();
            for (int i = 0; i < states.size(); i++) {
                steps.add(new TlcTraceReader.ParsedStep(null, states.get(i)));
            }
            Trace t = TlcTraceReader.toTrace(machine, steps);
            List<Trace.Step> labelled = new ArrayList<>();
            for (int i = 0; i < t.size(); i++) {
                String a = actions.get(i);
                labelled.add(new Trace.Step(i == 0 || a == null ? null : parseLabel(a), t.state(i)));
            }
            return new Trace(t.variables(), labelled, loop);
        }
    }

    /** Reads ITF JSON. */
    public static ItfTrace read(String json) {
        JsonElement parsed = JsonParser.parseString(json);
        if (!parsed.isJsonObject() || !parsed.getAsJsonObject().has("states")
                || !parsed.getAsJsonObject().get("states").isJsonArray()) {
            throw new TlaEvalException("ITF: expected an object with a \"states\" array");
        }
        JsonObject root = parsed.getAsJsonObject();
        List<String> vars = new ArrayList<>();
        if (root.has("vars")) {
            for (JsonElement v : root.getAsJsonArray("vars")) {
                vars.add(v.getAsString());
            }
        }
        List<String> actions = new ArrayList<>();
        List<Map<String, Value>> states = new ArrayList<>();
        for (JsonElement se : root.getAsJsonArray("states")) {
            JsonObject so = se.getAsJsonObject();
            String action = null;
            if (so.has("#meta") && so.getAsJsonObject("#meta").has("action")) {
                action = so.getAsJsonObject("#meta").get("action").getAsString();
            }
            Map<String, Value> vals = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> f : so.entrySet()) {
                if (!f.getKey().startsWith("#")) {
                    vals.put(f.getKey(), fromJson(f.getValue()));
                }
            }
            if (vars.isEmpty()) {
                vars.addAll(vals.keySet());
            }
            actions.add(action);
            states.add(vals);
        }
        int loop = root.has("loop") ? root.get("loop").getAsInt() : -1;
        if (loop < -1 || loop >= states.size()) {
            throw new TlaEvalException("ITF: loop " + loop + " is not the index of a state");
        }
        return new ItfTrace(vars, actions, states, loop);
    }

    /** Parses TLC's label text {@code Name} or {@code Name(p=1, q={a})}. */
    public static ActionLabel parseLabel(String text) {
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
            params.add(new ActionLabel.Binding(part.substring(0, eq).trim(), ValueParser.parse(part.substring(eq + 1))));
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
