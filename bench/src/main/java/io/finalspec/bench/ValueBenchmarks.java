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

import io.finalspec.runtime.value.Tla;
import io.finalspec.runtime.value.Value;

/**
 * The value operations that dominate successor generation in the CPython specs: set union and
 * membership over small sets, EXCEPT on functions over model values, record field access, and
 * fingerprints of whole states.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ValueBenchmarks {

    private Value small;
    private Value other;
    private Value threads;
    private Value status;
    private Value record;
    private Value state;
    private Value t2;

    @Setup
    public void setUp() {
        Value[] a = new Value[16];
        Value[] b = new Value[16];
        for (int i = 0; i < 16; i++) {
            a[i] = Tla.integer(i * 2);
            b[i] = Tla.integer(i * 3);
        }
        small = Tla.set(a);
        other = Tla.set(b);
        threads = Tla.set(Tla.modelValue("t1"), Tla.modelValue("t2"), Tla.modelValue("t3"), Tla.modelValue("t4"));
        t2 = Tla.modelValue("t2");
        status = Tla.fcn(threads, t -> Tla.str("detached"));
        record = Tla.record(new String[] {"holder", "locked", "dropRequest"},
            new Value[] {t2, Tla.TRUE, Tla.FALSE});
        state = Tla.tuple(status, record, small, Tla.integer(7));
    }

    @Benchmark
    public Value setUnion() {
        return Tla.union(small, other);
    }

    @Benchmark
    public boolean setMembership() {
        return Tla.in(Tla.integer(22), small);
    }

    @Benchmark
    public Value functionExcept() {
        return Tla.except(status, new Value[] {t2}, Tla.str("attached"));
    }

    @Benchmark
    public Value recordField() {
        return Tla.dot(record, "locked");
    }

    @Benchmark
    public long stateFingerprint() {
        return Tla.tuple(status, record, small, Tla.integer(7)).fingerprint();
    }

    @Benchmark
    public boolean stateEquality() {
        return state.equals(Tla.tuple(status, record, small, Tla.integer(7)));
    }

    @Benchmark
    public Value subsetEnumeration() {
        return Tla.cardinality(Tla.subsetOf(threads));
    }
}
