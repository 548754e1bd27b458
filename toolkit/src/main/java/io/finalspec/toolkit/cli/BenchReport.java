package io.finalspec.toolkit.cli;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * One {@code finalspec bench} run: where it ran and one row per model, with the medians of its
 * rounds. It is written as JSON and as a Markdown table; {@code docs/performance.md} keeps the JSON
 * of each table next to it, so a test can render the table again and find it unchanged (the figures
 * in the doc come from a run, never from a keyboard).
 *
 * <p>A ratio is refused (absent) when the two tools disagree on the counts: a faster wrong answer
 * is not a speed-up.
 */
record BenchReport(Machine machine, int workers, int rounds, List<Row> rows) {

    /** The machine the run measured on; load averages as the OS reports them (-1 where unknown). */
    record Machine(String date, int cores, double loadBefore, double loadAfter, String java, String os) {
    }

    /**
     * Medians over the rounds of one model. Seconds: TLC's own "Finished in" (parse and search) and
     * its whole run (JVM start included); the explorer's search, its cold start (parse, generate,
     * javac) and its whole run (JVM start included). Memory: each process's peak resident set and
     * heap ({@link io.finalspec.toolkit.tlc.PeakMemory}), the largest over the rounds; -1 unknown.
     */
    record Row(String model, long tlcDistinct, long tlcGenerated, long exploreDistinct, long exploreGenerated,
               double tlcSeconds, double tlcTotalSeconds, double exploreSeconds, double exploreLoadSeconds,
               double exploreTotalSeconds, long tlcRssBytes, long exploreRssBytes, long tlcHeapBytes,
               long exploreHeapBytes) {

        boolean countsAgree() {
            return tlcDistinct == exploreDistinct && tlcGenerated == exploreGenerated;
        }

        /** TLC's search time over the explorer's, only when the counts agree. */
        OptionalDouble searchRatio() {
            return ratio(tlcSeconds, exploreSeconds);
        }

        /** Whole runs, cold start included, only when the counts agree. */
        OptionalDouble totalRatio() {
            return ratio(tlcTotalSeconds, exploreTotalSeconds);
        }

        /** Peak resident bytes per distinct state, TLC's over the explorer's, only when the counts agree. */
        OptionalDouble memoryRatio() {
            return tlcRssBytes <= 0 || exploreRssBytes <= 0 ? OptionalDouble.empty() : ratio(tlcRssBytes, exploreRssBytes);
        }

        private OptionalDouble ratio(double tlc, double explore) {
            return countsAgree() && explore > 0 && tlc > 0 ? OptionalDouble.of(tlc / explore) : OptionalDouble.empty();
        }

        /** Why there is no ratio, when there is none because of the counts. */
        String disagreement() {
            return countsAgree() ? "" : String.format(Locale.ROOT, "counts differ: TLC %,d distinct / %,d generated, explore %,d / %,d",
                tlcDistinct, tlcGenerated, exploreDistinct, exploreGenerated);
        }
    }

    boolean countsAgree() {
        return rows.stream().allMatch(Row::countsAgree);
    }

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();
    private static final Gson COMPACT = new Gson();

    String json() {
        return GSON.toJson(this);
    }

    /** On one line, for the comment that keeps a table's data in the doc. */
    String compactJson() {
        return COMPACT.toJson(this);
    }

    static BenchReport fromJson(String json) {
        return COMPACT.fromJson(json, BenchReport.class);
    }

    /** The table, then a line saying where and how it was measured. */
    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| model | distinct | generated | TLC s | explore s | search × | TLC total s | explore cold s")
            .append(" | explore total s | total × | TLC MB | explore MB | TLC B/state | explore B/state | memory × |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            sb.append("| ").append(r.model())
                .append(" | ").append(count(r.exploreDistinct()))
                .append(" | ").append(count(r.exploreGenerated()))
                .append(" | ").append(seconds(r.tlcSeconds()))
                .append(" | ").append(seconds(r.exploreSeconds()))
                .append(" | ").append(ratio(r.searchRatio(), r))
                .append(" | ").append(seconds(r.tlcTotalSeconds()))
                .append(" | ").append(seconds(r.exploreLoadSeconds()))
                .append(" | ").append(seconds(r.exploreTotalSeconds()))
                .append(" | ").append(ratio(r.totalRatio(), r))
                .append(" | ").append(megabytes(r.tlcRssBytes()))
                .append(" | ").append(megabytes(r.exploreRssBytes()))
                .append(" | ").append(perState(r.tlcRssBytes(), r.tlcDistinct()))
                .append(" | ").append(perState(r.exploreRssBytes(), r.exploreDistinct()))
                .append(" | ").append(ratio(r.memoryRatio(), r))
                .append(" |\n");
        }
        sb.append('\n').append(String.format(Locale.ROOT,
            "Measured %s on %d cores (load average %.2f before, %.2f after), %s, %s; %d worker%s, median of %d round%s.%n",
            machine.date(), machine.cores(), machine.loadBefore(), machine.loadAfter(), machine.java(), machine.os(),
            workers, workers == 1 ? "" : "s", rounds, rounds == 1 ? "" : "s"));
        return sb.toString();
    }

    private static final String DATA = "<!-- bench-data ";

    private static String begin(String name) {
        return "<!-- bench:" + name + " begin: generated by finalspec bench --markdown; do not edit -->";
    }

    private static String end(String name) {
        return "<!-- bench:" + name + " end -->";
    }

    /** The Markdown section {@code name}: markers, this report's data as a comment, the table. */
    String section(String name) {
        return begin(name) + "\n" + DATA + compactJson().replace("--", "-\\u002d") + " -->\n\n" + markdown() + end(name);
    }

    /** {@code doc} with section {@code name} replaced by {@code section}, or the section appended. */
    static String replaceSection(String doc, String name, String section) {
        int from = doc.indexOf(begin(name));
        int to = doc.indexOf(end(name));
        if (from < 0 || to < from) {
            return doc + (doc.isEmpty() || doc.endsWith("\n") ? "" : "\n") + section + "\n";
        }
        return doc.substring(0, from) + section + doc.substring(to + end(name).length());
    }

    /** The report whose data section {@code name} of {@code doc} holds, with the text of that section. */
    record Section(BenchReport report, String text) {
    }

    static java.util.Optional<Section> readSection(String doc, String name) {
        int from = doc.indexOf(begin(name));
        int to = doc.indexOf(end(name));
        int data = doc.indexOf(DATA, Math.max(0, from));
        if (from < 0 || to < from || data < 0 || data > to) {
            return java.util.Optional.empty();
        }
        int close = doc.indexOf(" -->", data);
        String json = doc.substring(data + DATA.length(), close).replace("-\\u002d", "--");
        return java.util.Optional.of(new Section(fromJson(json), doc.substring(from, to + end(name).length())));
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2f", s);
    }

    private static String megabytes(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%,d", bytes >> 20);
    }

    private static String perState(long bytes, long distinct) {
        return bytes < 0 || distinct <= 0 ? "n/a" : String.format(Locale.ROOT, "%,d", bytes / distinct);
    }

    private static String ratio(OptionalDouble r, Row row) {
        if (!row.countsAgree()) {
            return "counts differ";
        }
        return r.isPresent() ? String.format(Locale.ROOT, "%.1fx", r.getAsDouble()) : "n/a";
    }
}
