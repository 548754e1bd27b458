package io.finalspec.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.finalspec.runtime.explore.BfsExplorer;
import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.ArrayState;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.value.Tla;
import io.finalspec.runtime.value.Value;

/** Exhaustive exploration of 6 counters modulo 8 (262,144 states, 1.5M transitions). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class ExploreBenchmark {
    @Param({"1", "2"})
    public int workers;

    @Benchmark
    public long explore() {
        return new BfsExplorer(new Counters(6, 8), BfsExplorer.Options.defaults().withWorkers(workers)).run().distinct();
    }

    static final class Counters implements Machine {
        private final io.finalspec.runtime.value.NameTable names = new io.finalspec.runtime.value.NameTable();

        final int n;
        final Value mod;
        final List<String> vars = new ArrayList<>();

        Counters(int n, int m) {
            this.n = n;
            this.mod = Tla.integer(m);
            for (int i = 0; i < n; i++) {
                vars.add("c" + i);
            }
        }

        @Override
        public io.finalspec.runtime.value.NameTable names() {
            return names;
        }

        @Override
        public String specName() {
            return "Counters";
        }

        @Override
        public List<String> variables() {
            return vars;
        }

        @Override
        public List<String> actionNames() {
            return List.of("Inc");
        }

        @Override
        public void initStates(Consumer<io.finalspec.runtime.machine.State> out) {
            Value[] v = new Value[n];
            java.util.Arrays.fill(v, Tla.integer(0));
            out.accept(new ArrayState(vars, v));
        }

        @Override
        public void successors(io.finalspec.runtime.machine.State s, SuccessorSink out) {
            for (int i = 0; i < n; i++) {
                Value[] v = io.finalspec.runtime.machine.States.values(s);
                v[i] = Tla.mod(Tla.add(v[i], Tla.integer(1)), mod);
                out.accept(ActionLabel.of("Inc"), new ArrayState(vars, v));
            }
        }

        @Override
        public List<Predicate> invariants() {
            return List.of();
        }

        @Override
        public List<Predicate> constraints() {
            return List.of();
        }

        @Override
        public List<ActionPredicate> actionConstraints() {
            return List.of();
        }

        @Override
        public boolean checkDeadlock() {
            return false;
        }

        @Override
        public Value view(io.finalspec.runtime.machine.State state) {
            return null;
        }

        @Override
        public io.finalspec.runtime.machine.State state(Value... values) {
            return new ArrayState(vars, values);
        }
    }
}
