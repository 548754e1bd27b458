package io.finalspec.runtime.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.machine.States;
import io.finalspec.runtime.trace.Trace;

/**
 * Seeded random walks (TLC's simulation mode, reproducibly): from a uniformly chosen initial state,
 * repeatedly take a uniformly chosen successor within the model's constraints, checking invariants
 * and deadlock at each state (and the properties' {@code []P} and {@code [][A]_v} conjuncts). A walk ends at {@code maxDepth} states, at a state whose successors
 * all fall outside the constraints, or at a failure. A failure is minimised by a breadth-first
 * search to the failing state, which yields a shortest trace to it.
 */
public final class RandomWalker {

    /** One walk: its trace and how it ended (OK when it ran out of depth or successors). */
    public record Walk(Trace trace, Outcome outcome) {
    }

    /** The result of {@link #run}: walks done, steps taken, the first failure (raw and minimised). */
    public record Result(long seed, int walks, long steps, Outcome outcome, Trace trace, Trace minimized) {
        public boolean isOk() {
            return outcome.isOk();
        }
    }

    private final Machine machine;
    private final long seed;
    private final int maxDepth;
    private final SplittableRandom random;
    private final Constraints model;

    public RandomWalker(Machine machine, long seed, int maxDepth) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be >= 1");
        }
        this.machine = machine;
        this.seed = seed;
        this.maxDepth = maxDepth;
        this.random = new SplittableRandom(seed);
        this.model = new Constraints(machine);
    }

    /** Runs up to {@code walks} walks, stopping at the first failure. */
    public Result run(int walks) {
        long steps = 0;
        for (int w = 0; w < walks; w++) {
            Walk walk = walkOnce();
            steps += walk.trace().size();
            if (!walk.outcome().isOk()) {
                Trace min = minimise(walk.trace());
                return new Result(seed, w + 1, steps, walk.outcome(), walk.trace(), min);
            }
        }
        return new Result(seed, walks, steps, Outcome.OK, null, null);
    }

    /** One walk from the current position of the seeded generator. */
    public Walk walkOnce() {
        List<Trace.Step> steps = new ArrayList<>();
        List<State> inits = new ArrayList<>();
        try {
            machine.initStates(s -> {
                if (model.inModel(null, s)) {
                    inits.add(s);
                }
            });
        } catch (RuntimeException e) {
            return new Walk(new Trace(machine.variables(), steps), Outcome.error(BfsExplorer.message(e)));
        }
        if (inits.isEmpty()) {
            return new Walk(new Trace(machine.variables(), steps), Outcome.OK);
        }
        State cur = inits.get(random.nextInt(inits.size()));
        steps.add(new Trace.Step(null, cur));
        Outcome out = checkInitial(cur);
        while (out.isOk() && steps.size() < maxDepth) {
            List<ActionLabel> labels = new ArrayList<>();
            List<State> succ = new ArrayList<>();
            int[] all = {0};
            State from = cur;
            try {
                machine.successors(from, (l, t) -> {
                    all[0]++;
                    if (model.inModel(from, t)) {
                        labels.add(l);
                        succ.add(t);
                    }
                });
            } catch (RuntimeException e) {
                out = Outcome.error(BfsExplorer.message(e));
                break;
            }
            if (all[0] == 0) {
                if (machine.checkDeadlock()) {
                    out = Outcome.deadlock();
                }
                break;
            }
            if (succ.isEmpty()) {
                break;
            }
            int i = random.nextInt(succ.size());
            cur = succ.get(i);
            steps.add(new Trace.Step(labels.get(i), cur));
            out = checkState(cur);
            if (out.isOk()) {
                out = checkStep(from, cur);
            }
        }
        return new Walk(new Trace(machine.variables(), steps), out);
    }

    private Outcome checkInitial(State s) {
        return checked(() -> model.violatedInitially(s));
    }

    private Outcome checkState(State s) {
        return checked(() -> model.violated(s));
    }

    /** The first violation {@code check} reports, OK for none, or the error it fails with. */
    private static Outcome checked(java.util.function.Supplier<Outcome> check) {
        try {
            Outcome bad = check.get();
            return bad == null ? Outcome.OK : bad;
        } catch (RuntimeException e) {
            return Outcome.error(BfsExplorer.message(e));
        }
    }

    private Outcome checkStep(State from, State to) {
        return checked(() -> model.violatedAction(from, to));
    }

    /** A shortest trace to the last state of {@code trace}, found by breadth-first search. */
    public Trace minimise(Trace trace) {
        if (trace.size() <= 1) {
            return trace;
        }
        long want = States.viewFingerprint(machine, trace.state(trace.size() - 1));
        Machine noChecks = io.finalspec.runtime.machine.ForwardingMachine.withoutChecks(machine);
        ExploreResult r = new BfsExplorer(noChecks, BfsExplorer.Options.defaults(),
                s -> States.viewFingerprint(machine, s) == want).run();
        return r.trace() != null && r.trace().size() <= trace.size() ? r.trace() : trace;
    }
}
