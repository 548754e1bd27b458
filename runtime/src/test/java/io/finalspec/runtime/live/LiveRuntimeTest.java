package io.finalspec.runtime.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.finalspec.runtime.testing.Machines;
import io.finalspec.runtime.trace.Trace;
import io.finalspec.runtime.trace.TraceReplayer;
import io.finalspec.runtime.value.Tla;

class LiveRuntimeTest {

    @Test
    void threadsDrivingAMutexRecordABehaviour() throws Exception {
        var machine = Machines.mutex(3, false);
        LiveRuntime rt = new LiveRuntime(machine);
        List<Thread> threads = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int p = 1; p <= 3; p++) {
            int me = p;
            Thread t = new Thread(() -> {
                try {
                    for (int k = 0; k < 40; k++) {
                        rt.perform("Acquire", Tla.integer(me));
                        rt.perform("Release", Tla.integer(me));
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(20_000);
        }
        assertEquals(null, failure.get());
        Trace trace = rt.trace();
        assertEquals(1 + 3 * 40 * 2, trace.size());
        assertTrue(rt.violations().isEmpty());
        TraceReplayer.Report report = new TraceReplayer(machine).replay(trace);
        assertTrue(report.ok(), report.toString());
        assertEquals(new io.finalspec.runtime.value.NameTable().modelValue("NONE"), rt.current().get(0));
    }

    @Test
    void tryPerformTimesOutWhenNeverEnabled() throws Exception {
        LiveRuntime rt = new LiveRuntime(Machines.mutex(2, false));
        assertFalse(rt.tryPerform("Release", Duration.ofMillis(50), Tla.integer(1)).isPresent());
        assertTrue(rt.tryPerform("Acquire", Duration.ofMillis(50), Tla.integer(1)).isPresent());
        assertFalse(rt.isEnabled("Acquire", Tla.integer(2)));
        assertTrue(rt.isEnabled("Release"));
    }

    @Test
    void blockedThreadWakesWhenEnabledAndStopReleasesWaiters() throws Exception {
        LiveRuntime rt = new LiveRuntime(Machines.mutex(2, false));
        rt.perform("Acquire", Tla.integer(1));
        CountDownLatch done = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                rt.perform("Acquire", Tla.integer(2));
                done.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        long until = System.currentTimeMillis() + 5000;
        while (rt.waiting() == 0 && System.currentTimeMillis() < until) {
            Thread.sleep(5);
        }
        assertEquals(1, rt.waiting());
        assertEquals(1, done.getCount());
        rt.perform("Release", Tla.integer(1));
        assertTrue(done.await(5, java.util.concurrent.TimeUnit.SECONDS));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread blocked = new Thread(() -> {
            try {
                rt.perform("Release", Tla.integer(1));
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        blocked.start();
        Thread.sleep(50);
        rt.stop();
        blocked.join(5000);
        assertTrue(thrown.get() instanceof LiveRuntime.StoppedException, String.valueOf(thrown.get()));
        assertThrows(LiveRuntime.StoppedException.class, () -> rt.perform("Release", Tla.integer(2)));
    }

    @Test
    void invariantViolationsAreDetected() throws Exception {
        LiveRuntime rt = new LiveRuntime(Machines.mutex(2, true));
        List<LiveRuntime.Violation> heard = new ArrayList<>();
        rt.onViolation(heard::add);
        rt.perform("Acquire", Tla.integer(1));
        assertTrue(rt.violations().isEmpty());
        rt.perform("Acquire", Tla.integer(2));
        assertEquals(1, rt.violations().size());
        assertEquals("Exclusion", rt.violations().get(0).invariant());
        assertEquals(2, rt.violations().get(0).step());
        assertEquals(heard, rt.violations());
        assertTrue(new TraceReplayer(Machines.mutex(2, true)).replay(rt.trace()).ok());
    }

    @Test
    void aMisspeltActionOrAValueOutsideItsDomainFailsAtOnce() {
        LiveRuntime rt = new LiveRuntime(Machines.mutex(2, false));
        IllegalArgumentException misspelt = assertThrows(IllegalArgumentException.class,
            () -> rt.perform("Aquire", Tla.integer(1)));
        assertEquals("Mutex has no action Aquire; its actions are Acquire, Release", misspelt.getMessage());
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
            () -> rt.perform("Acquire", Tla.integer(3)));
        assertEquals("Acquire(3 (integer)) is not an action instance of Mutex; Acquire(p) with p in {1, 2}",
            outside.getMessage());
        IllegalArgumentException wrongKind = assertThrows(IllegalArgumentException.class,
            () -> rt.tryPerform("Release", Duration.ofDays(1), Tla.TRUE));
        assertTrue(wrongKind.getMessage().startsWith("Release(TRUE (boolean)) is not an action instance"), wrongKind.getMessage());
        assertThrows(IllegalArgumentException.class, () -> rt.isEnabled("Acquire", Tla.integer(1), Tla.integer(1)));
        assertEquals(0, rt.waiting());
        assertEquals(1, rt.trace().size());
    }

    @Test
    void anActionThatCanNeverBeEnabledIsAnErrorNotAWaitForEver() throws Exception {
        // one step to a state without successors: nothing can ever change it again
        var names = new io.finalspec.runtime.value.NameTable();
        var go = io.finalspec.runtime.machine.ActionLabel.of("Go");
        var back = io.finalspec.runtime.machine.ActionLabel.of("Back");
        var machine = new io.finalspec.runtime.testing.LambdaMachine("OneWay", List.of("x"),
            out -> out.accept(new io.finalspec.runtime.machine.ArrayState(List.of("x"), Tla.integer(0))),
            (s, out) -> {
                if (Tla.asInt(s.get(0)) == 0) {
                    out.accept(go, new io.finalspec.runtime.machine.ArrayState(List.of("x"), Tla.integer(1)));
                }
            }).actions(List.of(go, back)).withNames(names);
        LiveRuntime rt = new LiveRuntime(machine);
        assertFalse(rt.tryPerform("Back", Duration.ofMillis(20)).isPresent());
        rt.perform("Go");
        LiveRuntime.NeverEnabledException e = assertThrows(LiveRuntime.NeverEnabledException.class, () -> rt.perform("Back"));
        assertTrue(e.getMessage().startsWith("Back can never be enabled: no action of OneWay is enabled in the current state (step 1)"),
            e.getMessage());
        long t0 = System.nanoTime();
        assertFalse(rt.tryPerform("Back", Duration.ofDays(1)).isPresent());
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "tryPerform returns at once when the action never can be enabled");
    }
}
