package io.finalspec.runtime.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.trace.Trace;
import io.finalspec.runtime.value.Value;
import io.finalspec.runtime.value.ValueOrder;

/**
 * Runs a machine as a concurrent program: real threads call {@link #perform} to take spec actions.
 *
 * <p>{@code perform(action, params)} blocks until the current state has a successor labelled
 * {@code action} whose leading parameters equal {@code params}, then, under one lock, moves to that
 * successor, appends it to the recorded trace, checks the invariants and wakes all waiting threads.
 * Because every recorded step is a successor chosen from the machine itself, the recorded trace is a
 * behaviour of the spec by construction (and {@link io.finalspec.runtime.trace.TraceReplayer}
 * confirms it). Invariant violations are recorded (and passed to the listener), not thrown: the
 * program goes on as the real one would, and the test decides.
 */
public final class LiveRuntime {

    /** An invariant found violated after step {@code step} (0-based index in the trace). */
    public record Violation(int step, String invariant, Trace trace) {
    }

    /** Thrown to threads blocked in {@link #perform} when the runtime is stopped. */
    public static final class StoppedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoppedException(String action) {
            super("live runtime stopped while waiting to perform " + action);
        }
    }

    /**
     * Thrown by {@link #perform} when the action can never become enabled: no action at all is
     * enabled in the current state, and only actions change it, so every thread would wait for ever.
     */
    public static final class NeverEnabledException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        NeverEnabledException(String message) {
            super(message);
        }
    }

    private final Machine machine;
    /** The machine's action instances, asked once (empty: parameters are not checked up front). */
    private final List<ActionLabel> instances;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Trace.Step> steps = new ArrayList<>();
    private final List<Violation> violations = new CopyOnWriteArrayList<>();
    private final SplittableRandom random;
    private volatile Consumer<Violation> listener = v -> { };
    private State current;
    private boolean stopped;
    private int waiting;
    /** The last state asked whether any action is enabled in it, and the answer. */
    private State stuckChecked;
    private boolean stuck;

    /** Starts from the first initial state; among several matching successors, takes the first. */
    public LiveRuntime(Machine machine) {
        this(machine, firstInit(machine), null);
    }

    /** Starts from the first initial state; among several matching successors, chooses at random from {@code seed}. */
    public LiveRuntime(Machine machine, long seed) {
        this(machine, firstInit(machine), seed);
    }

    /**
     * Starts from {@code init}; with a non-null {@code seed}, chooses among matching successors (and
     * nothing else) at random, reproducibly.
     */
    public LiveRuntime(Machine machine, State init, Long seed) {
        this.machine = machine;
        this.instances = machine.actionInstances();
        this.current = init;
        this.random = seed == null ? null : new SplittableRandom(seed);
        steps.add(new Trace.Step(null, init));
        checkInvariants();
    }

    private static State firstInit(Machine m) {
        State[] first = new State[1];
        m.initStates(s -> {
            if (first[0] == null) {
                first[0] = s;
            }
        });
        if (first[0] == null) {
            throw new IllegalStateException(m.specName() + " has no initial state");
        }
        return first[0];
    }

    /** The machine this runtime drives. */
    public Machine machine() {
        return machine;
    }

    public void onViolation(Consumer<Violation> l) {
        listener = l == null ? v -> { } : l;
    }

    /**
     * Blocks until {@code action} with these leading parameters is enabled, then takes it. A name
     * that is not an action of the machine, or parameters that no action instance has, are an
     * {@link IllegalArgumentException} at once; an action that can never become enabled (no action
     * is enabled in the current state) is a {@link NeverEnabledException}, never a wait for ever.
     */
    public State perform(String action, Value... params) throws InterruptedException {
        return await(action, instanceFilter(action, params), Long.MAX_VALUE, null).orElseThrow();
    }

    /**
     * Blocks until the step labelled exactly {@code label} is enabled, then takes it: to the state
     * equal to {@code target}, or with a null {@code target} to any successor with that label.
     */
    public State perform(ActionLabel label, State target) throws InterruptedException {
        if (!instances.isEmpty() && !instances.contains(label)) {
            throw new IllegalArgumentException(label + " is not an action instance of " + machine.specName()
                + "; " + describe(label.name(), instances));
        }
        return await(label.toString(), label::equals, Long.MAX_VALUE, target).orElseThrow();
    }

    /**
     * As {@link #perform}, giving up after {@code timeout}; empty when the action did not get
     * enabled in time, or at once when it never can (no action is enabled in the current state).
     */
    public Optional<State> tryPerform(String action, Duration timeout, Value... params) throws InterruptedException {
        return await(action, instanceFilter(action, params), timeout.toNanos(), null);
    }

    /**
     * The labels a request for {@code action} with these leading parameters may take; an error
     * naming the actions, or the parameters' values, when no instance can match.
     */
    private Predicate<ActionLabel> instanceFilter(String action, Value[] params) {
        if (!machine.actionNames().contains(action)) {
            throw new IllegalArgumentException(machine.specName() + " has no action " + action + "; its actions are "
                + String.join(", ", machine.actionNames()));
        }
        Predicate<ActionLabel> filter = l -> l.name().equals(action) && paramsMatch(l, params);
        if (!instances.isEmpty() && instances.stream().noneMatch(filter)) {
            throw new IllegalArgumentException(call(action, params) + " is not an action instance of "
                + machine.specName() + "; " + describe(action, instances));
        }
        return filter;
    }

    private static String call(String action, Value[] params) {
        StringBuilder sb = new StringBuilder(action).append('(');
        for (int i = 0; i < params.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(params[i]).append(" (").append(params[i].kind().description()).append(')');
        }
        return sb.append(')').toString();
    }

    /** What the instances of {@code action} are, for an error message: {@code Acquire(p) with p in {p1, p2}}. */
    private static String describe(String action, List<ActionLabel> instances) {
        List<ActionLabel> own = instances.stream().filter(l -> l.name().equals(action)).toList();
        if (own.isEmpty() || own.get(0).params().isEmpty()) {
            return action + " takes no parameters";
        }
        List<ActionLabel.Binding> first = own.get(0).params();
        StringBuilder sb = new StringBuilder(action).append('(');
        for (int i = 0; i < first.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(first.get(i).name());
        }
        sb.append(") with");
        for (int i = 0; i < first.size(); i++) {
            final int k = i;
            java.util.Set<Value> values = new java.util.TreeSet<>(ValueOrder::compare);
            own.stream().filter(l -> l.params().size() > k).forEach(l -> values.add(l.params().get(k).value()));
            sb.append(i == 0 ? " " : ", ").append(first.get(i).name()).append(" in ").append(values.toString()
                .replace('[', '{').replace(']', '}'));
        }
        return sb.toString();
    }

    /**
     * Waits until the current state is no longer {@code seen} (another thread moved), the runtime is
     * stopped, or {@code timeout} passes; returns the current state.
     */
    public State awaitChange(State seen, Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lockInterruptibly();
        try {
            while (current == seen && !stopped && left > 0) {
                left = changed.awaitNanos(left);
            }
            return current;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes a step with a label {@code wanted} accepts (to {@code target} when not null) as soon as
     * there is one, waiting at most {@code nanos} (Long.MAX_VALUE: until it is enabled, or until it
     * never can be).
     */
    private Optional<State> await(String action, Predicate<ActionLabel> wanted, long nanos, State target)
            throws InterruptedException {
        long deadline = nanos == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + nanos;
        lock.lockInterruptibly();
        try {
            while (true) {
                if (stopped) {
                    throw new StoppedException(action);
                }
                State next = tryStep(wanted, target);
                if (next != null) {
                    return Optional.of(next);
                }
                if (stuck()) {
                    if (deadline != Long.MAX_VALUE) {
                        return Optional.empty();
                    }
                    throw new NeverEnabledException(action + " can never be enabled: no action of " + machine.specName()
                        + " is enabled in the current state (step " + (steps.size() - 1)
                        + "), and only actions change it\n" + current);
                }
                waiting++;
                try {
                    if (deadline == Long.MAX_VALUE) {
                        changed.await();
                    } else {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            return Optional.empty();
                        }
                        changed.await(left, TimeUnit.NANOSECONDS);
                    }
                } finally {
                    waiting--;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether no action at all is enabled in the current state (asked once per state; under the lock). */
    private boolean stuck() {
        if (stuckChecked != current) {
            boolean[] any = {false};
            machine.successors(current, (label, next) -> any[0] = true);
            stuck = !any[0];
            stuckChecked = current;
        }
        return stuck;
    }

    /** Whether {@code action} with these leading parameters is enabled now. */
    public boolean isEnabled(String action, Value... params) {
        lock.lock();
        try {
            return !matching(instanceFilter(action, params), null).isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every blocked {@code perform} with a {@link StoppedException}; later calls throw too. */
    public void stop() {
        lock.lock();
        try {
            stopped = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * How many threads are blocked in {@code perform}/{@code tryPerform} right now. When it equals
     * the number of threads driving the runtime, the program is stuck (a live deadlock).
     */
    public int waiting() {
        lock.lock();
        try {
            return waiting;
        } finally {
            lock.unlock();
        }
    }

    public State current() {
        lock.lock();
        try {
            return current;
        } finally {
            lock.unlock();
        }
    }

    /** The behaviour recorded so far. */
    public Trace trace() {
        lock.lock();
        try {
            return new Trace(machine.variables(), steps);
        } finally {
            lock.unlock();
        }
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    private record Candidate(ActionLabel label, State state) {
    }

    /** The successors of the current state with a label {@code wanted} accepts (and equal to {@code target}, if given). */
    private List<Candidate> matching(Predicate<ActionLabel> wanted, State target) {
        List<Candidate> out = new ArrayList<>();
        machine.successors(current, wanted, (label, next) -> {
            if (wanted.test(label) && (target == null || target.equals(next))) {
                out.add(new Candidate(label, next));
            }
        });
        return out;
    }

    private static boolean paramsMatch(ActionLabel label, Value[] params) {
        if (params.length > label.params().size()) {
            return false;
        }
        for (int i = 0; i < params.length; i++) {
            if (!ValueOrder.equal(label.params().get(i).value(), params[i])) {
                return false;
            }
        }
        return true;
    }

    private State tryStep(Predicate<ActionLabel> wanted, State target) {
        List<Candidate> c = matching(wanted, target);
        if (c.isEmpty()) {
            return null;
        }
        Candidate pick = random == null ? c.get(0) : c.get(random.nextInt(c.size()));
        current = pick.state();
        steps.add(new Trace.Step(pick.label(), current));
        checkInvariants();
        changed.signalAll();
        return current;
    }

    private void checkInvariants() {
        for (Machine.Predicate inv : machine.invariants()) {
            boolean ok;
            try {
                ok = inv.test(current);
            } catch (RuntimeException e) {
                ok = false;
            }
            if (!ok) {
                Violation v = new Violation(steps.size() - 1, inv.name(), new Trace(machine.variables(), steps));
                violations.add(v);
                listener.accept(v);
            }
        }
    }
}
