package io.finalspec.tests.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

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

import org.junit.jupiter.api.Test;

import io.finalspec.tests.support.ExploreCases;

/**
 * The differential fuzzer (issue 10): QuickTheories generates small, type-correct specs and
 * models from the grammar in {@link SpecGenerator}; each is explored by the generated machine and
 * by TLC in the same run, and they must agree on verdict, distinct and generated states, depth
 * and counterexample length. A spec the compiler rejects must be rejected with a positioned
 * {@code unsupported:} diagnostic (counted apart). Every difference is shrunk to a minimal spec,
 * written to {@code tests/target/fuzz-failures/} and printed.
 *
 * <p>{@code mvn verify} runs a fixed-seed slice with the {@code full} profile, and one with the
 * {@code temporal} profile (the same kind of specs with WF/SF in Spec and one PROPERTY, checked
 * with liveness; {@code -Dfinalspec.fuzz.temporal.count=N}), and 20 specs of each of the profiles
 * {@code conditional}, {@code bags}, {@code instance}, {@code implications} and {@code assumptions}
 * ({@code -Dfinalspec.fuzz.PROFILE.count=N}). A longer run:
 * {@code -Dfinalspec.fuzz.count=10000 -Dfinalspec.fuzz.seed=S}
 * ({@code -Dfinalspec.fuzz.workers=2} TLC children at a time; {@code -Dfinalspec.fuzz.only=I}
 * replays only spec number I of a seed; {@code -Dfinalspec.fuzz.dump=true} writes every spec to
 * {@code tests/target/fuzz-specs/}).
 */
class CompilerFuzzTest {

    static final long SEED = Long.getLong("finalspec.fuzz.seed", 20261202L);
    static final int COUNT = Integer.getInteger("finalspec.fuzz.count", 100);
    static final int TEMPORAL_COUNT = Integer.getInteger("finalspec.fuzz.temporal.count", 40);
    static final int CONDITIONAL_COUNT = Integer.getInteger("finalspec.fuzz.conditional.count", 20);
    static final int BAGS_COUNT = Integer.getInteger("finalspec.fuzz.bags.count", 20);
    static final int INSTANCE_COUNT = Integer.getInteger("finalspec.fuzz.instance.count", 20);
    static final int IMPLICATIONS_COUNT = Integer.getInteger("finalspec.fuzz.implications.count", 20);
    static final int ASSUMPTIONS_COUNT = Integer.getInteger("finalspec.fuzz.assumptions.count", 20);
    static final int WORKERS = Integer.getInteger("finalspec.fuzz.workers", 2);
    static final int ONLY = Integer.getInteger("finalspec.fuzz.only", -1);
    static final String PROFILE = System.getProperty("finalspec.fuzz.profile", "full");
    static final int SHRINK_BUDGET = Integer.getInteger("finalspec.fuzz.shrink", 60);

    record Case(int index, FuzzSpec spec) {
    }

    record Finding(Case c, Differential.Outcome outcome) {
    }

    @Test
    void generatedSpecsAgreeWithTlc() throws Exception {
        check(PROFILE, COUNT);
    }

    /** Liveness and refinement-style properties (WF/SF, state predicates, []<>, ~>) against TLC's verdicts. */
    @Test
    void temporalSpecsAgreeWithTlc() throws Exception {
        check("temporal", TEMPORAL_COUNT);
    }

    /** The temporal specs with fairness and liveness conjuncts under constant conditions ({@code c => <>P}). */
    @Test
    void conditionalSpecsAgreeWithTlc() throws Exception {
        check("conditional", CONDITIONAL_COUNT);
    }

    /** Specs whose integers and truth values are partly made of the Bags module's operators. */
    @Test
    void bagsSpecsAgreeWithTlc() throws Exception {
        check("bags", BAGS_COUNT);
    }

    /** The full profile's specs checked through a module that instantiates them with renamed variables. */
    @Test
    void specsThroughAnInstanceAgreeWithTlc() throws Exception {
        check("instance", INSTANCE_COUNT);
    }

    /**
     * The conditional specs with clauses under a state predicate's implication ({@code S => []P}),
     * safety under a constant condition and {@code [](P => []Q)}: TLC decides them with its tableau.
     */
    @Test
    void implicationsAgreeWithTlc() throws Exception {
        check("implications", IMPLICATIONS_COUNT);
    }

