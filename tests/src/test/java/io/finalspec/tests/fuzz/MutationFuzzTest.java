package io.finalspec.tests.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import io.finalspec.tests.support.CorpusEntry;
import io.finalspec.tests.support.ExploreCases;
import io.finalspec.toolkit.tlc.Children;

/**
 * The spec-mutation fuzz over {@code Compiler.compile} (issue 18): valid specs (the corpus's small
 * models and specs of {@link SpecGenerator}) are mutated at the token level ({@link Mutator}); for
 * every mutant either both finalspec and SANY/TLC refuse it (finalspec with positioned
 * diagnostics, never an exception), or finalspec refuses it as {@code unsupported:}, or both
 * accept it and agree on verdict, distinct and generated states and depth
 * ({@link Differential#compareMutant}). Anything else is a finding: the mutant is written to
 * {@code tests/target/mutation-failures/} and the test fails.
 *
 * <p>{@code mvn verify} runs a fixed-seed core ({@value #CORE} mutants); {@code -Dfinalspec.fuzz.full=true}
 * runs {@code -Dfinalspec.mutation.count} (default 400) mutants of {@code -Dfinalspec.mutation.seed}.
 */
class MutationFuzzTest {

    static final int CORE = 16;
    static final long SEED = Long.getLong("finalspec.mutation.seed", 20261202L);
    static final int COUNT = Boolean.getBoolean("finalspec.fuzz.full") ? Integer.getInteger("finalspec.mutation.count", 400)
        : CORE;
    static final int WORKERS = Integer.getInteger("finalspec.fuzz.workers", 2);
    /** Corpus models small enough that a mutant which grows the state space stays quick. */
    static final long MAX_CORPUS_DISTINCT = 2_000;

    /** A base spec: its module text, its config, the folder whose other files it needs (or null). */
    record Base(String name, String tla, String cfg, Path folder, String module) {
    }

    record Case(int index, Base base, Mutator.Mutant mutant) {
    }

    /** A base spec's index and a mutant of it (null when the drawn mutation found nothing to change). */
    record Drawn(int base, Mutator.Mutant mutant) {
    }

