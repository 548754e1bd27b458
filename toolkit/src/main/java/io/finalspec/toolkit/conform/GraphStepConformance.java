package io.finalspec.toolkit.conform;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.finalspec.distributed.DistributedGraph;
import io.finalspec.distributed.PrintedStates;
import io.finalspec.runtime.explore.ModelFilter;
import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.machine.States;
import io.finalspec.runtime.trace.Trace;
import io.finalspec.runtime.value.TlaEvalException;

/**
 * Exhaustive step conformance from TLC's labelled state graph ({@link DotGraphReader}): for every
 * state TLC reached, the machine's successors must equal TLC's as multisets of (action name,
 * successor), and the initial states must be the same. Successors are identified by the machine's
 * VIEW fingerprint (TLC identifies them by its own, after VIEW/SYMMETRY), so a reduced model is
 * compared on what both sides actually distinguish.
 *
 * <p>Streaming, in one pass over the dump: when TLC declares a state, it is parsed (TLC's print
 * syntax, the machine's {@code NameTable}), its machine successors are computed at once and added
 * to a per-state balance, an order-independent sum of 64-bit hashes of (action, successor); each
 * of TLC's transitions subtracts its own hash as soon as its target is declared. A state conforms
 * when its balance and its transition count both return to zero. Per state the run keeps a
 * fingerprint, a balance and a count in primitive arrays; no state object outlives its line. A
 * false "equal" needs two different multisets with the same 64-bit sum, as unlikely as the
 * fingerprint collisions TLC itself accepts. The first state that does not balance is then
 * described in full by reading the dump again.
 *
 * <p>{@code conform} reads the dump with {@code --distributed} (the graph streamed to the members),
 * with {@code --dump FILE}, and when TLC's JVM cannot build the machine; otherwise it compares the
 * graph inside TLC's JVM ({@link ToolGraphConformance}), with the same answers.
 *
 * <p>Action labels in TLC's dump carry no parameter values, so this compares action names; the
 * oracle-backed {@link StepConformance} ({@code --mode walk}) also compares the parameters.
 */
public final class GraphStepConformance {

    /** What a run compared, and the mismatches found (at most one, the first state in TLC's order). */
    public record Result(long statesChecked, long transitionsCompared, double seconds, List<Mismatch> mismatches) {
        public double statesPerSecond() {
            return seconds <= 0 ? 0 : statesChecked / seconds;
        }

        public double transitionsPerSecond() {
            return seconds <= 0 ? 0 : transitionsCompared / seconds;
        }
    }

    /** TLC's dump could not be compared (a state printed in a form the parser does not read, an edge to nowhere). */
    public static final class UnreadableDump extends Exception {
        UnreadableDump(String message) {
            super(message);
        }
    }

    /** A state TLC printed that the value parser cannot read (an evaluation error of the machine is not one). */
    private static final class UnreadableState extends RuntimeException {
        UnreadableState(String message) {
            super(message);
        }
    }

    private final Machine machine;
    private final long seed;
    private final PrintedStates printed;

    /** @param seed written into a mismatch, for the replay command it prints */
    public GraphStepConformance(Machine machine, long seed) {
        this.machine = machine;
        this.seed = seed;
        this.printed = new PrintedStates(machine);
    }

    /** Compares the machine with the graph in {@code dump}; {@code tlcDistinct} is TLC's own count (-1: unknown). */
    public Result check(Path dump, long tlcDistinct) throws IOException, UnreadableDump {
        try (Reader in = Files.newBufferedReader(dump, StandardCharsets.UTF_8)) {
            return finish(stream(in), dump, tlcDistinct);
        }
    }

    /**
     * The streaming half: reads the graph (possibly while TLC is still writing it) and balances
     * every state; {@link #finish} then judges, once the whole file is on disk.
     */
    public Pass stream(Reader in) throws IOException, UnreadableDump {
        Pass pass = new Pass();
        try {
            DotGraphReader.read(in, pass);
        } catch (UnreadableState e) {
            throw new UnreadableDump("a state in TLC's graph dump: " + e.getMessage());
        }
        return pass;
    }

