package io.finalspec.toolkit.oracle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import tla2sany.semantic.FormalParamNode;
import tla2sany.semantic.OpDeclNode;
import tla2sany.semantic.OpDefNode;
import tlc2.tool.Action;
import tlc2.tool.StateVec;
import tlc2.tool.TLCState;
import tlc2.tool.impl.CallStackTool;
import tlc2.tool.impl.FastTool;
import tlc2.tool.impl.Tool;
import tlc2.util.FP64;
import tlc2.value.IValue;
import tlc2.value.impl.LazyValue;
import tlc2.value.impl.ModelValue;
import tlc2.value.impl.Value;
import util.SimpleFilenameToStream;
import util.UniqueString;

/**
 * One spec loaded into TLC's Tool API ({@link FastTool}): its variables, its actions with their
 * labels, initial states, successors, invariants and constraints. Lives in the child JVM only,
 * because TLC keeps the loaded spec in static fields: one {@code TlcModel} per process.
 */
final class TlcModel {

    /** TLC's successors of one state under one action, already labelled. */
    record Step(int action, TLCState state) {
    }

    private final FastTool tool;
    private final Action[] actions;
    private final String[] actionNames;
    /** Per action, {@code "action":"Name","params":[...]} ready to splice into an answer. */
    private final String[] labelJson;
    private final OpDeclNode[] vars;
    private final UniqueString[] varNames;
    private final Action[] invariants;
    private final String[] invariantNames;
    private final ValueCodec codec;

    private TlcModel(FastTool tool) {
        this.tool = tool;
        this.actions = tool.getActions();
        this.vars = declarationOrder(TLCState.Empty.getVars());
        this.varNames = Arrays.stream(vars).map(OpDeclNode::getName).toArray(UniqueString[]::new);
        this.invariants = tool.getInvariants();
        this.invariantNames = tool.getInvNames();
        this.codec = new ValueCodec(modelValues(), this::force);
        this.actionNames = new String[actions.length];
        this.labelJson = new String[actions.length];
        for (int i = 0; i < actions.length; i++) {
            actionNames[i] = actions[i].getName() == null ? "UnnamedAction" : actions[i].getName().toString();
            labelJson[i] = label(actions[i], actionNames[i]);
        }
    }

    /**
     * Loads {@code spec} with {@code cfg}. TLC prints SANY's diagnostics instead of throwing them,
     * so load errors are positioned by {@link LoadErrors} from what was printed.
     */
    static TlcModel load(Path spec, Path cfg) {
        FP64.Init(0); // TLC's -fp 0: fingerprints must be computable, and reproducible
        Path dir = spec.getParent();
        String module = spec.getFileName().toString().replaceFirst("\\.tla$", "");
        String config = cfg.toString().replaceFirst("\\.cfg$", ""); // TLC appends ".cfg"
        FastTool tool = new FastTool(dir.toString(), module, config, new SimpleFilenameToStream(dir.toString()));
        return new TlcModel(tool);
    }

    /** SANY's variable table order is not the declaration order; TLA+ readers expect the latter. */
    private static OpDeclNode[] declarationOrder(OpDeclNode[] vars) {
        OpDeclNode[] sorted = vars.clone();
        Arrays.sort(sorted, Comparator.<OpDeclNode>comparingInt(v -> v.getLocation().beginLine())
            .thenComparingInt(v -> v.getLocation().beginColumn()));
        return sorted;
    }

    private static Map<String, ModelValue> modelValues() {
        Map<String, ModelValue> byName = new HashMap<>();
        if (ModelValue.mvs != null) {
            for (ModelValue mv : ModelValue.mvs) {
                byName.put(mv.val.toString(), mv);
            }
        }
        return byName;
    }

