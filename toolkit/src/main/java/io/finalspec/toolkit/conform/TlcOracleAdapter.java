package io.finalspec.toolkit.conform;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.trace.Itf;
import io.finalspec.runtime.value.Value;
import io.finalspec.toolkit.oracle.TlcOracle;

/**
 * TLC as an {@link Oracle}: states cross the process boundary as ITF JSON and are rebuilt as the
 * machine's own states, so that comparisons use the runtime's value equality.
 */
public final class TlcOracleAdapter implements Oracle {

    private final TlcOracle tlc;
    private final Machine machine;
    private final List<String> vars;
    private final List<ActionLabel> labels;
    private List<State> inFlight;

    private TlcOracleAdapter(TlcOracle tlc, Machine machine) {
        this.tlc = tlc;
        this.machine = machine;
        this.vars = machine.variables();
        this.labels = tlc.labels().stream().map(l -> label(l.action(), l.params())).toList();
        if (!tlc.vars().equals(vars)) {
            tlc.close();
            throw new IllegalStateException("TLC's variables " + tlc.vars() + " differ from the machine's " + vars);
        }
    }

    public static TlcOracleAdapter start(Machine machine, Path spec, Path config) throws IOException {
        return new TlcOracleAdapter(TlcOracle.start(spec, config), machine);
    }

    @Override
    public List<State> initStates() {
        return tlc.initStates().stream().map(this::toState).toList();
    }

    @Override
    public void submit(List<State> states) {
        if (inFlight != null) {
            throw new IllegalStateException("a batch is already in flight");
        }
        tlc.submitDeltas(states.stream().map(this::toJson).toList());
        inFlight = List.copyOf(states);
    }

    /** Successors arrive as deltas against their source state: unchanged values are shared, not decoded. */
    @Override
    public List<List<Transition>> receive() {
        List<State> sources = inFlight;
        inFlight = null;
        List<List<TlcOracle.Delta>> answer = tlc.receiveDeltas();
        List<List<Transition>> out = new ArrayList<>(answer.size());
        for (int i = 0; i < answer.size(); i++) {
            State source = sources.get(i);
            List<Transition> ts = new ArrayList<>(answer.get(i).size());
            for (TlcOracle.Delta d : answer.get(i)) {
                ts.add(new Transition(labels.get(d.label()), apply(source, d.changed())));
            }
            out.add(ts);
        }
        return out;
    }

    private State apply(State source, JsonObject changed) {
        Value[] values = new Value[vars.size()];
        for (int i = 0; i < values.length; i++) {
            JsonElement v = changed.get(vars.get(i));
            values[i] = v == null ? source.get(i) : Itf.fromJson(v, machine.names());
        }
        return machine.state(values);
    }

    @Override
    public void reachable(long limit, Consumer<State> sink) {
        tlc.explore(limit, json -> sink.accept(toState(json)));
    }

    private ActionLabel label(String action, List<Map.Entry<String, JsonElement>> params) {
        List<ActionLabel.Binding> bindings = new ArrayList<>(params.size());
        for (Map.Entry<String, JsonElement> p : params) {
            bindings.add(new ActionLabel.Binding(p.getKey(), Itf.fromJson(p.getValue(), machine.names())));
        }
        return new ActionLabel(action, bindings);
    }

    private State toState(JsonObject json) {
        Value[] values = new Value[vars.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Itf.fromJson(json.get(vars.get(i)), machine.names());
        }
        return machine.state(values);
    }

    private JsonObject toJson(State s) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < vars.size(); i++) {
            o.add(vars.get(i), Itf.toJson(s.get(i)));
        }
        return o;
    }

    @Override
    public void close() {
        tlc.close();
    }
}
