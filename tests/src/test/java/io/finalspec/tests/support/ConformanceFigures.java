package io.finalspec.tests.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The figures docs/conformance.md quotes, as sections written by the runs that measured them: each
 * section holds the run's data as JSON in a comment and the text rendered from it, so that
 * {@code ConformanceDocTest} can check that no figure was typed or edited by hand. Written by
 * {@code ConformanceSuiteTest} with {@code -Dconform.doc=true} (section {@code suite}) and by
 * {@code BulkTraceTest} with {@code -Dfinalspec.traces.doc=true} (section {@code bulk-traces}) and by
 * {@code GraphSourcesTest} with {@code -Dfinalspec.graphsources.doc=true} (section {@code graph-sources}).
 */
public final class ConformanceFigures {

    private ConformanceFigures() {}

    /** Models below this size are left out of the per-model table: their seconds are TLC's start-up. */
    public static final long TABLE_MIN_STATES = 10_000;

    /** Where and when a run was measured. */
    public record Machine(String date, int cores, double loadBefore, double loadAfter) {
        public static Machine now(double loadBefore) {
            return new Machine(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), Runtime.getRuntime().availableProcessors(),
                loadBefore, load());
        }

        public static double load() {
            return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }

        String describe() {
            return String.format(Locale.ROOT, "measured %s on %d cores, load average %.1f before and %.1f after", date, cores,
                loadBefore, loadAfter);
        }
    }

    /** One case of the suite: what {@code conform --json} reported. */
    public record Row(String name, String mode, long states, long transitions, double seconds) {
        double statesPerSecond() {
            return seconds <= 0 ? 0 : states / seconds;
        }

        double transitionsPerSecond() {
            return seconds <= 0 ? 0 : transitions / seconds;
        }
    }

    /** A whole run of the suite; {@code wallSeconds} from its first case to its last, cases {@code parallelism} at a time. */
    public record Suite(Machine machine, int parallelism, double wallSeconds, List<Row> rows) {
        long states() {
            return rows.stream().mapToLong(Row::states).sum();
        }

        long transitions() {
            return rows.stream().mapToLong(Row::transitions).sum();
        }

        String render() {
            StringBuilder out = new StringBuilder();
            long graph = rows.stream().filter(r -> r.mode().equals("graph")).count();
            out.append(String.format(Locale.ROOT, "ConformanceSuiteTest, %s: %,d cases (%d in graph mode, %d in walk mode),"
                    + " %,d states and %,d transitions compared with TLC in %.0f s of wall-clock time, %d cases at a time:"
                    + " %,.0f states/s and %,.0f transitions/s over the whole run.%n%n",
                machine.describe(), rows.size(), graph, rows.size() - graph, states(), transitions(), wallSeconds, parallelism,
                states() / wallSeconds, transitions() / wallSeconds));
            out.append("| case | mode | states | transitions | seconds | states/s | transitions/s |\n");
            out.append("|---|---|---:|---:|---:|---:|---:|\n");
            List<Row> big = new ArrayList<>(rows.stream().filter(r -> r.states() >= TABLE_MIN_STATES).toList());
            big.sort(Comparator.comparingLong(Row::states));
            for (Row r : big) {
                out.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %.1f | %,.0f | %,.0f |%n", r.name(), r.mode(), r.states(),
                    r.transitions(), r.seconds(), r.statesPerSecond(), r.transitionsPerSecond()));
            }
            List<Row> small = rows.stream().filter(r -> r.states() < TABLE_MIN_STATES).toList();
            out.append(String.format(Locale.ROOT, "| %d smaller cases | | %,d | %,d | %.1f | | |%n", small.size(),
                small.stream().mapToLong(Row::states).sum(), small.stream().mapToLong(Row::transitions).sum(),
                small.stream().mapToDouble(Row::seconds).sum()));
            return out.toString();
        }
    }

    /** A bulk run of {@code finalspec trace}: its {@code --json} output and the model's name. */
    public record BulkTraces(Machine machine, String model, JsonObject result) {
        String render() {
            return String.format(Locale.ROOT, "BulkTraceTest, %s: %,d random %d-step traces of %s in one JSON-lines file,"
                    + " %,d steps validated in %.3f s: %,d steps/s and %,d µs per trace with ITF parsing,"
                    + " %,d µs per trace for the replay alone.%n",
                machine.describe(), result.get("traces").getAsLong(), result.get("steps").getAsLong() / Math.max(1, result.get("traces").getAsLong()),
                model, result.get("steps").getAsLong(), result.get("seconds").getAsDouble(), result.get("steps_per_second").getAsLong(),
                result.get("micros_per_trace").getAsLong(), result.get("replay_micros_per_trace").getAsLong());
        }
    }

    /**
     * One model compared by both sources of graph mode ({@code GraphSourcesTest}): seconds from TLC's start to the last
     * comparison, except {@code writtenSeconds}, the comparison alone of the dump once written.
     */
    public record SourceRow(String name, long states, long transitions, double tlcSeconds, double dumpSeconds, double writtenSeconds,
                            double oneThreadSeconds, double toolSeconds, int threads) {
        String render() {
            return String.format(Locale.ROOT, "| %s | %,d | %,d | %.1f | %.1f | %.1f | %.1f | %,.0f | %,.0f | %.2f× | %.2f | %,.0f | %,.0f |%n",
                name, states, transitions, tlcSeconds, dumpSeconds, oneThreadSeconds, toolSeconds, states / toolSeconds,
                transitions / toolSeconds, toolSeconds / tlcSeconds, writtenSeconds, states / writtenSeconds, transitions / writtenSeconds);
        }
    }

    /** A run of {@code GraphSourcesTest}: per model, TLC alone, the dump, then TLC's JVM with one thread and with one per core. */
    public record Sources(Machine machine, List<SourceRow> rows) {
        String render() {
            int threads = rows.isEmpty() ? 1 : rows.get(0).threads();
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "GraphSourcesTest, %s: %d models, each checked by TLC alone,"
                + " compared from TLC's dump, then in TLC's JVM with 1 thread and with %d, one after the other; the written dump then compared"
                + " again alone, as `conform --dump FILE` compares a dump written beforehand (warm: the same JVM).%n%n", machine.describe(),
                rows.size(), threads));
            out.append("| case | states | transitions | TLC alone s | dump s | TLC's JVM, 1 thread s | TLC's JVM, ").append(threads)
                .append(" threads s | states/s | transitions/s | time / TLC alone | a written dump s | its states/s | its transitions/s |\n");
            out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            rows.forEach(r -> out.append(r.render()));
            return out.toString();
        }
    }

    /** A generated section of the doc: its data and its text. */
    public record Section(String data, String text) {}

    private static final Gson GSON = new Gson();

    public static String render(String name, String data) {
        return switch (name) {
            case "suite" -> GSON.fromJson(data, Suite.class).render();
            case "graph-sources" -> GSON.fromJson(data, Sources.class).render();
            case "bulk-traces" -> {
                JsonObject o = JsonParser.parseString(data).getAsJsonObject();
                yield new BulkTraces(GSON.fromJson(o.get("machine"), Machine.class), o.get("model").getAsString(),
                    o.getAsJsonObject("result")).render();
            }
            default -> throw new IllegalArgumentException("no conformance section " + name);
        };
    }

    public static String json(Object data) {
        return GSON.toJson(data);
    }

    private static String begin(String name) {
        return "<!-- conform:" + name + " begin: generated by a test run (commands above); do not edit -->";
    }

    private static String end(String name) {
        return "<!-- conform:" + name + " end -->";
    }

    private static final String DATA = "<!-- conform-data ";

    /** The section {@code name} of {@code doc}, when it has one. */
    public static Optional<Section> read(String doc, String name) {
        int b = doc.indexOf(begin(name));
        int e = doc.indexOf(end(name));
        if (b < 0 || e < b) {
            return Optional.empty();
        }
        String body = doc.substring(b + begin(name).length() + 1, e);
        if (!body.startsWith(DATA)) {
            return Optional.empty();
        }
        int close = body.indexOf(" -->\n");
        return Optional.of(new Section(body.substring(DATA.length(), close), body.substring(close + 5)));
    }

    /** Replaces section {@code name} of the doc at {@code file} (which must already have its markers) with {@code data} rendered. */
    public static void write(Path file, String name, String data) throws IOException {
        String doc = Files.readString(file);
        int b = doc.indexOf(begin(name));
        int e = doc.indexOf(end(name));
        if (b < 0 || e < b) {
            throw new IllegalStateException(file + " has no section " + name + " to replace");
        }
        String section = begin(name) + "\n" + DATA + data + " -->\n" + render(name, data);
        Files.writeString(file, doc.substring(0, b) + section + doc.substring(e));
    }

    /** docs/conformance.md. */
    public static Path doc() {
        return ExploreCases.root().resolve("docs/conformance.md");
    }
}
