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
import io.finalspec.runtime.trace.PositionedJson.Known;
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
 * The Informal Trace Format (Apalache ADR-015), read and written so that Quint and Apalache accept
 * finalspec's traces and finalspec accepts theirs.
 *
 * <p>Files ({@link #write}, {@link #read}): booleans and strings as JSON literals; integers as JSON
 * numbers (TLC integers are 32-bit, inside JavaScript's safe range; {@code {"#bigint": "..."}} is
 * read too); sets as {@code {"#set": [...]}} in TLC's normalized order; sequences as plain JSON
 * arrays; tuples as {@code {"#tup": [...]}}; records as JSON objects; other functions as
 * {@code {"#map": [[k, v], ...]}}; model values, which are values of an uninterpreted type, as
 * Apalache writes those: the string {@code "name_OF_TYPE"} ({@link #UNTYPED} when the type is not
 * declared). TLC's values do not say whether a function on {@code 1..n} is a sequence, a tuple or
 * a map, or whether a function on strings is a record or a map: a declared type (an Apalache
 * {@code @type} annotation, passed as {@code varTypes}) decides, and is written to
 * {@code #meta.varTypes}; without one a function on {@code 1..n} is a sequence and a function on
 * strings a record, unless its domain changes along the trace (then it is a map). Each state's
 * {@code #meta} has its {@code index} and, after the first, the {@code action} label as TLC prints
 * it ({@code Acquire(p=1)}). A lasso has the top-level {@code loop}: the index of the state the
 * last state steps back to. Reading, Quint's {@code mbt::actionTaken} and
 * {@code mbt::nondetPicks} give a state's action when there is no {@code #meta.action};
 * {@code {"#unserializable": ...}}, which marks a value its writer could not write, is an error.
 *
 * <p>Single values ({@link #toJson}, {@link #fromJson}) use the wire form finalspec's own
 * processes exchange (the TLC oracle): as above, but sequences as {@code #tup} and model values as
 * {@code {"#unserializable": "name"}}, which {@link #fromJson} reads back.
 */
public final class Itf {
    /** The uninterpreted type written for a model value whose type is not declared. */
    public static final String UNTYPED = "UNTYPED";

    /** Apalache's form of a value of an uninterpreted type: {@code name_OF_TYPE}. */
    private static final java.util.regex.Pattern UNINTERPRETED = java.util.regex.Pattern.compile("(.+)_OF_([A-Z_][A-Z0-9_]*)");

    /** Quint's model-based-testing variables: metadata, not state. */
    private static final String MBT_PREFIX = "mbt::";
    private static final String ACTION_TAKEN = "mbt::actionTaken";
    private static final String NONDET_PICKS = "mbt::nondetPicks";

    private Itf() {
    }

    /** Writes a trace as ITF JSON (pretty-printed), with no declared types. */
    public static String write(Trace trace, String source) {
        return write(trace, source, Map.of());
    }

    /**
     * Writes a trace as ITF JSON (pretty-printed); {@code varTypes} holds the declared types of
     * some or all variables, which decide the form of their values and go to {@code #meta.varTypes}.
     */
    public static String write(Trace trace, String source, Map<String, ItfType> varTypes) {
        JsonObject root = new JsonObject();
        JsonObject meta = new JsonObject();
        meta.addProperty("format", "ITF");
        meta.addProperty("format-description", "https://apalache-mc.org/docs/adr/015adr-trace.html");
        if (source != null) {
            meta.addProperty("source", source);
        }
        meta.addProperty("description", "Written by finalspec");
        JsonObject types = new JsonObject();
        for (String v : trace.variables()) {
            if (varTypes.containsKey(v)) {
                types.addProperty(v, varTypes.get(v).toString());
            }
        }
        if (types.size() > 0) {
            meta.add("varTypes", types);
        }
        root.add("#meta", meta);
        JsonArray vars = new JsonArray();
        for (String v : trace.variables()) {
            vars.add(v);
        }
        root.add("vars", vars);
        List<ItfType> shapes = new ArrayList<>();
        for (int j = 0; j < trace.variables().size(); j++) {
            ItfType declared = varTypes.get(trace.variables().get(j));
            shapes.add(declared != null ? declared : mapIfDomainChanges(trace, j));
        }
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
                st.add(trace.variables().get(j), encode(step.state().get(j), shapes.get(j), false));
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

    /**
     * Without a declared type, a variable whose value is a function with a domain that changes along
     * the trace is a map (a record or a tuple keeps its fields); null otherwise (the value decides).
     */
    private static ItfType mapIfDomainChanges(Trace trace, int variable) {
        SetValue domain = null;
        for (int i = 0; i < trace.size(); i++) {
            if (!(trace.state(i).get(variable) instanceof FcnValue f)) {
                return null;
            }
            SetValue d = Tla.domain(f);
            if (domain != null && !io.finalspec.runtime.value.ValueOrder.equal(domain, d)) {
                return ANY_MAP;
            }
            domain = d;
        }
        return null;
    }

    /** A map whose key and value types are not declared: each part is written by its own value. */
    private static final ItfType ANY_MAP = new ItfType.Fun(null, null);

    /** Encodes one value in finalspec's wire form (see the class comment). */
    public static JsonElement toJson(Value v) {
        return encode(v, null, true);
    }

    /**
     * Encodes {@code v} in the form its type asks for (null: the value's own form); {@code wire}
     * selects the wire form of sequences and model values.
     */
    private static JsonElement encode(Value v, ItfType type, boolean wire) {
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
            if (wire) {
                JsonObject o = new JsonObject();
                o.addProperty("#unserializable", m.name());
                return o;
            }
            return new JsonPrimitive(m.name() + "_OF_" + (type instanceof ItfType.Uninterpreted u ? u.name() : UNTYPED));
        }
        if (v instanceof SetValue s) {
            if (!s.isFinite()) {
                throw new TlaEvalException("ITF cannot represent the infinite set " + s);
            }
            ItfType element = type instanceof ItfType.SetOf so ? so.element() : null;
            JsonArray a = new JsonArray();
            for (Value e : s) {
                a.add(encode(e, element, wire));
            }
            return tagged("#set", a);
        }
        FcnValue f = (FcnValue) v;
        if (type instanceof ItfType.Fun fun) {
            return map(f, fun.from(), fun.to(), wire);
        }
        if (f instanceof TupleValue t && !(type instanceof ItfType.Rec)) {
            return tuple(t, type, wire);
        }
        if (f instanceof RecordValue r && !(type instanceof ItfType.SeqOf || type instanceof ItfType.Tuple)) {
            JsonObject o = new JsonObject();
            Map<String, ItfType> fields = type instanceof ItfType.Rec rec ? rec.fields() : Map.of();
            for (int i = 0; i < r.size(); i++) {
                o.add(r.nameAt(i), encode(r.valueAt(i), fields.get(r.nameAt(i)), wire));
            }
            return o;
        }
        return map(f, null, null, wire);
    }

    /** A function on {@code 1..n}: a list (sequence), or a {@code #tup} when the type is a tuple or on the wire. */
    private static JsonElement tuple(TupleValue t, ItfType type, boolean wire) {
        JsonArray a = new JsonArray();
        for (int i = 0; i < t.size(); i++) {
            ItfType element = type instanceof ItfType.SeqOf s ? s.element()
                : type instanceof ItfType.Tuple tt && i < tt.elements().size() ? tt.elements().get(i) : null;
            a.add(encode(t.at(i), element, wire));
        }
        return wire || type instanceof ItfType.Tuple ? tagged("#tup", a) : a;
    }

    private static JsonElement map(FcnValue f, ItfType keyType, ItfType valueType, boolean wire) {
        JsonArray pairs = new JsonArray();
        for (int i = 0; i < f.size(); i++) {
            JsonArray p = new JsonArray();
            p.add(encode(f.keyAt(i), keyType, wire));
            p.add(encode(f.valueAt(i), valueType, wire));
            pairs.add(p);
        }
        return tagged("#map", pairs);
    }

    private static JsonObject tagged(String form, JsonElement content) {
        JsonObject o = new JsonObject();
        o.add(form, content);
        return o;
    }

    /** Decodes one value in the wire form (values our own processes wrote; no positions). */
    public static Value fromJson(JsonElement e, NameTable names) {
        return decode(PositionedJson.fromGson(e), names, true);
    }

    /**
     * Decodes one value; every malformed part is an {@link ItfException} at its position. In the
     * wire form {@code #unserializable} is a model value; in a file it is an error, and a model
     * value is a string {@code name_OF_TYPE}.
     */
    private static Value decode(Node n, NameTable names, boolean wire) {
        if (n instanceof Bool b) {
            return Tla.bool(b.value());
        }
        if (n instanceof Num num) {
            return Tla.integer(toInt(num.text(), n));
        }
        if (n instanceof Str str) {
            if (wire || !str.value().contains("_OF_")) {
                return names.str(str.value());
            }
            java.util.regex.Matcher m = UNINTERPRETED.matcher(str.value());
            return m.matches() ? names.modelValue(m.group(1)) : names.str(str.value());
        }
        if (n instanceof Known k) {
            return (Value) k.value();
        }
        if (n instanceof Arr a) {
            // ADR-015: a plain array is a list, TLA+'s sequence
            return build(n, () -> Tla.seqOf(decodeAll(a, names, wire)));
        }
        if (!(n instanceof Obj o)) {
            throw error(n, n.kind() + " is not an ITF value");
        }
        if (o.member("#set") != null) {
            return build(n, () -> Tla.setOf(items(o, "#set", names, wire)));
        }
        if (o.member("#tup") != null) {
            return build(n, () -> Tla.seqOf(items(o, "#tup", names, wire)));
        }
        if (o.member("#map") != null) {
            return decodeMap(o, names, wire);
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
            if (!wire) {
                throw error(n, "the trace's writer could not write this value (#unserializable: \"" + text.value()
                    + "\"); a trace value must be a TLA+ value (a model value is the string \"name_OF_TYPE\")");
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
            vals.add(decode(f.value(), names, wire));
        }
        return build(n, () -> names.record(fields.toArray(new String[0]), vals.toArray(new Value[0])));
    }

    private static List<Value> decodeAll(Arr a, NameTable names, boolean wire) {
        List<Value> out = new ArrayList<>();
        for (Node x : a.items()) {
            out.add(decode(x, names, wire));
        }
        return out;
    }

    private static List<Value> items(Obj o, String form, NameTable names, boolean wire) {
        Node arr = o.member(form).value();
        if (!(arr instanceof Arr a)) {
            throw error(arr, form + " takes an array, not " + arr.kind());
        }
        return decodeAll(a, names, wire);
    }

    private static Value decodeMap(Obj o, NameTable names, boolean wire) {
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
            keys[i] = decode(p.items().get(0), names, wire);
            vals[i] = decode(p.items().get(1), names, wire);
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
     * variable list, of each state and of each action, for errors found later, and the types
     * declared in {@code #meta.varTypes} (empty when none).
     */
    public record ItfTrace(List<String> variables, List<String> actions, List<Map<String, Value>> states, int loop,
                           Where variablesAt, List<Where> statesAt, List<Where> actionsAt, Map<String, ItfType> varTypes) {

        /** A trace without positions (built in memory). */
        public ItfTrace(List<String> variables, List<String> actions, List<Map<String, Value>> states, int loop) {
            this(variables, actions, states, loop, new Where(0, 0), nowhere(states.size()), nowhere(states.size()));
        }

        /** A trace without declared types. */
        public ItfTrace(List<String> variables, List<String> actions, List<Map<String, Value>> states, int loop,
                        Where variablesAt, List<Where> statesAt, List<Where> actionsAt) {
            this(variables, actions, states, loop, variablesAt, statesAt, actionsAt, Map.of());
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
        return new Reader(names).read(json);
    }

    /**
     * Reads many traces for one machine's names. A state variable's value whose JSON text was read
     * before, in this trace or an earlier one, is skipped over and taken from a memo instead of
     * parsed again: from one state to the next most variables keep their value, and many traces
     * share their first states. The memo holds at most {@link ValueMemo#MAX_CHARS} characters of
     * JSON text and starts afresh when full.
     */
    public static final class Reader {
        private final NameTable names;
        private final ValueMemo memo = new ValueMemo();

        public Reader(NameTable names) {
            this.names = names;
        }

        /** Reads ITF from the bytes of a file: invalid UTF-8 is an {@link ItfException} at the bad byte. */
        public ItfTrace read(byte[] utf8) {
            return read(PositionedJson.decodeUtf8(utf8));
        }

        /** Reads ITF JSON; malformed JSON or ITF is an {@link ItfException} with its line and column. */
        public ItfTrace read(String json) {
            try {
                return Itf.read(json, names, memo);
            } finally {
                memo.forgetPending();
            }
        }
    }

    /** Values of state variables by their JSON text (see {@link Reader}). */
    private static final class ValueMemo implements PositionedJson.Memo {
        /** 16 million characters of JSON text (32 MB) at most. */
        static final long MAX_CHARS = 1L << 24;

        /** A stretch of JSON text; equal when the characters are. */
        private record Span(String text, int start, int end, int hash) {
            @Override
            public boolean equals(Object o) {
                return o instanceof Span s && s.hash == hash && s.end - s.start == end - start
                    && text.regionMatches(start, s.text, s.start, end - start);
            }

            @Override
            public int hashCode() {
                return hash;
            }

            /** The same text in a string of its own, so that a remembered value does not keep the whole trace's text. */
            Span own() {
                return new Span(text.substring(start, end), 0, end - start, hash);
            }
        }

        private final Map<Span, Value> values = new java.util.HashMap<>();
        private final Map<Node, Span> pending = new java.util.IdentityHashMap<>();
        private long chars;

        @Override
        public Object find(String text, int start, int end, int hash) {
            return values.get(new Span(text, start, end, hash));
        }

        @Override
        public void parsed(Node node, String text, int start, int end, int hash) {
            pending.put(node, new Span(text, start, end, hash));
        }

        /** {@code node}, parsed from text the memo saw, decodes to {@code value}. */
        void decoded(Node node, Value value) {
            Span span = pending.remove(node);
            if (span == null) {
                return;
            }
            if (chars + (span.end() - span.start()) > MAX_CHARS) {
                values.clear();
                chars = 0;
            }
            values.put(span.own(), value);
            chars += span.end() - span.start();
        }

        void forgetPending() {
            pending.clear();
        }
    }

    private static ItfTrace read(String json, NameTable names, ValueMemo memo) {
        Node parsed = PositionedJson.parse(json, memo);
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
        // Quint's mbt:: variables are the producer's metadata (the action taken), not the spec's state
        List<String> vars = varsMember == null ? null
            : variableNames(varsMember.value()).stream().filter(v -> !v.startsWith(MBT_PREFIX)).toList();
        Where varsAt = varsMember == null ? where(statesArr.items().get(0)) : where(varsMember.value());
        Map<String, ItfType> varTypes = varTypes(root.member("#meta"), vars);
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
                if (f.key().startsWith("#") || f.key().startsWith(MBT_PREFIX)) {
                    continue;
                }
                if (vars != null && !vars.contains(f.key())) {
                    throw new ItfException(f.line(), f.column(), "variable " + f.key() + " is not in the trace's \"vars\" " + vars);
                }
                vals.put(f.key(), variable(f.value(), names, memo));
            }
            if (vars == null) {
                vars = List.copyOf(vals.keySet());
            }
            for (String v : vars) {
                if (!vals.containsKey(v)) {
                    throw error(se, "state " + states.size() + " has no value for variable " + v + " of \"vars\"");
                }
            }
            actions.add(actionNode != null ? ((Str) actionNode).value() : quintAction(so, names));
            actionsAt.add(actionNode == null ? where(se) : where(actionNode));
            statesAt.add(where(se));
            states.add(vals);
        }
        int loop = loop(root.member("loop"), states.size());
        return new ItfTrace(vars, actions, states, loop, varsAt, statesAt, actionsAt, varTypes);
    }

    /**
     * The {@code #meta} of a trace: an object when present; its {@code varTypes}, when present, an
     * object from the trace's variables to types in Apalache's syntax.
     */
    private static Map<String, ItfType> varTypes(Member meta, List<String> vars) {
        if (meta == null) {
            return Map.of();
        }
        if (!(meta.value() instanceof Obj m)) {
            throw error(meta.value(), "\"#meta\" must be an object, not " + meta.value().kind());
        }
        Member types = m.member("varTypes");
        if (types == null) {
            return Map.of();
        }
        if (!(types.value() instanceof Obj t)) {
            throw error(types.value(), "\"varTypes\" must be an object from variables to types, not " + types.value().kind());
        }
        Map<String, ItfType> out = new LinkedHashMap<>();
        for (Member f : t.members()) {
            if (vars != null && !vars.contains(f.key()) && !f.key().startsWith(MBT_PREFIX)) {
                throw new ItfException(f.line(), f.column(), "\"varTypes\" names " + f.key() + ", which is not in \"vars\" " + vars);
            }
            if (!(f.value() instanceof Str text)) {
                throw error(f.value(), "a type in \"varTypes\" must be a string, not " + f.value().kind());
            }
            if (f.key().startsWith(MBT_PREFIX)) {
                continue;
            }
            try {
                out.put(f.key(), ItfType.parse(text.value()));
            } catch (IllegalArgumentException e) {
                throw error(f.value(), e.getMessage());
            }
        }
        return out;
    }

    /**
     * Quint's action label ({@code quint run --mbt}): {@code mbt::actionTaken}, with the
     * {@code mbt::nondetPicks} that were made ({@code Some(v)}) as its parameters, in TLC's label
     * syntax; null when the state has none (or names the initial action).
     */
    private static String quintAction(Obj state, NameTable names) {
        Member taken = state.member(ACTION_TAKEN);
        if (taken == null || !(taken.value() instanceof Str name) || name.value().isEmpty() || name.value().equals("init")) {
            return null;
        }
        List<String> params = new ArrayList<>();
        Member picks = state.member(NONDET_PICKS);
        if (picks != null && picks.value() instanceof Obj p) {
            for (Member pick : p.members()) {
                // a pick is Quint's Option: {"tag": "Some", "value": v} or {"tag": "None", ...}
                if (pick.value() instanceof Obj option && option.member("tag") != null
                        && option.member("tag").value() instanceof Str tag && tag.value().equals("Some")
                        && option.member("value") != null) {
                    params.add(pick.key() + "=" + decode(option.member("value").value(), names, false));
                }
            }
        }
        return params.isEmpty() ? name.value() : name.value() + "(" + String.join(", ", params) + ")";
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
        return new Reader(names).read(utf8);
    }

    /** A state variable's value: taken from the memo when its text was read before, else decoded and remembered. */
    private static Value variable(Node n, NameTable names, ValueMemo memo) {
        Value v = decode(n, names, false);
        memo.decoded(n, v);
        return v;
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
