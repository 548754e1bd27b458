package io.finalspec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.finalspec.codegen.CompileOptions;
import io.finalspec.codegen.CompileResult;
import io.finalspec.codegen.Compiler;
import io.finalspec.codegen.load.InMemoryCompiler;
import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.trace.Trace;
import io.finalspec.runtime.trace.TraceReplayer;
import io.finalspec.runtime.value.FcnValue;
import io.finalspec.runtime.value.ModelValue;
import io.finalspec.runtime.value.NameTable;
import io.finalspec.runtime.value.Tla;
import io.finalspec.runtime.value.Value;
import io.finalspec.toolkit.conform.TlcOracleAdapter;
import io.finalspec.toolkit.conform.TraceConformance;

/**
 * Many real threads drive a generated machine through its typed live facade ({@code GilLive}:
 * {@code take(t)}, {@code drop(t)}; threads and turns bound at run time): no action is lost or
 * duplicated, each thread's turns alternate, the history is a behaviour of the spec (replayed by
 * the machine, and by TLC over a sample of its steps). The default run has 8 threads and 2,000
 * actions; {@code -Dfinalspec.live.stress=true} runs 64 threads and 10^5 actions and prints the
 * throughput with 1, 4 and 64 threads beside a hand-written {@code ReentrantLock} + {@code Condition}
 * GIL doing the same turns (figures, not assertions).
 */
class LiveStressTest {

    private static final Path SPECS = Path.of("src/test/resources/live").toAbsolutePath();
    private static final boolean FULL = Boolean.getBoolean("finalspec.live.stress");

    @TempDir
    Path dir;

    @Test
    void threadsLoseAndDuplicateNothingAndTheHistoryIsABehaviour() throws Exception {
        int threads = FULL ? 64 : 8;
        int turns = FULL ? 782 : 125; // 2 actions a turn: 100,096 or 2,000 actions
        Facade gil = Facade.load();
        Run run = gil.drive(threads, turns);
        assertNull(run.failure(), String.valueOf(run.failure()));
        Trace trace = run.trace();
        assertEquals(1 + 2 * threads * turns, trace.size(), "every action recorded once");

        Map<Value, Integer> taken = new HashMap<>();
        Map<Value, Integer> dropped = new HashMap<>();
        Value holder = null;
        for (Trace.Step step : trace.steps().subList(1, trace.size())) {
            ActionLabel l = step.label();
            Value t = l.params().get(0).value();
            if (l.name().equals("Take")) {
                assertNull(holder, "Take while the GIL is held");
                holder = t;
                taken.merge(t, 1, Integer::sum);
            } else {
                assertEquals(holder, t, "Drop by the holder");
                holder = null;
                dropped.merge(t, 1, Integer::sum);
            }
        }
        assertEquals(threads, taken.size());
        for (Value t : taken.keySet()) {
            assertEquals(turns, taken.get(t), t + "'s Take steps");
            assertEquals(turns, dropped.get(t), t + "'s Drop steps");
        }
        FcnValue done = (FcnValue) trace.state(trace.size() - 1).get(1);
        for (int i = 0; i < done.size(); i++) {
            assertEquals(Tla.integer(turns), done.valueAt(i));
        }
        assertTrue(run.violations().isEmpty(), run.violations().toString());
        TraceReplayer.Report replay = new TraceReplayer(run.machine()).replay(trace);
        assertTrue(replay.ok(), replay.toString());

        // TLC, on the run's constants, accepts a sample: the first 2,000 steps
        Path cfg = dir.resolve("Gil.cfg");
        Files.writeString(cfg, "CONSTANTS Threads = {" + String.join(", ", names(threads)) + "}\n None = None\n N = "
            + turns + "\nINIT Init\nNEXT Next\nINVARIANT Exclusive\nCHECK_DEADLOCK FALSE\n");
        Files.copy(SPECS.resolve("Gil.tla"), dir.resolve("Gil.tla"));
        Trace sample = new Trace(trace.variables(), trace.steps().subList(0, Math.min(trace.size(), 2_001)));
        try (TlcOracleAdapter tlc = TlcOracleAdapter.start(run.machine(), dir.resolve("Gil.tla"), cfg)) {
            assertNull(new TraceConformance(run.machine()).accepted(tlc, sample, 0));
        }
        System.out.printf("live stress: %d threads, %d actions, %.0f actions/s%n", threads, trace.size() - 1,
            (trace.size() - 1) / run.seconds());
        if (FULL) {
            printThroughput(gil);
        }
    }