    /** Judges a finished {@link #stream pass}; {@code dump} is read again only to describe a mismatch. */
    public Result finish(Pass pass, Path dump, long tlcDistinct) throws IOException, UnreadableDump {
        if (pass.failure != null) {
            throw new UnreadableDump(pass.failure);
        }
        if (!pass.unresolved.isEmpty()) {
            throw new UnreadableDump("TLC's graph dump has transitions to states it never printed: " + pass.unresolved.keySet());
        }
        int states = pass.index.size();
        if (tlcDistinct >= 0 && tlcDistinct != states) {
            throw new UnreadableDump("TLC reported " + tlcDistinct + " distinct states but its graph dump holds " + states);
        }
        Long first = null;
        for (int slot = 0; slot < states && first == null; slot++) {
            if (pass.balance[slot] != 0 || pass.count[slot] != 0) {
                first = pass.fpOfSlot(slot);
            }
        }
        Set<Long> initialViews = new HashSet<>();
        for (long fp : pass.tlcInit) {
            initialViews.add(pass.machineFp[pass.index.get(fp)]);
        }
        return judge(states, pass.transitions, initialViews, first, dump, pass.start);
    }

    /** Feeds TLC's graph from {@code in} to the members' comparison {@code g}, then resolves and tallies it there. */
    public static DistributedGraph.Tally overMembers(Reader in, DistributedGraph g) throws IOException {
        DotGraphReader.read(in, new DotGraphReader.Listener() {
            @Override
            public void state(long fp, String text, boolean initial) {
                g.state(fp, text, initial);
            }

            @Override
            public void transition(long from, long to, String action) {
                g.transition(from, to, action);
            }
        });
        return g.finish();
    }

    /**
     * Judges a graph compared over the members of a cluster ({@link DistributedGraph}); as
     * {@link #finish}, with the same first mismatch.
     */
    public Result finish(DistributedGraph.Tally t, Path dump, long tlcDistinct, long startNanos) throws IOException, UnreadableDump {
        if (t.failure() != null) {
            throw new UnreadableDump(t.failure());
        }
        if (tlcDistinct >= 0 && tlcDistinct != t.states()) {
            throw new UnreadableDump("TLC reported " + tlcDistinct + " distinct states but its graph dump holds " + t.states());
        }
        return judge(t.states(), t.transitions(), t.initialViews(), t.unbalanced() ? t.firstUnbalanced() : null, dump, startNanos);
    }

    /**
     * The mismatches of a compared graph: the initial states when TLC's ({@code initialViews}, by
     * VIEW fingerprint) are not the machine's, else the first state in TLC's order whose
     * successors differ ({@code firstUnbalanced}, TLC's fingerprint; null: none), described by
     * reading the dump again.
     */
    private Result judge(long states, long transitions, Set<Long> initialViews, Long firstUnbalanced, Path dump, long startNanos)
            throws IOException {
        List<Mismatch> mismatches = new ArrayList<>();
        Mismatch init = compareInit(initialViews, dump);
        if (init != null) {
            mismatches.add(init);
        } else if (firstUnbalanced != null) {
            mismatches.add(describe(dump, firstUnbalanced));
        }
        return new Result(states, transitions, (System.nanoTime() - startNanos) / 1e9, mismatches);
    }

    /** The streaming pass: one balance per state, fed by both sides. */
    public final class Pass implements DotGraphReader.Listener {
        final long start = System.nanoTime();
        final FingerprintIndex index = new FingerprintIndex();
        long[] tlcFp = new long[1 << 10];
        long[] machineFp = new long[1 << 10];
        long[] balance = new long[1 << 10];
        int[] count = new int[1 << 10];
        final Set<Long> tlcInit = new HashSet<>();
        /** Transitions whose target TLC declares on a later line: target fingerprint to (source slot, action hash) pairs. */
        final Map<Long, List<long[]>> unresolved = new HashMap<>();
        long transitions;
        String failure;