    @Test
    void mutantsAreRefusedByBothOrAgreeWithTlc() throws Exception {
        List<Base> bases = bases();
        List<Case> cases = mutants(bases);
        System.out.println("mutation fuzz: seed " + SEED + ", " + cases.size() + " mutants of " + bases.size()
            + " specs (replay: -Dfinalspec.fuzz.full=true -Dfinalspec.mutation.seed=" + SEED + " -Dfinalspec.mutation.count="
            + COUNT + ")");
        Differential differential = new Differential(60);
        Map<Differential.Kind, Integer> counts = new EnumMap<>(Differential.Kind.class);
        Map<Mutator.Op, Integer> ops = new EnumMap<>(Mutator.Op.class);
        List<String> findings = new ArrayList<>();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (Case c : cases) {
                results.add(pool.submit(() -> run(differential, c, counts, ops)));
            }
            for (Future<String> f : results) {
                String finding = f.get();
                if (finding != null) {
                    findings.add(finding);
                    System.out.println("mutation fuzz: " + finding);
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        System.out.printf("mutation fuzz: seed %d, %d mutants in %.0f s: %s; by mutation: %s; %s%n", SEED, cases.size(),
            (System.nanoTime() - start) / 1e9, counts, ops, differential.timing());
        record(cases.size(), counts, findings.size(), (System.nanoTime() - start) / 1e9);
        assertTrue(findings.isEmpty(), findings.size() + " mutants where finalspec and TLC disagree (seed " + SEED + "):\n"
            + String.join("\n", findings));
        assertTrue(counts.getOrDefault(Differential.Kind.AGREE, 0) > 0 && counts.getOrDefault(Differential.Kind.BOTH_REJECT, 0) > 0,
            "the mutants should include both specs both accept and specs both refuse: " + counts);
    }

    /** One mutant compared; a description of the finding, or null. */
    private static String run(Differential differential, Case c, Map<Differential.Kind, Integer> counts,
        Map<Mutator.Op, Integer> ops) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("finalspec-mutant");
        try {
            if (c.base().folder() != null) {
                try (Stream<Path> files = Files.list(c.base().folder())) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        Files.copy(f, dir.resolve(f.getFileName()));
                    }
                }
            }
            Path tla = dir.resolve(c.base().module() + ".tla");
            Path cfg = dir.resolve(c.base().module() + ".cfg");
            Files.writeString(tla, c.mutant().text());
            Files.writeString(cfg, c.base().cfg());
            Differential.Outcome o = differential.compareMutant(tla, cfg);
            Differential.Kind kind = o.kind() == Differential.Kind.INVALID ? Differential.Kind.DIFFER : o.kind();
            synchronized (counts) {
                counts.merge(kind, 1, Integer::sum);
                ops.merge(c.mutant().op(), 1, Integer::sum);
            }
            if (kind != Differential.Kind.DIFFER) {
                return null;
            }
            Path keep = Files.createDirectories(ExploreCases.root().resolve("tests/target/mutation-failures/seed" + SEED
                + "-mutant" + c.index()));
            Files.writeString(keep.resolve(c.base().module() + ".tla"), c.mutant().text());
            Files.writeString(keep.resolve(c.base().module() + ".cfg"), c.base().cfg());
            return "mutant " + c.index() + " of " + c.base().name() + " (" + c.mutant().op() + ", " + c.mutant().description()
                + ", kept in " + keep + "): " + o.detail();
        } finally {
            Children.deleteTree(dir);
        }
    }

    /** Corpus models with a small pass/invariant/deadlock outcome, then generated specs; all valid. */
    private static List<Base> bases() throws IOException {
        List<Base> out = new ArrayList<>();
        Set<String> gaps = ExploreCases.knownGaps().keySet();
        for (CorpusEntry e : ExploreCases.corpusEntries()) {
            boolean simple = e.expect().equals("pass") || e.expect().equals("deadlock") || e.expect().startsWith("invariant");
            String cfg = Files.readString(e.config());
            if (!simple || gaps.contains(e.name()) || e.distinct() < 0 || e.distinct() > MAX_CORPUS_DISTINCT
                || cfg.contains("PROPERT")) {
                continue;
            }
            String module = e.spec().getFileName().toString().replaceFirst("\\.tla$", "");
            out.add(new Base(e.name(), Files.readString(e.spec()), cfg, e.spec().getParent(), module));
        }
        List<FuzzSpec> generated = new ArrayList<>();
        qt().withFixedSeed(SEED).withExamples(out.size()).withShrinkCycles(0).forAll(SpecGenerator.specs(Profile.FULL))
            .checkAssert(generated::add);
        for (int i = 0; i < generated.size(); i++) {
            out.add(new Base("generated spec " + i + " of seed " + SEED, generated.get(i).tla(), generated.get(i).cfg(), null,
                FuzzSpec.MODULE));
        }
        return out;
    }

    /** COUNT distinct mutants drawn by QuickTheories from the seed: a base spec, then a mutation of it. */
    private static List<Case> mutants(List<Base> bases) {
        Gen<Drawn> gen = in -> {
            Rnd r = new Rnd(in);
            int b = r.below(bases.size());
            return new Drawn(b, new Mutator(r).mutate(bases.get(b).tla()));
        };
        List<Case> cases = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int[] index = {0};
        qt().withFixedSeed(SEED).withExamples(COUNT * 2).withShrinkCycles(0).forAll(gen).checkAssert(drawn -> {
            int i = index[0]++;
            Mutator.Mutant m = drawn.mutant();
            Base base = bases.get(drawn.base());
            if (cases.size() < COUNT && m != null && !m.text().equals(base.tla()) && seen.add(m.text())) {
                cases.add(new Case(i, base, m));
            }
        });
        return cases;
    }

    /** Appends the run's figures to {@code tests/target/fuzz-campaign/mutation-runs.tsv}. */
    private static void record(int mutants, Map<Differential.Kind, Integer> counts, int findings, double seconds)
        throws IOException {
        Path dir = Files.createDirectories(ExploreCases.root().resolve("tests/target/fuzz-campaign"));
        String line = String.join("\t", String.valueOf(SEED), String.valueOf(mutants),
            String.valueOf(counts.getOrDefault(Differential.Kind.AGREE, 0)),
            String.valueOf(counts.getOrDefault(Differential.Kind.BOTH_REJECT, 0)),
            String.valueOf(counts.getOrDefault(Differential.Kind.REJECTED, 0)),
            String.valueOf(counts.getOrDefault(Differential.Kind.SKIPPED, 0)), String.valueOf(findings),
            String.format("%.0f", seconds));
        Files.writeString(dir.resolve("mutation-runs.tsv"), line + "\n", java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
    }
}
