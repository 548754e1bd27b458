package io.finalspec.runtime.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.ArrayState;
import io.finalspec.runtime.machine.ForwardingMachine;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.testing.LambdaMachine;
import io.finalspec.runtime.value.NameTable;
import io.finalspec.runtime.trace.TraceReplayer;
import io.finalspec.runtime.value.Tla;

/**
 * Issue 10, finding 4: a free run must not end with "no thread can move" while one can. The
 * machine below forces the interleaving that used to do it: thread A looks at state {@code x = 0}
 * (nothing for A), and before it goes on, B takes its step to {@code x = 1} (which enables A) and
 * finds nothing more for itself. A then must see {@code x = 1} and move; the run ends at {@code x = 2}.
 */
class FreeRunEndingTest {

    private static final List<String> VARS = List.of("x");

    /** x = 0 -B-> x = 1 -A-> x = 2, then nothing: the only behaviour is two steps long. */
    private static Machine handOff() {
        NameTable names = new NameTable();
        return new LambdaMachine("HandOff", VARS,
            out -> out.accept(new ArrayState(VARS, Tla.integer(0))),
            (s, out) -> {
                int x = Tla.asInt(s.get(0));
                if (x == 0) {
                    out.accept(step(names, "Step", "b", "B"), new ArrayState(VARS, Tla.integer(1)));
                } else if (x == 1) {
                    out.accept(step(names, "Go", "a", "A"), new ArrayState(VARS, Tla.integer(2)));
                }
            }).withNames(names)
            .actions(List.of(step(names, "Step", "b", "B"), step(names, "Go", "a", "A")));
    }

    private static ActionLabel step(NameTable names, String name, String param, String actor) {
        return new ActionLabel(name, List.of(new ActionLabel.Binding(param, names.modelValue(actor))));
    }

    /**
     * Holds A inside its first look at {@code x = 0} until B has stepped and looked at {@code x = 1}
     * twice (its second look comes after it has settled as having nothing to do); holds B's first
     * look at {@code x = 0} until A is held. The latches only order the threads; a timeout only
     * keeps a broken driver from hanging the test.
     */
    private static final class Interleaving extends ForwardingMachine {
        final CountDownLatch aLooking = new CountDownLatch(1);
        final CountDownLatch bSettled = new CountDownLatch(1);
        final AtomicBoolean aHeld = new AtomicBoolean();
        final AtomicInteger bLooksAtOne = new AtomicInteger();

        Interleaving(Machine delegate) {
            super(delegate);
        }

        @Override
        public void successors(State state, SuccessorSink out) {
            String thread = Thread.currentThread().getName();
            int x = Tla.asInt(state.get(0));
            try {
                if (thread.equals(ActorDriver.threadName("A")) && x == 0 && aHeld.compareAndSet(false, true)) {
                    aLooking.countDown();
                    bSettled.await(5, TimeUnit.SECONDS);
                } else if (thread.equals(ActorDriver.threadName("B")) && x == 0) {
                    aLooking.await(5, TimeUnit.SECONDS);
                } else if (thread.equals(ActorDriver.threadName("B")) && x == 1 && bLooksAtOne.incrementAndGet() == 2) {
                    bSettled.countDown();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            super.successors(state, out);
        }
    }

    @Test
    void aThreadEnabledByAnotherOnesStepIsNotTakenForStuck() throws Exception {
        Machine machine = new Interleaving(handOff());
        State init = new ArrayState(VARS, Tla.integer(0));
        ActorDriver.Run run = new ActorDriver(machine, new ActorDriver.Options(50, Duration.ZERO, 1, Duration.ofSeconds(20)))
            .run(init);
        assertEquals(ActorDriver.Ending.FINISHED, run.ending());
        assertEquals(3, run.trace().size(), "the run ended before A's step:\n" + run.trace());
        assertEquals(Tla.integer(2), run.trace().state(2).get(0));
        assertTrue(new TraceReplayer(handOff()).replay(run.trace()).ok());
    }
}