        long fpOfSlot(int slot) {
            return tlcFp[slot];
        }

        Pass() {
        }

        @Override
        public void state(long fp, String printed, boolean initial) {
            if (initial) {
                tlcInit.add(fp);
            }
            int slot = index.add(fp);
            if (slot < 0) {
                return;
            }
            grow(slot);
            State s;
            try {
                s = parse(printed);
            } catch (TlaEvalException e) {
                throw new UnreadableState(e.getMessage());
            }
            tlcFp[slot] = fp;
            machineFp[slot] = States.viewFingerprint(machine, s);
            long[] successors = GraphStepConformance.this.printed.successors(s);
            balance[slot] = successors[0];
            count[slot] = (int) successors[1];
            transitions += successors[1];
            List<long[]> waiting = unresolved.remove(fp);
            if (waiting != null) {
                for (long[] w : waiting) {
                    subtract((int) w[0], w[1], machineFp[slot]);
                }
            }
        }

        @Override
        public void transition(long from, long to, String action) {
            int source = index.get(from);
            if (source < 0) {
                failure = failure != null ? failure : "TLC's graph dump has a transition from state " + from + " before declaring it";
                return;
            }
            long hash = PrintedStates.actionHash(action);
            int target = index.get(to);
            if (target < 0) {
                unresolved.computeIfAbsent(to, k -> new ArrayList<>(1)).add(new long[] {source, hash});
            } else {
                subtract(source, hash, machineFp[target]);
            }
        }

        private void subtract(int source, long action, long targetFp) {
            balance[source] -= PrintedStates.element(action, targetFp);
            count[source]--;
        }

        private void grow(int slot) {
            if (slot < tlcFp.length) {
                return;
            }
            int n = tlcFp.length * 2;
            tlcFp = Arrays.copyOf(tlcFp, n);
            machineFp = Arrays.copyOf(machineFp, n);
            balance = Arrays.copyOf(balance, n);
            count = Arrays.copyOf(count, n);
        }
    }

    private State parse(String text) {
        return printed.parse(text);
    }

    private Mismatch compareInit(Set<Long> tlc, Path dump) throws IOException {
        Set<Long> mine = new HashSet<>();
        machineInit(machine).forEach(s -> mine.add(States.viewFingerprint(machine, s)));
        return tlc.equals(mine) ? null : initMismatch(machine, initial(dump).values(), seed);
    }

    /** The machine's initial states in the model (CONSTRAINTs honoured), as TLC's graph holds them. */
    private static List<State> machineInit(Machine machine) {
        List<State> mine = new ArrayList<>();
        machine.initStates(s -> {
            if (machine.constraints().stream().allMatch(c -> c.test(s))) {
                mine.add(s);
            }
        });
        return mine;
    }

    /**
     * The mismatch of initial states: TLC's {@code tlcInit} the machine lacks and the machine's TLC
     * lacks, compared by VIEW fingerprint. Shared by the graph's two sources (the dump, TLC's Tool API).
     */
    static Mismatch initMismatch(Machine machine, Collection<State> tlcInit, long seed) {
        List<State> mine = machineInit(machine);
        Set<Long> mineFps = new HashSet<>();
        mine.forEach(s -> mineFps.add(States.viewFingerprint(machine, s)));
        Set<Long> tlcFps = new HashSet<>();
        List<Transition> missing = new ArrayList<>();
        for (State s : tlcInit) {
            if (tlcFps.add(States.viewFingerprint(machine, s)) && !mineFps.contains(States.viewFingerprint(machine, s))) {
                missing.add(new Transition(ActionLabel.of("Init"), s));
            }
        }
        List<Transition> extra = new ArrayList<>();
        for (State s : mine) {
            if (!tlcFps.contains(States.viewFingerprint(machine, s))) {
                extra.add(new Transition(ActionLabel.of("Init"), s));
            }
        }
        return new Mismatch("init", null, missing, extra, StepConformance.closestDiff(machine, missing, extra),
            new Trace(machine.variables(), List.of()), seed);
    }

