package io.finalspec.toolkit.html;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bug table at the top of {@code docs/bugs.md}: {@code | row | bug | buggy model(s) | fixed model(s) |}.
 * Only that first table is read; the rest of the file is prose.
 */
final class BugTable {

    /** One bug: its row number, its id, and the models that reproduce it and prove it fixed. */
    record Bug(String row, String bug, List<String> buggy, List<String> fixed) {
    }

    private BugTable() {
    }

    static List<Bug> read(Path file) throws IOException {
        List<Bug> bugs = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(file)) {
            String t = line.strip();
            if (!t.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            List<String> cells = cells(t);
            if (!inTable) {
                inTable = cells.size() >= 4 && cells.get(0).equals("row") && cells.get(1).equals("bug");
                continue;
            }
            if (cells.size() < 4 || cells.get(0).startsWith("---")) {
                continue;
            }
            bugs.add(new Bug(cells.get(0), cells.get(1), names(cells.get(2)), names(cells.get(3))));
        }
        return bugs;
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }

    /** The model names of a cell; a remark in parentheses after a name ("(a candidate fix)") is not one. */
    private static List<String> names(String cell) {
        return Arrays.stream(cell.replaceAll("\\([^)]*\\)", "").split(",")).map(String::strip).filter(s -> !s.isEmpty() && !s.equals("-") && !s.equals("—")).toList();
    }
}