    /** The implications specs with clauses under fairness conditions they assume ({@code WF_vars(A) => F}). */
    @Test
    void assumptionsAgreeWithTlc() throws Exception {
        check("assumptions", ASSUMPTIONS_COUNT);
    }

    private static void check(String profileName, int count) throws Exception {
        Profile profile = Profile.named(profileName);
        System.out.println("fuzz: seed " + SEED + ", " + count + " specs, profile " + profileName
            + " (replay: -Dfinalspec.fuzz.seed=" + SEED + " -Dfinalspec.fuzz.count=" + count + " -Dfinalspec.fuzz.profile="
            + profileName + ")");
        List<Case> cases = generate(profile, count);
        if (Boolean.getBoolean("finalspec.fuzz.dump")) {
            Path dump = Files.createDirectories(ExploreCases.root().resolve("tests/target/fuzz-specs"));
            for (Case c : cases) {
                Files.writeString(dump.resolve("spec" + c.index() + ".tla"), c.spec().tla() + "\n" + c.spec().cfg()
                    + (profile.throughInstance() ? "\n" + c.spec().wrapper() : ""));
            }
        }
        Differential differential = new Differential(120, profile.throughInstance());
        Map<Differential.Kind, Integer> counts = new EnumMap<>(Differential.Kind.class);
        List<Finding> differ = new ArrayList<>();
        List<Finding> invalid = new ArrayList<>();
        Map<String, Integer> verdicts = new java.util.TreeMap<>();
        long[] distinct = new long[1];
        List<Long> sizes = new ArrayList<>();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<Finding>> results = new ArrayList<>();
            for (Case c : cases) {
                results.add(pool.submit(() -> new Finding(c, differential.compare(c.spec()))));
            }
            int done = 0;
            for (Future<Finding> f : results) {
                Finding finding = f.get();
                counts.merge(finding.outcome().kind(), 1, Integer::sum);
                if (finding.outcome().kind() == Differential.Kind.AGREE) {
                    verdicts.merge(finding.outcome().verdict(), 1, Integer::sum);
                    distinct[0] += Math.max(0, finding.outcome().distinct());
                    sizes.add(Math.max(0, finding.outcome().distinct()));
                }
                if (finding.outcome().kind() == Differential.Kind.DIFFER) {
                    differ.add(finding);
                    System.out.println("fuzz: spec " + finding.c().index() + " (seed " + SEED + ") differs: "
                        + finding.outcome().detail());
                } else if (finding.outcome().kind() == Differential.Kind.INVALID) {
                    invalid.add(finding);
                } else if (finding.outcome().kind() != Differential.Kind.AGREE) {
                    System.out.println("fuzz: spec " + finding.c().index() + " " + finding.outcome().kind() + ": "
                        + finding.outcome().detail());
                }
                if (++done % 50 == 0) {
                    System.out.printf("fuzz: %d of %d specs, %.0f s, %s%n", done, cases.size(), (System.nanoTime() - start) / 1e9,
                        counts);
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        System.out.printf("fuzz: seed %d, %d specs in %.0f s: %s; %s%n", SEED, cases.size(), (System.nanoTime() - start) / 1e9,
            counts, differential.timing());
        System.out.printf("fuzz: TLC's verdicts on the specs compared: %s; %,d distinct states in all%n", verdicts, distinct[0]);
        record(profileName, cases.size(), counts, verdicts, sizes, (System.nanoTime() - start) / 1e9);
        List<String> reports = new ArrayList<>();
        for (Finding f : differ) {
            reports.add(report(differential, f, profileName));
        }
        for (Finding f : invalid) {
            System.out.println("fuzz: spec " + f.c().index() + " is not TLA+ (a generator bug):\n" + f.outcome().detail()
                + "\n" + f.c().spec().tla());
        }
        assertTrue(differ.isEmpty(), differ.size() + " generated specs differ from TLC (seed " + SEED + "):\n"
            + String.join("\n", reports));
        assertEquals(0, invalid.size(), "the generator must write valid TLA+");
        int rejected = counts.getOrDefault(Differential.Kind.REJECTED, 0);
        assertTrue(rejected * 10 <= cases.size(), "more than a tenth of the specs fall outside the fragment: "
            + "the generator is off (" + rejected + " of " + cases.size() + ")");
        assertTrue(counts.getOrDefault(Differential.Kind.AGREE, 0) * 10 >= cases.size() * 8,
            "fewer than 80% of the specs were compared: " + counts);
    }

    /**
     * Appends this run's figures to {@code tests/target/fuzz-campaign/runs.tsv} (seed, profile, specs,
     * each kind's count, TLC's verdicts, distinct states in all, the median and largest spec, seconds);
     * and, in a campaign run ({@code -Dfinalspec.fuzz.ledger=true}), to the committed ledger
     * {@code tests/fuzz-campaign/ledger.tsv} that docs/reliability.md's campaign table sums.
     */
    private static void record(String profileName, int specs, Map<Differential.Kind, Integer> counts,
        Map<String, Integer> verdicts, List<Long> sizes, double seconds) throws java.io.IOException {
        Path dir = Files.createDirectories(ExploreCases.root().resolve("tests/target/fuzz-campaign"));
        List<Long> sorted = sizes.stream().sorted().toList();
        long total = sorted.stream().mapToLong(Long::longValue).sum();
        String line = String.join("\t", String.valueOf(SEED), profileName, String.valueOf(specs),
            String.valueOf(counts.getOrDefault(Differential.Kind.AGREE, 0)),
            String.valueOf(counts.getOrDefault(Differential.Kind.REJECTED, 0)),
            String.valueOf(counts.getOrDefault(Differential.Kind.SKIPPED, 0)),
            String.valueOf(counts.getOrDefault(Differential.Kind.INVALID, 0)),
            String.valueOf(counts.getOrDefault(Differential.Kind.DIFFER, 0)), verdicts.toString(), String.valueOf(total),
            String.valueOf(sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2)),
            String.valueOf(sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1)), String.format("%.0f", seconds));
        Files.writeString(dir.resolve("runs.tsv"), line + "\n", java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
        if (Boolean.getBoolean("finalspec.fuzz.ledger")) {
            // A campaign run (tests/fuzz-campaign.sh): kept in the committed ledger, dated.
            Files.writeString(ExploreCases.root().resolve(FuzzCampaignLedgerTest.LEDGER),
                line + "\t" + java.time.LocalDate.now() + "\n", java.nio.file.StandardOpenOption.APPEND);
        }
    }

    /** QuickTheories draws the specs (deduplicated by text) from the fixed seed. */
    private static List<Case> generate(Profile profile, int count) {
        List<Case> cases = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int[] index = {0};
        qt().withFixedSeed(SEED).withExamples(count).withShrinkCycles(0)
            .forAll(SpecGenerator.specs(profile))
            .checkAssert(spec -> {
                int i = index[0]++;
                if (seen.add(spec.tla() + spec.cfg()) && (ONLY < 0 || ONLY == i)) {
                    cases.add(new Case(i, spec));
                }
            });
        return cases;
    }

    /** Shrinks a difference, writes the minimal spec under tests/target/fuzz-failures/ and returns its report. */
    private static String report(Differential differential, Finding f, String profileName) throws Exception {
        Shrinker.Shrunk s = new Shrinker(differential, SHRINK_BUDGET).shrink(f.c().spec(), f.outcome());
        Path dir = ExploreCases.root().resolve("tests/target/fuzz-failures/seed" + SEED + "-spec" + f.c().index());
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(FuzzSpec.MODULE + ".tla"), s.spec().tla());
        Files.writeString(dir.resolve(FuzzSpec.MODULE + ".cfg"), s.spec().cfg());
        Files.writeString(dir.resolve("original.tla"), f.c().spec().tla());
        Files.writeString(dir.resolve("original.cfg"), f.c().spec().cfg());
        String wrapper = "";
        if (Profile.named(profileName).throughInstance()) {
            // checked through the wrapper: FzW.tla with Fz.cfg's text reproduces it
            wrapper = s.spec().wrapper();
            Files.writeString(dir.resolve(FuzzSpec.WRAPPER + ".tla"), wrapper);
            Files.writeString(dir.resolve(FuzzSpec.WRAPPER + ".cfg"), s.spec().cfg());
        }
        String text = "spec " + f.c().index() + " of seed " + SEED + " (profile " + profileName + "), shrunk in " + s.steps()
            + " steps (" + s.tries() + " tries) to " + dir + ":\n" + s.outcome().detail() + "\n" + s.spec().tla() + s.spec().cfg()
            + wrapper;
        Files.writeString(dir.resolve("report.txt"), text + "\n");
        System.out.println("fuzz: " + text);
        return text;
    }
}
