package io.finalspec.toolkit.html;

import java.util.List;

/** The switch table as Markdown, the form {@code docs/switches.md} keeps. */
final class SwitchTable {

    private SwitchTable() {
    }

    static String markdown(List<HtmlReport.SwitchRow> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| model | TLC steps | TLC switches | shortest, fewest switches: steps | switches | fewest switches: steps | switches |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        for (HtmlReport.SwitchRow r : rows) {
            sb.append("| ").append(r.model()).append(" | ").append(r.tlcSteps()).append(" | ").append(r.tlcSwitches())
                .append(" | ").append(r.shortSteps()).append(" | ").append(r.shortSwitches())
                .append(" | ").append(r.fewSteps()).append(" | ").append(r.fewSwitches()).append(" |\n");
        }
        return sb.toString();
    }
}
