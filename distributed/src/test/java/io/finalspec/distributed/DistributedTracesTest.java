package io.finalspec.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.trace.Itf;
import io.finalspec.runtime.trace.Trace;

/**
 * Trace validation over three members in one JVM against {@link TraceBatch} on one machine: the
 * same verdicts in input order, whatever member checked each batch; a member with another model
 * refused; a member terminated mid-run stops it with {@link MemberLostException}. Seed 16.
 */
class DistributedTracesTest {
    private static final Machine MACHINE = new QueueMachine(3, 2, false, false);
    private static final long SEED = 16;

    /** {@code n} seeded random walks as ITF, every third with a step removed (then often no behaviour), one not ITF at all. */
    private static List<TraceBatch.Input> walks(int n) {
        Random random = new Random(SEED);
        List<TraceBatch.Input> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<State> init = new ArrayList<>();
            MACHINE.initStates(init::add);
            List<Trace.Step> steps = new ArrayList<>();
            steps.add(new Trace.Step(null, init.get(random.nextInt(init.size()))));
            for (int k = 0; k < 2 + random.nextInt(8); k++) {
                List<Trace.Step> next = new ArrayList<>();
                MACHINE.successors(steps.get(steps.size() - 1).state(),
                    (label, t) -> next.add(new Trace.Step(ActionLabel.of(label.name()), t)));
                if (next.isEmpty()) {
                    break;
                }
                steps.add(next.get(random.nextInt(next.size())));
            }
            if (i % 3 == 0 && steps.size() > 3) {
                steps.remove(2);
            }
            String itf = i == n / 2 ? "{\"states\": []}" : Itf.write(new Trace(MACHINE.variables(), steps), MACHINE.specName());
            out.add(i % 2 == 0 ? new TraceBatch.Input("t" + i, itf.getBytes(StandardCharsets.UTF_8), null)
                : new TraceBatch.Input("t" + i, null, itf));
        }
        return out;
    }

    /** A verdict without its time. */
    private static String timeless(TraceBatch.Verdict v) {
        return v.malformed() + " " + v.ok() + " " + v.states() + " " + v.report() + " " + v.printed();
    }

    @Test
    void theSameVerdictsInInputOrder() {
        List<TraceBatch.Input> inputs = walks(90);
        TraceBatch one = new TraceBatch(MACHINE, true);
        List<String> expected = new ArrayList<>();
        inputs.forEach(in -> expected.add(in.name() + ": " + timeless(one.check(in))));
        assertTrue(expected.stream().anyMatch(v -> v.contains(" false ")) && expected.stream().anyMatch(v -> v.contains(" true ")));
        try (EmbeddedCluster c = new EmbeddedCluster(3, MACHINE);
             DistributedTraces d = new DistributedTraces(c.coordinator(), 3, 60_000, 300, true)) {
            List<String> got = new ArrayList<>();
            d.check(inputs.iterator(), (in, v) -> got.add(in.name() + ": " + timeless(v)));
            assertEquals(expected, got);
        }
    }

    @Test
    void aMemberWithAnotherModelIsRefusedAndALostMemberStopsTheRun() {
        try (EmbeddedCluster c = new EmbeddedCluster(3, MACHINE)) {
            Worker third = (Worker) c.members().get(2).getConfig().getUserContext().get(Worker.KEY);
            third.use(new QueueMachine(2, 2, false, false));
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new DistributedTraces(c.coordinator(), 3, 60_000, 300, false));
            assertTrue(refused.getMessage().contains("runs another machine or model"), refused.getMessage());
            third.use(MACHINE);
            try (DistributedTraces d = new DistributedTraces(c.coordinator(), 3, 60_000, 300, false)) {
                List<String> seen = new ArrayList<>();
                MemberLostException e = assertThrows(MemberLostException.class, () -> d.check(walks(90).iterator(), (in, v) -> {
                    if (seen.isEmpty()) {
                        c.members().get(2).getLifecycleService().terminate();
                    }
                    seen.add(in.name());
                }));
                assertTrue(e.getMessage().contains("left the cluster"), e.getMessage());
                assertTrue(seen.size() < 90, "the run stopped: " + seen.size());
            }
        }
    }
}
