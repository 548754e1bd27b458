package io.finalspec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.finalspec.codegen.Compiler;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.trace.Itf;
import io.finalspec.runtime.trace.Trace;
import io.finalspec.runtime.trace.TraceReplayer;
import io.finalspec.tests.support.ConformanceFigures;
import io.finalspec.tests.support.ExploreCase;
import io.finalspec.tests.support.ExploreCases;
import io.finalspec.toolkit.cli.Main;

/**
 * Bulk trace validation through {@code finalspec trace FILE.jsonl}: seeded random walks of a corpus
 * model (100 steps each, one ITF trace per line) are all behaviours, and one walk with a step
 * replaced by a state that is not a successor is reported as the only one that is not, at that
 * step. The command's rates (traces and steps per second, microseconds per trace with and without
 * ITF parsing) are printed and written to {@code target/finalspec/bulk-traces.json}, which
 * {@code docs/conformance.md} quotes (written there with {@code -Dfinalspec.traces.doc=true}); they
 * are measured, never asserted.
 *
 * <p>{@code -Dfinalspec.traces.count=N} (default 1,000), {@code -Dfinalspec.traces.model=NAME}
 * (a corpus model, default DiningPool_nosymmetry), {@code -Dfinalspec.traces.seed=S}.
 */
class BulkTraceTest {

    static final int COUNT = Integer.getInteger("finalspec.traces.count", 1_000);
    static final String MODEL = System.getProperty("finalspec.traces.model", "DiningPool_nosymmetry");
    static final long SEED = Long.getLong("finalspec.traces.seed", 20261202L);
    static final int STEPS = 100;

    @TempDir
    Path tmp;

    @Test
    void walksAreBehavioursAndTheCorruptedOneIsNot() throws Exception {
        ExploreCase c = ExploreCases.corpus().stream().filter(e -> e.name().equals("corpus/" + MODEL)).findFirst()
            .orElseThrow(() -> new AssertionError("no corpus model " + MODEL));
        Machine machine = Compiler.load(c.spec(), c.config());
        Random random = new Random(SEED);
        int corrupted = COUNT / 2;
        int corruptedStep = -1;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < COUNT; i++) {
            Trace walk = walk(machine, random);
            if (i == corrupted) {
                corruptedStep = firstStepNotItsOwnSuccessor(machine, walk);
                walk = stutterAt(walk, corruptedStep);
            }
            lines.append(JsonParser.parseString(Itf.write(walk, machine.specName())).toString()).append('\n');
        }
        assertTrue(corruptedStep > 0, "walk " + corrupted + " has no state that is not its own successor (seed " + SEED + ")");
        Path traces = tmp.resolve("walks.jsonl");
        Files.writeString(traces, lines);
        Path json = Path.of("target/finalspec/bulk-traces.json").toAbsolutePath();
        Files.createDirectories(json.getParent());

        StringWriter out = new StringWriter();
        PrintWriter both = new PrintWriter(out, true);
        double loadBefore = ConformanceFigures.Machine.load();
        int code = Main.run(new String[] {"trace", traces.toString(), "--spec", c.spec().toString(), "-c", c.config().toString(),
            "--json", json.toString()}, both, both);
        String text = out.toString();
        System.out.println("bulk traces, " + MODEL + " (seed " + SEED + "): " + text.lines().reduce((a, b) -> b).orElse(""));

        assertEquals(1, code, text);
        assertTrue(text.contains("walks.jsonl:" + (corrupted + 1) + ": NOT a behaviour"), text);
        assertTrue(text.contains("step " + (corruptedStep + 1) + ": "), text);
        JsonObject r = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals(COUNT, r.get("traces").getAsInt(), text);
        assertEquals(1, r.get("not_behaviours").getAsInt(), text);
        if (Boolean.getBoolean("finalspec.traces.doc")) {
            JsonObject data = new JsonObject();
            data.add("machine", JsonParser.parseString(ConformanceFigures.json(ConformanceFigures.Machine.now(loadBefore))));
            data.addProperty("model", MODEL);
            r.remove("spec");
            r.remove("config");
            data.add("result", r);
            ConformanceFigures.write(ConformanceFigures.doc(), "bulk-traces", data.toString());
        }
    }

    /** A seeded random walk of up to {@link #STEPS} steps from a random initial state. */
    private static Trace walk(Machine machine, Random random) {
        List<State> init = new ArrayList<>();
        machine.initStates(init::add);
        List<Trace.Step> steps = new ArrayList<>();
        steps.add(new Trace.Step(null, init.get(random.nextInt(init.size()))));
        while (steps.size() <= STEPS) {
            List<Trace.Step> next = new ArrayList<>();
            machine.successors(steps.get(steps.size() - 1).state(), (l, s) -> next.add(new Trace.Step(l, s)));
            if (next.isEmpty()) {
                break;
            }
            steps.add(next.get(random.nextInt(next.size())));
        }
        return new Trace(machine.variables(), steps);
    }

    /** The first step i whose previous state is not among its own successors (so repeating it is no step of the spec). */
    private static int firstStepNotItsOwnSuccessor(Machine machine, Trace walk) {
        for (int i = 1; i < walk.size(); i++) {
            State previous = walk.state(i - 1);
            boolean[] loops = {false};
            machine.successors(previous, (l, s) -> loops[0] |= TraceReplayer.sameState(s, previous));
            if (!loops[0]) {
                return i;
            }
        }
        return -1;
    }

    /** The walk with state {@code i} replaced by state {@code i - 1}, keeping step i's label. */
    private static Trace stutterAt(Trace walk, int i) {
        List<Trace.Step> steps = new ArrayList<>(walk.steps());
        steps.set(i, new Trace.Step(steps.get(i).label(), walk.state(i - 1)));
        return new Trace(walk.variables(), steps);
    }
}
