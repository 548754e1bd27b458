package io.finalspec.runtime.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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

    public ActorDriver(Machine machine, Options options) {
        this.machine = machine;
        this.options = options;
    }

    static String threadName(String actor) {
        return "actor-" + actor;
    }

    /** A free run: the JVM schedules the threads. */
    public Run run(State init) throws InterruptedException {
        LiveRuntime live = new LiveRuntime(machine, init, options.seed());
        Actors actors = Actors.discover(machine, init);
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

    /** A turn handed to an actor's thread: its moves, and the one to take when the schedule says. */
    private record Turn(List<Actors.Move> moves, Actors.Move forced) {
    }

    private static final Turn OVER = new Turn(List.of(), null);

    /** A controlled run: {@code scheduler} decides which thread moves at every step. */
    public Run run(State init, Scheduler scheduler) throws InterruptedException {
        LiveRuntime live = new LiveRuntime(machine, init, options.seed());
        Actors actors = Actors.discover(machine, init);
        Map<String, BlockingQueue<Turn>> inbox = new LinkedHashMap<>();
        BlockingQueue<Optional<RuntimeException>> stepped = new LinkedBlockingQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < actors.names().size(); i++) {
            String me = actors.names().get(i);
            BlockingQueue<Turn> turns = new LinkedBlockingQueue<>();
            inbox.put(me, turns);
            SplittableRandom random = threadRandom(i);
            threads.add(daemon(me, () -> controlledLoop(live, turns, random, stepped)));
        }
        threads.forEach(Thread::start);
        scheduler.start(actors.names());
        String[] detail = {null};
        Ending ending;
        try {
            ending = schedule(live, actors, scheduler, inbox, stepped, detail);
        } finally {
            live.stop();
            for (BlockingQueue<Turn> q : inbox.values()) {
                q.add(OVER);
            }
            for (Thread t : threads) {
                t.join();
            }
        }
        return new Run(ending, live.violations(), live.trace(), actors.names(), detail[0]);
    }

    private Ending schedule(LiveRuntime live, Actors actors, Scheduler scheduler, Map<String, BlockingQueue<Turn>> inbox,
                            BlockingQueue<Optional<RuntimeException>> stepped, String[] detail) throws InterruptedException {
        long deadline = System.nanoTime() + options.maxTime().toNanos();
        for (int step = 0; ; step++) {
            if (!live.violations().isEmpty()) {
                return Ending.VIOLATION;
            }
            if (step >= options.maxSteps()) {
                return Ending.STEP_LIMIT;
            }
            State now = live.current();
            Map<String, List<Actors.Move>> enabled = actors.enabled(machine, now);
            if (enabled.isEmpty()) {
                return Ending.FINISHED;
            }
            Scheduler.Decision d = scheduler.next(step, now, enabled);
            if (d instanceof Scheduler.Stop stop) {
                detail[0] = stop.reason();
                return Ending.SCHEDULE_END;
            }
            Scheduler.Grant g = (Scheduler.Grant) d;
            List<Actors.Move> moves = enabled.get(g.actor());
            if (moves == null) {
                throw new IllegalStateException("the scheduler granted step " + step + " to " + g.actor() + ", who cannot move");
            }
            inbox.get(g.actor()).add(new Turn(moves, g.move()));
            Optional<RuntimeException> failed = stepped.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (failed == null) {
                return Ending.TIME_LIMIT;
            }
            if (failed.isPresent()) {
                throw new IllegalStateException(g.actor() + " failed at step " + step, failed.get());
            }
        }
    }

    /** One thread of a controlled run: waits for its turn, takes its step through the runtime, reports. */
    private static void controlledLoop(LiveRuntime live, BlockingQueue<Turn> turns, SplittableRandom random,
                                       BlockingQueue<Optional<RuntimeException>> stepped) {
        try {
            for (Turn t = turns.take(); t != OVER; t = turns.take()) {
                Actors.Move m = t.forced() != null ? t.forced() : t.moves().get(random.nextInt(t.moves().size()));
                try {
                    live.perform(m.label(), m.target());
                    stepped.add(Optional.empty());
                } catch (RuntimeException e) {
                    stepped.add(Optional.of(e));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