    /** Reads the dump again for the state {@code fp}, its transitions in TLC and their targets. */
    private Mismatch describe(Path dump, long fp) throws IOException {
        List<long[]> edges = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(dump, StandardCharsets.UTF_8)) {
            DotGraphReader.read(in, new DotGraphReader.Listener() {
                @Override
                public void state(long f, String printed, boolean initial) {
                }

                @Override
                public void transition(long from, long to, String action) {
                    if (from == fp) {
                        edges.add(new long[] {to});
                        actions.add(action);
                    }
                }
            });
        }
        Set<Long> wanted = new HashSet<>();
        wanted.add(fp);
        edges.forEach(e -> wanted.add(e[0]));
        Map<Long, State> states = declared(dump, wanted);
        State source = states.get(fp);
        List<Transition> tlc = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            tlc.add(new Transition(ActionLabel.of(actions.get(i)), states.get(edges.get(i)[0])));
        }
        return successorsMismatch(machine, source, tlc, seed);
    }

    /**
     * The mismatch at {@code source}: TLC's transitions in the graph ({@code tlc}, labelled with
     * action names) against the machine's in the model, successors compared by VIEW. Shared by the
     * graph's two sources (the dump, TLC's Tool API).
     */
    static Mismatch successorsMismatch(Machine machine, State source, List<Transition> tlc, long seed) {
        ModelFilter model = new ModelFilter(machine);
        List<Transition> mine = new ArrayList<>();
        machine.successors(source, (label, next) -> {
            if (model.inModel(source, next)) {
                mine.add(new Transition(ActionLabel.of(label.name()), next));
            }
        });
        List<Transition> missing = minusByView(machine, tlc, mine);
        List<Transition> extra = minusByView(machine, mine, tlc);
        return new Mismatch("graph", source, missing, extra, StepConformance.closestDiff(machine, missing, extra),
            StepConformance.shortestPath(machine, source, null), seed);
    }

    /** Transitions of {@code left} not matched one-for-one in {@code right}, successors compared by VIEW. */
    private static List<Transition> minusByView(Machine machine, List<Transition> left, List<Transition> right) {
        Map<ViewKey, Integer> counts = new HashMap<>();
        for (Transition t : right) {
            counts.merge(key(machine, t), 1, Integer::sum);
        }
        List<Transition> out = new ArrayList<>();
        for (Transition t : left) {
            ViewKey k = key(machine, t);
            int c = counts.getOrDefault(k, 0);
            if (c == 0) {
                out.add(t);
            } else {
                counts.put(k, c - 1);
            }
        }
        return out;
    }

    private record ViewKey(String action, long view) {
    }

    private static ViewKey key(Machine machine, Transition t) {
        return new ViewKey(t.label().name(), States.viewFingerprint(machine, t.state()));
    }

    /** TLC's initial states, parsed, by TLC's fingerprint. */
    private Map<Long, State> initial(Path dump) throws IOException {
        Map<Long, State> out = new HashMap<>();
        try (Reader in = Files.newBufferedReader(dump, StandardCharsets.UTF_8)) {
            DotGraphReader.read(in, new DotGraphReader.Listener() {
                @Override
                public void state(long fp, String text, boolean initial) {
                    if (initial) {
                        out.putIfAbsent(fp, parse(text));
                    }
                }

                @Override
                public void transition(long from, long to, String action) {
                }
            });
        }
        return out;
    }

    /** The states TLC declared with a fingerprint in {@code fps}, parsed. */
    private Map<Long, State> declared(Path dump, Set<Long> fps) throws IOException {
        Map<Long, State> out = new HashMap<>();
        try (Reader in = Files.newBufferedReader(dump, StandardCharsets.UTF_8)) {
            DotGraphReader.read(in, new DotGraphReader.Listener() {
                @Override
                public void state(long fp, String printed, boolean initial) {
                    if (fps.contains(fp)) {
                        out.putIfAbsent(fp, parse(printed));
                    }
                }

                @Override
                public void transition(long from, long to, String action) {
                }
            });
        }
        return out;
    }

}