    /**
     * The label TLC gives an action: the name of the operator it comes from and the values bound
     * to that operator's formal parameters, in order; formals TLC left unbound (arguments that
     * depend on the state) are omitted. See README.md for where these come from.
     */
    private String label(Action action, String name) {
        StringBuilder out = new StringBuilder("\"action\":");
        JsonText.string(out, name).append(",\"params\":[");
        OpDefNode def = action.getOpDef();
        boolean first = true;
        if (def != null) {
            for (FormalParamNode p : def.getParams()) {
                Object v = action.con.lookup(p);
                if (v == null) {
                    continue;
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                JsonText.string(out.append('['), p.getName().toString()).append(',');
                if (v instanceof LazyValue lv) {
                    codec.write(lv.getValue() != null ? lv.getValue() : tool.eval(lv.expr, lv.con, TLCState.Empty), out);
                } else if (v instanceof IValue iv) {
                    codec.write(iv, out);
                } else {
                    JsonText.string(out, String.valueOf(v)); // an operator argument: not a value
                }
                out.append(']');
            }
        }
        return out.append(']').toString();
    }

    // ---- metadata ----------------------------------------------------------------------------

    List<String> varNames() {
        return Arrays.stream(varNames).map(UniqueString::toString).toList();
    }

    /** Distinct action names in TLC's action order. */
    List<String> actionNames() {
        return List.copyOf(new LinkedHashSet<>(Arrays.asList(actionNames)));
    }

    int actionCount() {
        return actions.length;
    }

    String labelJson(int action) {
        return labelJson[action];
    }

    /** The name of action {@code action} (an index into TLC's actions), without its parameters. */
    String actionName(int action) {
        return actionNames[action];
    }

    /** The variables in declaration order, as TLC looks them up in a state. */
    UniqueString[] varKeys() {
        return varNames.clone();
    }

    /** The value of a {@link LazyValue} (a constant-level argument TLC has not evaluated yet). */
    IValue force(LazyValue lv) {
        return tool.eval(lv.expr, lv.con, TLCState.Empty);
    }

    List<String> invariantNames() {
        return List.of(invariantNames);
    }

    // ---- states ------------------------------------------------------------------------------

    List<TLCState> initStates() {
        StateVec sv;
        try {
            sv = tool.getInitStates();
        } catch (RuntimeException e) {
            throw withCallStack(e, Tool::getInitStates);
        }
        List<TLCState> out = new ArrayList<>(sv.size());
        for (int i = 0; i < sv.size(); i++) {
            out.add(checkComplete(sv.elementAt(i), "an initial state"));
        }
        return out;
    }

    /** Every successor of {@code s}, action by action in TLC's order, states in TLC's order. */
    List<Step> successors(TLCState s) {
        List<Step> out = new ArrayList<>();
        for (int a = 0; a < actions.length; a++) {
            Action action = actions[a];
            StateVec next;
            try {
                next = tool.getNextStates(action, s);
            } catch (RuntimeException e) {
                throw withCallStack(e, t -> t.getNextStates(action, s));
            }
            for (int i = 0; i < next.size(); i++) {
                out.add(new Step(a, checkComplete(next.elementAt(i), "a successor state under " + actionNames[a])));
            }
        }
        return out;
    }

    /**
     * TLC's evaluation errors do not say where they happened; TLC's model checker finds out by
     * evaluating again with a {@link CallStackTool}, which records the nested expressions. So do we.
     */
    private RuntimeException withCallStack(RuntimeException e, Consumer<Tool> again) {
        String stack;
        try {
            CallStackTool recorder = new CallStackTool(tool);
            try {
                again.accept(recorder);
            } catch (RuntimeException | StackOverflowError expected) {
                // the same error again, this time with the positions recorded
            }
            stack = recorder.toString().strip();
        } catch (RuntimeException | StackOverflowError unexpected) {
            return e;
        }
        List<String> positions = new ArrayList<>();
        Matcher m = CALL_STACK_POSITION.matcher(stack);
        while (m.find()) {
            positions.add(Path.of(tool.getSpecDir()).resolve(m.group(3) + ".tla") + ":" + m.group(1) + ":" + m.group(2));
        }
        if (positions.isEmpty()) {
            return e;
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage().strip();
        return new EvalFailure(positions.get(positions.size() - 1) + ": " + message
            + " (while evaluating, outermost first: " + String.join(", ", positions) + ")", e);
    }

    /** One line of a {@link CallStackTool}'s report: {@code 3. Line 23, column 6 to line 23, column 10 in Lock}. */
    private static final Pattern CALL_STACK_POSITION =
        Pattern.compile("Line (\\d+), column (\\d+) to line \\d+, column \\d+ in (\\w+)");

    /** An evaluation error with the positions TLC was evaluating when it happened. */
    static final class EvalFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EvalFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** TLC reports a state that leaves a variable unassigned as an error; so do we. */
    private TLCState checkComplete(TLCState s, String what) {
        if (!s.allAssigned()) {
            throw new IllegalStateException(what + " is not completely specified: "
                + s.getUnassigned().stream().map(v -> v.getName().toString()).sorted().toList() + " unassigned");
        }
        return s;
    }

    List<String> violated(TLCState s) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < invariants.length; i++) {
            Action inv = invariants[i];
            boolean valid;
            try {
                valid = tool.isValid(inv, s);
            } catch (RuntimeException e) {
                throw withCallStack(e, t -> t.isValid(inv, s));
            }
            if (!valid) {
                out.add(invariantNames[i]);
            }
        }
        return out;
    }

    /** The state satisfies every CONSTRAINT. */
    boolean inModel(TLCState s) {
        return tool.isInModel(s);
    }

    /** The step satisfies every ACTION_CONSTRAINT. */
    boolean inActions(TLCState from, TLCState to) {
        return tool.isInActions(from, to);
    }

    // ---- JSON --------------------------------------------------------------------------------

    void writeState(TLCState s, StringBuilder out) {
        out.append('{');
        for (int i = 0; i < vars.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            JsonText.string(out, varNames[i].toString()).append(':');
            codec.write(s.lookup(varNames[i]), out);
        }
        out.append('}');
    }

    /** Writes only the variables whose value in {@code s} differs from {@code base}: successors as deltas. */
    void writeDelta(TLCState base, TLCState s, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (UniqueString var : varNames) {
            Object now = s.lookup(var);
            if (!now.equals(base.lookup(var))) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                JsonText.string(out, var.toString()).append(':');
                codec.write(s.lookup(var), out);
            }
        }
        out.append('}');
    }

    TLCState readState(JsonElement json) {
        if (json == null || !json.isJsonObject()) {
            throw new IllegalArgumentException("a state is a JSON object mapping each variable to its value");
        }
        JsonObject o = json.getAsJsonObject();
        if (o.size() != varNames.length) {
            throw new IllegalArgumentException("a state must bind exactly the variables " + varNames() + ", got "
                + o.keySet());
        }
        TLCState s = TLCState.Empty.createEmpty();
        for (UniqueString var : varNames) {
            JsonElement v = o.get(var.toString());
            if (v == null) {
                throw new IllegalArgumentException("the state does not bind " + var + " (got " + o.keySet() + ")");
            }
            Value value = codec.read(v);
            s = s.bind(var, value);
        }
        return s;
    }
}