    /** Actions per second of the live facade and of a hand-written GIL, 1, 4 and 64 threads, one run each side by side. */
    private static void printThroughput(Facade gil) throws Exception {
        System.out.println("| threads | actions | live API actions/s | ReentrantLock GIL actions/s | overhead |");
        System.out.println("|---:|---:|---:|---:|---:|");
        for (int threads : new int[] {1, 4, 64}) {
            int turns = 100_000 / (2 * threads);
            double live = 2.0 * threads * turns / gil.drive(threads, turns).seconds();
            double hand = 2.0 * threads * turns / HandGil.drive(threads, turns);
            System.out.printf("| %d | %,d | %,.0f | %,.0f | %.0fx |%n", threads, 2 * threads * turns, live, hand, hand / live);
        }
    }

    private static List<String> names(int threads) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= threads; i++) {
            out.add("t" + i);
        }
        return out;
    }

    /**
     * Starts {@code workers} (each waits on {@code start} first) and returns the seconds until all
     * have ended; the clock starts before the barrier opens, since the workers may finish before
     * this thread runs again.
     */
    static double timed(List<Thread> workers, CyclicBarrier start) throws Exception {
        workers.forEach(Thread::start);
        long t0 = System.nanoTime();
        start.await();
        for (Thread t : workers) {
            t.join();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    record Run(Trace trace, List<?> violations, Machine machine, Throwable failure, double seconds) {
    }

    /** The generated GilLive, compiled in memory; called through reflection (the test cannot name a class generated at run time). */
    record Facade(Class<?> live, Method builder) {
        static Facade load() throws Exception {
            CompileResult r = Compiler.compile(SPECS.resolve("Gil.tla"), SPECS.resolve("Gil.cfg"),
                CompileOptions.inPackage("stress"));
            assertTrue(r.ok(), r.describe());
            Class<?> live = InMemoryCompiler.withContextLoader().compile(r.sources()).loadClass("stress.GilLive");
            return new Facade(live, live.getMethod("builder"));
        }

        Run drive(int threads, int turns) throws Exception {
            Object b = builder.invoke(null);
            Class<?> bc = b.getClass();
            NameTable names = (NameTable) bc.getMethod("names").invoke(b);
            Value all = (Value) bc.getMethod("modelValues", String[].class).invoke(b, (Object) names(threads).toArray(new String[0]));
            bc.getMethod("threads", Value.class).invoke(b, all);
            bc.getMethod("n", Value.class).invoke(b, Tla.integer(turns));
            Object gil = bc.getMethod("build").invoke(b);
            Method take = live.getMethod("take", ModelValue.class);
            Method drop = live.getMethod("drop", ModelValue.class);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            CyclicBarrier start = new CyclicBarrier(threads + 1);
            List<Thread> workers = new ArrayList<>();
            for (int i = 1; i <= threads; i++) {
                ModelValue me = names.modelValue("t" + i);
                Thread t = new Thread(() -> {
                    try {
                        start.await();
                        for (int k = 0; k < turns; k++) {
                            take.invoke(gil, me);
                            drop.invoke(gil, me);
                        }
                    } catch (InvocationTargetException e) {
                        failure.compareAndSet(null, e.getCause());
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                });
                workers.add(t);
            }
            double seconds = timed(workers, start);
            Trace trace = (Trace) live.getMethod("trace").invoke(gil);
            return new Run(trace, (List<?>) live.getMethod("violations").invoke(gil),
                (Machine) live.getMethod("machine").invoke(gil), failure.get(), seconds);
        }
    }

    /** The same turns on a hand-written GIL: a holder and a turn count guarded by one lock and condition. */
    static final class HandGil {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition free = lock.newCondition();
        private int holder = -1;
        private final int[] done;

        HandGil(int threads) {
            done = new int[threads];
        }

        void take(int me) throws InterruptedException {
            lock.lock();
            try {
                while (holder != -1) {
                    free.await();
                }
                holder = me;
            } finally {
                lock.unlock();
            }
        }

        void drop(int me) {
            lock.lock();
            try {
                holder = -1;
                done[me]++;
                free.signalAll();
            } finally {
                lock.unlock();
            }
        }

        /** Seconds for {@code threads} threads doing {@code turns} take/drop pairs each. */
        static double drive(int threads, int turns) throws Exception {
            HandGil gil = new HandGil(threads);
            CyclicBarrier start = new CyclicBarrier(threads + 1);
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int me = i;
                Thread t = new Thread(() -> {
                    try {
                        start.await();
                        for (int k = 0; k < turns; k++) {
                            gil.take(me);
                            gil.drop(me);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                workers.add(t);
            }
            double seconds = timed(workers, start);
            for (int d : gil.done) {
                assertEquals(turns, d);
            }
            return seconds;
        }
    }
}
