package io.finalspec.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.finalspec.runtime.explore.BfsExplorer;
import io.finalspec.runtime.explore.ExploreResult;
import io.finalspec.runtime.explore.Outcome;
import io.finalspec.runtime.machine.ForwardingMachine;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.machine.TemporalProperty;
import io.finalspec.runtime.trace.Trace;
import io.finalspec.runtime.value.Tla;

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

    /** PASS with one property: the state predicate {@code p}, which holds of a behaviour whose first state satisfies it. */
    private static Machine initially(String name, java.util.function.Predicate<State> p) {
        Machine.Predicate predicate = Machine.Predicate.of(name, p);
        TemporalProperty property = new TemporalProperty(name,
                List.of(new TemporalProperty.Clause.Initially(name, predicate)));
        return new ForwardingMachine(PASS) {
            @Override
            public List<TemporalProperty> properties() {
                return List.of(property);
            }
        };
    }

    @Test
    void aPropertysStatePredicateIsCheckedOnTheInitialStatesOnly() {
        // entries is 0 in the initial state only: TLC checks such a conjunct there ("implied init")
        Machine noEntries = initially("NoEntries", s -> s.get(2).equals(Tla.integer(0)));
        Machine oneEntry = initially("OneEntry", s -> s.get(2).equals(Tla.integer(1)));
        assertEquals(Outcome.OK, new BfsExplorer(noEntries).run().outcome());
        assertEquals(Outcome.initialProperty("OneEntry"), new BfsExplorer(oneEntry).run().outcome());
        for (Machine m : List.of(noEntries, oneEntry)) {
            ExploreResult single = new BfsExplorer(m).run();
            cluster.use(m);
            try {
                ExploreResult r = distributed(cluster, m).result();
                assertEquals(single.outcome(), r.outcome());
                assertEquals(single.trace() == null ? 0 : single.trace().steps().size(),
                        r.trace() == null ? 0 : r.trace().steps().size());
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
            assertTrue(e.getMessage().contains("No checkpoint was written"), e.getMessage());
            assertFalse(e.getMessage().contains("distinct"), "no partial count: " + e.getMessage());
        }
    }

    private static DistributedExplorer.Options checkpointed(int members, Path dir, boolean resume) {
        return DistributedExplorer.Options.defaults().withMembers(members).withBatchBytes(512)
                .withCheckpoints(new DistributedExplorer.Checkpoints(dir, 0, resume, "QueueMachine"));
    }

    @Test
    void aKilledMembersRunResumesFromItsCheckpointToTheSingleMachineCounts(@TempDir Path tmp) {
        Machine big = new QueueMachine(4, 3, false, false);
        ExploreResult single = new BfsExplorer(big).run();
        Path dir = tmp.resolve("cp");
        try (EmbeddedCluster c = new EmbeddedCluster(3, big)) {
            DistributedExplorer.Options o = checkpointed(3, dir, false).withLevels(s -> {
                if (s.level() == 6) {
                    c.members().get(2).getLifecycleService().terminate();
                }
            });
            MemberLostException e = assertThrows(MemberLostException.class,
                    () -> new DistributedExplorer(c.coordinator(), big, o).run());
            assertTrue(e.getMessage().contains("The checkpoint of level 6 is in " + dir + ": resume with --resume " + dir),
                    e.getMessage());
        }
        // resumed on two members: every pair and state goes to its owner under the new owner function
        DistributedExplorer.Result r;
        try (EmbeddedCluster c = new EmbeddedCluster(2, big)) {
            r = new DistributedExplorer(c.coordinator(), big, checkpointed(2, dir, true)).run();
        }
        assertEquals(6, r.resumedAt().level());
        assertTrue(r.resumedAt().distinct() > 0 && r.resumedAt().distinct() < single.distinct(), "" + r.resumedAt());
        assertEquals(Outcome.OK, r.result().outcome());
        assertEquals(single.generated(), r.result().generated());
        assertEquals(single.distinct(), r.result().distinct());
        assertEquals(single.depth(), r.result().depth());
        assertTrue(r.checkpoints() > 0, "the resumed run goes on writing checkpoints");
    }

    @Test
    void aViolationFoundAfterResumingHasTheSingleMachineTrace(@TempDir Path tmp) {
        ExploreResult single = new BfsExplorer(JUMP).run();
        Path dir = tmp.resolve("cp");
        cluster.use(JUMP);
        try {
            new DistributedExplorer(cluster.coordinator(), JUMP, checkpointed(3, dir, false)).run();
            // the last checkpoint was the level before the violation: resuming finds it again, and its
            // trace goes back through parents restored from the checkpoint
            DistributedExplorer.Result r = new DistributedExplorer(cluster.coordinator(), JUMP, checkpointed(3, dir, true)).run();
            assertTrue(r.resumedAt().level() > 1, "" + r.resumedAt());
            assertEquals(single.outcome(), r.result().outcome());
            assertEquals(single.depth(), r.result().depth());
            assertEquals(single.trace().steps().size(), r.result().trace().steps().size());
            replays(JUMP, r.result().trace());
        } finally {
            cluster.use(PASS);
        }
    }

    @Test
    void checkpointsOfAnotherModelFormatOrVersionOrDamagedAreRefused(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("cp");
        new DistributedExplorer(cluster.coordinator(), PASS, checkpointed(3, dir, false)).run();
        Checkpoint.Refused again = assertThrows(Checkpoint.Refused.class,
                () -> new DistributedExplorer(cluster.coordinator(), PASS, checkpointed(3, dir, false)).run());
        assertTrue(again.getMessage().contains("already holds a checkpoint"), again.getMessage());

        Machine other = new QueueMachine(3, 3, false, false);
        cluster.use(other);
        try {
            assertRefused(dir, other, "checkpoint of another spec or model");
        } finally {
            cluster.use(PASS);
        }
        Path index = dir.resolve(Checkpoint.INDEX);
        String text = Files.readString(index);
        Files.writeString(index, text.replace("format=1", "format=2"));
        assertRefused(dir, PASS, "checkpoint format 2, this finalspec reads format 1");
        Files.writeString(index, text.replaceAll("finalspec=.*", "finalspec=0.0.1"));
        assertRefused(dir, PASS, "checkpoint written by finalspec 0.0.1");
        Files.writeString(index, text);
        Path pairs = dir.resolve("seen-00000.bin");
        byte[] b = Files.readAllBytes(pairs);
        b[3] ^= 1;
        Files.write(pairs, b);
        assertRefused(dir, PASS, "checkpoint file seen-00000.bin is damaged");
        assertRefused(tmp.resolve("none"), PASS, "no checkpoint here");
    }

    private static void assertRefused(Path dir, Machine m, String message) {
        Checkpoint.Refused e = assertThrows(Checkpoint.Refused.class,
                () -> new DistributedExplorer(cluster.coordinator(), m, checkpointed(3, dir, true)).run());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
