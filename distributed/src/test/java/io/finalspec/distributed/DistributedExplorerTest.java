package io.finalspec.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.finalspec.runtime.explore.BfsExplorer;
import io.finalspec.runtime.explore.ExploreResult;
import io.finalspec.runtime.explore.Outcome;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.trace.Trace;

/**
 * The distributed explorer on three members in this JVM (a loopback cluster of its own) against
 * {@link BfsExplorer} on the same machines: equal counts, depth and verdict; a counterexample as
 * short as the single-machine one, and a valid behaviour; a killed member stops the run.
 */
class DistributedExplorerTest {
    private static final Machine PASS = new QueueMachine(4, 3, false, false);
    private static final Machine JUMP = new QueueMachine(3, 2, true, false);
    private static final Machine STUCK = new QueueMachine(3, 2, false, true);
    private static EmbeddedCluster cluster;

    @BeforeAll
    static void start() {
        cluster = new EmbeddedCluster(3, PASS);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static DistributedExplorer.Result distributed(EmbeddedCluster c, Machine m) {
        return new DistributedExplorer(c.coordinator(), m, DistributedExplorer.Options.defaults().withMembers(3)
                .withBatchBytes(512)).run();
    }

    @Test
    void passingModelHasTheSingleMachineCounts() {
        ExploreResult single = new BfsExplorer(PASS).run();
        DistributedExplorer.Result d = distributed(cluster, PASS);
        ExploreResult r = d.result();
        assertEquals(Outcome.OK, r.outcome());
        assertTrue(single.distinct() > 1000, "a model large enough to spread: " + single.distinct());
        assertEquals(single.distinct(), r.distinct());
        assertEquals(single.generated(), r.generated());
        assertEquals(single.depth(), r.depth());
        assertEquals(0, r.queueLeft());
        assertEquals(3, d.members());
        long sent = d.levels().stream().mapToLong(DistributedExplorer.LevelStats::statesSent).sum();
        long kept = d.levels().stream().mapToLong(DistributedExplorer.LevelStats::statesKept).sum();
        // every in-model successor and the initial state go to their owner once, sent or kept
        assertEquals(single.generated(), sent + kept);
        assertTrue(sent > kept, "about two thirds of the successors belong to another member: " + sent + " vs " + kept);
        assertTrue(d.bytesPerState() > 16, "fingerprints, parent and the state's bytes: " + d.bytesPerState());
    }

    @Test
    void violationsAreTheSingleMachineOnesWithShortestTraces() {
        for (Machine m : List.of(JUMP, STUCK)) {
            ExploreResult single = new BfsExplorer(m).run();
            cluster.use(m);
            try {
                ExploreResult r = distributed(cluster, m).result();
                assertEquals(single.outcome(), r.outcome());
                assertEquals(single.depth(), r.depth());
                Trace t = r.trace();
                assertEquals(single.trace().steps().size(), t.steps().size());
                replays(m, t);
            } finally {
                cluster.use(PASS);
            }
        }
    }

    /** Each step of {@code t} is an initial state, then a labelled successor of the step before. */
    private static void replays(Machine m, Trace t) {
        AtomicBoolean init = new AtomicBoolean();
        m.initStates(s -> init.compareAndSet(false, s.equals(t.steps().get(0).state())));
        assertTrue(init.get());
        for (int i = 1; i < t.steps().size(); i++) {
            Trace.Step step = t.steps().get(i);
            AtomicBoolean found = new AtomicBoolean();
            m.successors(t.steps().get(i - 1).state(), (l, s) -> found.compareAndSet(false, l.equals(step.label()) && s.equals(step.state())));
            assertTrue(found.get(), "step " + i);
        }
    }

    @Test
    void aMemberWithAnotherModelIsRefused() {
        Worker second = (Worker) cluster.members().get(1).getConfig().getUserContext().get(Worker.KEY);
        second.use(new QueueMachine(2, 3, false, false));
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> distributed(cluster, PASS));
            assertTrue(e.getMessage().contains("runs another machine or model"), e.getMessage());
        } finally {
            second.use(PASS);
        }
    }

    @Test
    void aKilledMemberStopsTheRunWithoutAResult() {
        Machine big = new QueueMachine(4, 3, false, false);
        try (EmbeddedCluster c = new EmbeddedCluster(3, big)) {
            DistributedExplorer.Options o = DistributedExplorer.Options.defaults().withMembers(3).withBatchBytes(512)
                    .withLevels(s -> {
                        if (s.level() == 4) {
                            c.members().get(2).getLifecycleService().terminate();
                        }
                    });
            MemberLostException e = assertThrows(MemberLostException.class,
                    () -> new DistributedExplorer(c.coordinator(), big, o).run());
            assertTrue(e.getMessage().contains("left the cluster"), e.getMessage());
            assertFalse(e.getMessage().contains("distinct"), "no partial count: " + e.getMessage());
        }
    }
}
