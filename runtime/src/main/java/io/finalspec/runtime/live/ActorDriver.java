package io.finalspec.runtime.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.trace.Trace;
import io.finalspec.runtime.value.Value;

/**
 * Runs a machine as a real concurrent program: one Java thread per actor, where an actor is the
 * value of an action's first parameter (each thread of a CPython model: {@code d1}, {@code Fin},
 * ...) and the parameterless actions belong to a thread called {@code main}. Each thread looks at
 * the current state, picks one of its own enabled actions at random, performs it through a
 * {@link LiveRuntime}, and pauses for a random moment, as a thread doing I/O would. Which
 * interleaving happens is up to the JVM's scheduler, as it is up to the OS for CPython.
 *
 * <p>A run ends when an invariant is violated, when no actor has an enabled action (the program
 * finished, or is stuck), or after a number of steps. The recorded trace is a behaviour of the
 * spec by construction.
 */
public final class ActorDriver {

    /**
     * @param maxSteps  stop after this many steps
     * @param maxPause  longest random pause between two steps of one thread
     * @param seed      seeds each thread's choices (the schedule itself is the JVM's)
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

    /** How a run ended. */
    public enum Ending { VIOLATION, FINISHED, STEP_LIMIT, TIME_LIMIT }

    /** The outcome of one run: its ending, the violations seen, the behaviour recorded, the actors. */
    public record Run(Ending ending, List<LiveRuntime.Violation> violations, Trace trace, List<String> actors) {
    }

    private static final String MAIN = "main";

    private final Machine machine;
    private final Options options;

    public ActorDriver(Machine machine, Options options) {
        this.machine = machine;
        this.options = options;
    }

    /** The actors of a state's enabled actions, keyed by name, each with its identifying value (null for main). */
    static Map<String, Value> actorsOf(Machine machine, State state) {
        Map<String, Value> actors = new LinkedHashMap<>();
        machine.successors(state, (label, next) -> {
            Value v = label.params().isEmpty() ? null : label.params().get(0).value();
            actors.putIfAbsent(v == null ? MAIN : v.toString(), v);
        });
        return actors;
    }

    public Run run(State init) throws InterruptedException {
        LiveRuntime live = new LiveRuntime(machine, init, options.seed());
        Map<String, Value> actors = discoverActors(init);
        actors.putIfAbsent(MAIN, null);
        AtomicInteger idle = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, Value> actor : actors.entrySet()) {
            SplittableRandom random = new SplittableRandom(options.seed() * 31 + index++);
            Thread t = new Thread(() -> loop(live, actor.getValue(), actors, random, idle, done), "actor-" + actor.getKey());
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        long deadline = System.nanoTime() + options.maxTime().toNanos();
        for (Thread t : threads) {
            t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        done.set(true);
        live.stop();
        for (Thread t : threads) {
            t.join();
        }
        Trace trace = live.trace();
        Ending ending = !live.violations().isEmpty() ? Ending.VIOLATION
            : trace.size() > options.maxSteps() ? Ending.STEP_LIMIT
            : System.nanoTime() >= deadline ? Ending.TIME_LIMIT : Ending.FINISHED;
        return new Run(ending, live.violations(), trace, List.copyOf(actors.keySet()));
    }

    /** Every actor that has an action in the reachable part near the start: looked up breadth-first a few levels. */
    private Map<String, Value> discoverActors(State init) {
        Map<String, Value> actors = new LinkedHashMap<>();
        List<State> frontier = List.of(init);
        for (int level = 0; level < 6 && !frontier.isEmpty(); level++) {
            List<State> next = new ArrayList<>();
            for (State s : frontier) {
                actors.putAll(actorsOf(machine, s));
                machine.successors(s, (l, t) -> {
                    if (next.size() < 256) {
                        next.add(t);
                    }
                });
            }
            frontier = next;
        }
        return actors;
    }

    private void loop(LiveRuntime live, Value me, Map<String, Value> actors, SplittableRandom random, AtomicInteger idle,
                      java.util.concurrent.atomic.AtomicBoolean done) {
        boolean counted = false;
        try {
            while (!done.get() && live.violations().isEmpty() && live.trace().size() <= options.maxSteps()) {
                List<ActionLabel> mine = enabledFor(live.current(), me, actors);
                if (mine.isEmpty()) {
                    if (!counted) {
                        counted = true;
                        idle.incrementAndGet();
                    }
                    // Every thread idle and the state unchanged: nothing can move any more.
                    State before = live.current();
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
                    if (idle.get() == actors.size() && live.current() == before) {
                        break;
                    }
                    continue;
                }
                if (counted) {
                    counted = false;
                    idle.decrementAndGet();
                }
                ActionLabel pick = mine.get(random.nextInt(mine.size()));
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

    /** This actor's enabled actions; {@code main} also takes those of actors that have no thread. */
    private List<ActionLabel> enabledFor(State state, Value me, Map<String, Value> actors) {
        List<ActionLabel> out = new ArrayList<>();
        machine.successors(state, (label, next) -> {
            Value v = label.params().isEmpty() ? null : label.params().get(0).value();
            boolean orphan = v != null && !actors.containsKey(v.toString());
            if ((Objects.equals(v, me) || (me == null && orphan)) && !out.contains(label)) {
                out.add(label);
            }
        });
        return out;
    }

    private void pause(SplittableRandom random) {
        long max = options.maxPause().toNanos();
        if (max > 0) {
            LockSupport.parkNanos(random.nextLong(max + 1));
        }
    }
}
