package io.finalspec.toolkit.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The summary table printed after a check: one row per model, columns aligned. {@code witnesses}
 * is reached/declared; {@code seconds} is the model's own TLC run, without its witness runs.
 */
public final class ResultsTable {

    private static final String[] HEADER = {"model", "expected", "actual", "states", "distinct", "depth", "seconds", "witnesses", "verdict"};

    private ResultsTable() {
    }

    public static String render(List<CheckRow> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADER);
        for (CheckRow r : rows) {
            cells.add(new String[] {
                r.model().name(), r.expected().toString(), r.actual().toString(),
                count(r.result().generated()), count(r.result().distinct()), count(r.result().depth()),
                String.format("%.1f", r.result().seconds()), r.witnessCell(), r.verdict()});
        }
        int[] width = new int[HEADER.length];
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            appendRow(out, cells.get(r), width);
            if (r == 0) {
                appendRule(out, width);
            }
        }
        return out.toString();
    }

    private static void appendRow(StringBuilder out, String[] row, int[] width) {
        for (int i = 0; i < row.length; i++) {
            boolean numeric = i >= 3 && i <= 7;
            String cell = numeric ? pad(row[i], width[i], true) : pad(row[i], width[i], false);
            out.append(i == 0 ? "" : "  ").append(cell);
        }
        out.append(System.lineSeparator());
    }

    private static void appendRule(StringBuilder out, int[] width) {
        for (int i = 0; i < width.length; i++) {
            out.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        }
        out.append(System.lineSeparator());
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : (s + fill);
    }

    private static String count(long n) {
        return n < 0 ? "-" : String.format("%,d", n);
    }
}
