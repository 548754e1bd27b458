package io.finalspec.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.finalspec.runtime.value.NameTable;
import io.finalspec.runtime.value.Tla;
import io.finalspec.runtime.value.Value;

/** Value operations generated code performs on every successor. Run: java -jar bench/target/benchmarks.jar ValueBenchmark */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ValueBenchmark {
    private final NameTable names = new NameTable();
    Value procs;
    Value pcs;
    Value rec;
    Value set;
    Value p2;

    @Setup
    public void setup() {
        procs = Tla.set(names.modelValue("p1"), names.modelValue("p2"), names.modelValue("p3"), names.modelValue("p4"));
        pcs = Tla.fcn(procs, p -> names.str("idle"));
        rec = names.record(new String[] {"owner", "count", "waiters"},
                new Value[] {names.modelValue("p1"), Tla.integer(3), Tla.tuple(names.modelValue("p2"))});
        set = Tla.interval(1, 64);
        p2 = names.modelValue("p2");
    }

    @Benchmark
    public Value exceptFunctionOverModelValues() {
        return Tla.except(pcs, new Value[] {p2}, names.str("busy"));
    }

    @Benchmark
    public Value applyFunction() {
        return Tla.apply(pcs, p2);
    }

    @Benchmark
    public Value recordExceptAndDot() {
        return Tla.dot(Tla.except(rec, new Value[] {names.str("count")}, Tla.integer(4)), "count");
    }

    @Benchmark
    public long fingerprintFreshFunction() {
        return Tla.except(pcs, new Value[] {p2}, names.str("busy")).fingerprint();
    }

    @Benchmark
    public Value unionAndMinus() {
        return Tla.minus(Tla.union(set, Tla.set(Tla.integer(100))), Tla.set(Tla.integer(3)));
    }

    @Benchmark
    public Value appendTail() {
        return Tla.tail(Tla.append(Tla.dot(rec, "waiters"), names.modelValue("p3")));
    }
}
