package io.finalspec.runtime.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.trace.Trace;
import io.finalspec.runtime.value.Value;

/**
 * Runs a machine as a real concurrent program: one Java thread per actor (see {@link Actors}), each
 * performing its own spec actions through a {@link LiveRuntime}.
 *
 * <ul>
 * <li>{@link #run(State)}, free: each thread looks at the current state, picks one of its enabled
 * actions at random, performs it and pauses for a random moment, as a thread doing I/O would; which
 * interleaving happens is up to the JVM's scheduler, as it is up to the OS for CPython.</li>
 * <li>{@link #run(State, Scheduler)}, controlled: every thread waits for its turn, and a
 * {@link Scheduler} decides which one moves next (a replayed trace, PCT, uniform random); only the
 * granted thread moves, so the decision and the step see the same state.</li>
 * </ul>
 *
 * <p>A run ends when an invariant is violated, when no actor can move (the program finished, or is
 * stuck), after a number of steps, after a time, or (controlled) when the schedule ends. The
 * recorded trace is a behaviour of the spec by construction.
 */
public final class ActorDriver {

    /**
     * @param maxSteps  stop after this many steps
     * @param maxPause  longest random pause between two steps of one thread (free runs)
     * @param seed      seeds each thread's choices and the runtime's
     * @param maxTime   a run is stopped after this long, whatever its state
     */
    public record Options(int maxSteps, Duration maxPause, long seed, Duration maxTime) {
        public Options {
            if (maxSteps < 1) {
                throw new IllegalArgumentException("maxSteps must be positive");
            }
            Objects.requireNonNull(maxPause, "maxPause");
            Objects.requireNonNull(maxTime, "maxTime");
        }

        public Options(int maxSteps, Duration maxPause, long seed) {
            this(maxSteps, maxPause, seed, Duration.ofSeconds(10));
        }
    }

    /** How a run ended; SCHEDULE_END only in controlled runs (the run's {@code detail} says why). */
    public enum Ending { VIOLATION, FINISHED, STEP_LIMIT, TIME_LIMIT, SCHEDULE_END }

    /** The outcome of one run: its ending, the violations seen, the behaviour recorded, the actors. */
    public record Run(Ending ending, List<LiveRuntime.Violation> violations, Trace trace, List<String> actors,
                      String detail) {
    }

    private final Machine machine;
    private final Options options;
    private final Actors actors;

    /** Each run finds its actors from its initial state ({@link Actors#discover}). */
    public ActorDriver(Machine machine, Options options) {
        this(machine, options, null);
    }

    /** Every run has these actors (many runs from one initial state need to find them only once). */
    public ActorDriver(Machine machine, Options options, Actors actors) {
        this.machine = machine;
        this.options = options;
        this.actors = actors;
    }

    private Actors actorsFor(State init) {
        return actors != null ? actors : Actors.discover(machine, init);
    }

    static String threadName(String actor) {
        return "actor-" + actor;
    }

    /** A free run: the JVM schedules the threads. */
    public Run run(State init) throws InterruptedException {
        LiveRuntime live = new LiveRuntime(machine, init, options.seed());
        Actors actors = actorsFor(init);
        AtomicBoolean done = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < actors.names().size(); i++) {
            String me = actors.names().get(i);
            SplittableRandom random = threadRandom(i);
            threads.add(daemon(me, () -> freeLoop(live, actors, me, random, done)));
        }
        threads.forEach(Thread::start);
        joinUntil(threads, System.nanoTime() + options.maxTime().toNanos());
        done.set(true);
        live.stop();
        for (Thread t : threads) {
            t.join();
        }
        Trace trace = live.trace();
        Ending ending = !live.violations().isEmpty() ? Ending.VIOLATION
            : trace.size() > options.maxSteps() ? Ending.STEP_LIMIT
            : actors.enabled(machine, live.current()).isEmpty() ? Ending.FINISHED : Ending.TIME_LIMIT;
        return new Run(ending, live.violations(), trace, actors.names(), null);
    }

    /**
     * One thread of a free run. What it decides is decided on one snapshot of the state: nothing to
     * do there and no successor at all means the program is over (such a state never changes again);
     * nothing to do but a successor for someone else means waiting until the state changes.
     */
    private void freeLoop(LiveRuntime live, Actors actors, String me, SplittableRandom random, AtomicBoolean done) {
        try {
            while (!done.get() && live.violations().isEmpty() && live.trace().size() <= options.maxSteps()) {
                State now = live.current();
                Map<String, List<Actors.Move>> enabled = actors.enabled(machine, now);
                if (enabled.isEmpty()) {
                    break;
                }
                List<Actors.Move> mine = enabled.get(me);
                if (mine == null) {
                    live.awaitChange(now, Duration.ofMillis(50));
                    continue;
                }
                ActionLabel pick = mine.get(random.nextInt(mine.size())).label();
                Value[] params = pick.params().stream().map(ActionLabel.Binding::value).toArray(Value[]::new);
                live.tryPerform(pick.name(), Duration.ofMillis(5), params);
                pause(random);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (LiveRuntime.StoppedException e) {
            // another actor ended the run
        } finally {
            done.set(true);
            live.stop();
        }
    }

    private void pause(SplittableRandom random) {
        long max = options.maxPause().toNanos();
        if (max > 0) {
            LockSupport.parkNanos(random.nextLong(max + 1));
        }
    }

    /** A controlled run: {@code scheduler} decides which thread moves at every step. */
    public Run run(State init, Scheduler scheduler) throws InterruptedException {
        LiveRuntime live = new LiveRuntime(machine, init, options.seed());
        Actors actors = actorsFor(init);
        ControlledRun control = new ControlledRun(machine, live, actors, scheduler, options.maxSteps());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < actors.names().size(); i++) {
            String me = actors.names().get(i);
            SplittableRandom random = threadRandom(i);
            threads.add(daemon(me, () -> control.actorLoop(me, random)));
        }
        threads.forEach(Thread::start);
        try {
            control.awaitEnd(options.maxTime());
        } finally {
            live.stop();
            for (Thread t : threads) {
                t.join();
            }
        }
        return new Run(control.ending(), live.violations(), live.trace(), actors.names(), control.detail());
    }

    private SplittableRandom threadRandom(int index) {
        return new SplittableRandom(options.seed() * 31 + index);
    }

    private static Thread daemon(String actor, Runnable body) {
        Thread t = new Thread(body, threadName(actor));
        t.setDaemon(true);
        return t;
    }

    /** Joins the threads, giving up at {@code deadline}. */
    private static void joinUntil(List<Thread> threads, long deadline) throws InterruptedException {
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            t.join(Math.max(1, left / 1_000_000));
        }
    }
}
