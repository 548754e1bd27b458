package io.finalspec.toolkit.swimlane;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.value.FcnValue;
import io.finalspec.runtime.value.Value;
import io.finalspec.runtime.value.ValueOrder;
import io.finalspec.toolkit.svg.Svg;
import io.finalspec.toolkit.svg.Svg.Element;

/**
 * Draws a trace as swimlanes: one lane per actor (thread), one row per step with the action in its
 * actor's lane and the variables it changed beside it, shared resources as coloured bands in the
 * lane of whoever holds them, a connector where the acting thread changes, the violation at the
 * final step, and a lasso's cycle as a bracket back to the state it returns to.
 *
 * <p>Every row is a group {@code <g class="step" data-step="i">}, so that a page can show the
 * whole state of the step a reader clicks.
 */
public final class Swimlane {

    static final double ROW = 28;
    static final double STEP_COL = 46;
    static final double HEADER = 40;
    static final double CHANGES = 420;
    static final double CHAR = 7.0;
    static final String[] BAND_COLOURS = {"#2b7bb9", "#c0392b", "#8e44ad", "#d68910", "#16a085"};

    private Swimlane() {
    }

    /**
     * The lanes of {@code trace}: the actors the rules name first (the finalizing thread, in our
     * manifest), then the others by name, so that every drawing of one model has the same order.
     */
    public static List<String> lanes(LaneTrace trace, LaneRules rules) {
        List<String> acting = new ArrayList<>();
        for (LaneTrace.Row r : trace.rows()) {
            if (r.label() != null) {
                addOnce(acting, rules.actorOf(r.label()));
            }
        }
        List<String> lanes = new ArrayList<>(rules.ruleActors().stream().filter(acting::contains).toList());
        acting.stream().filter(a -> !lanes.contains(a)).sorted().forEach(lanes::add);
        if (lanes.isEmpty()) {
            lanes.add(LaneRules.MAIN);
        }
        return lanes;
    }

    /** The number of times the acting thread changes between consecutive steps. */
    public static int switches(LaneTrace trace, LaneRules rules) {
        int n = 0;
        String last = null;
        for (LaneTrace.Row r : trace.rows()) {
            if (r.label() == null) {
                continue;
            }
            String actor = rules.actorOf(r.label());
            n += last != null && !last.equals(actor) ? 1 : 0;
            last = actor;
        }
        return n;
    }

    /** The drawing. */
    public static Element draw(LaneTrace trace, LaneRules rules) {
        Objects.requireNonNull(trace, "trace");
        List<String> lanes = lanes(trace, rules);
        double[] laneX = new double[lanes.size() + 1];
        laneX[0] = STEP_COL;
        for (int i = 0; i < lanes.size(); i++) {
            laneX[i + 1] = laneX[i] + laneWidth(trace, rules, lanes.get(i));
        }
        double changesX = laneX[lanes.size()] + 12;
        double legendH = rules.bands().isEmpty() ? 0 : 22;
        double top = HEADER + legendH;
        int n = trace.rows().size();
        double footer = 16 + (trace.violation().isEmpty() ? 0 : ROW) + (trace.loop() >= 0 ? ROW : 0);
        double width = changesX + CHANGES;
        double height = top + n * ROW + footer;

        List<Svg.Node> parts = new ArrayList<>();
        parts.add(style());
        parts.add(Svg.rect(0, 0, width, height).fill("#ffffff"));
        parts.add(Svg.text(8, 16, trace.title()).cssClass("title"));
        for (int i = 0; i < lanes.size(); i++) {
            parts.add(Svg.rect(laneX[i], top - 4, laneX[i + 1] - laneX[i], n * ROW + 8).fill(i % 2 == 0 ? "#f4f6f8" : "#eaeef2"));
            parts.add(Svg.text((laneX[i] + laneX[i + 1]) / 2, HEADER - 8, lanes.get(i)).cssClass("lane").attr("text-anchor", "middle"));
        }
        parts.add(Svg.text(changesX, HEADER - 8, "variables changed").cssClass("lane"));
        parts.addAll(legend(rules, HEADER + 14));
        parts.addAll(bands(trace, rules, lanes, laneX, top));
        if (!trace.violation().isEmpty()) {
            parts.add(Svg.rect(0, top + (n - 1) * ROW, width, ROW).fill("#fde2e1").cssClass("violation"));
        }
        parts.addAll(rows(trace, rules, lanes, laneX, changesX, top));
        parts.addAll(footer(trace, top));
        return Svg.document(width, height).attr("class", "swimlane").addAll(parts);
    }

    private static Element style() {
        return Svg.element("style").add(new Svg.Text(
            "text{font-family:sans-serif;font-size:12px;fill:#1d2733}"
                + ".title{font-weight:bold;font-size:13px}.lane{font-weight:bold}"
                + ".num{fill:#6b7785}.chg{font-family:monospace;font-size:11px}"
                + ".act{font-family:monospace;font-size:11px}.bad{fill:#b3261e;font-weight:bold}"
                + ".step:hover .box{stroke:#000}.step{cursor:pointer}"));
    }

    private static double laneWidth(LaneTrace trace, LaneRules rules, String lane) {
        double widest = lane.length() * CHAR + 16;
        for (LaneTrace.Row r : trace.rows()) {
            if (r.label() != null && rules.actorOf(r.label()).equals(lane)) {
                widest = Math.max(widest, boxText(r.label(), rules).length() * CHAR + 24 + rules.bands().size() * 9);
            }
        }
        return Math.min(Math.max(widest, 110), 300);
    }

    /** The text in an action's box: the label without the parameter that names its lane. */
    static String boxText(ActionLabel label, LaneRules rules) {
        List<ActionLabel.Binding> params = label.params();
        if (rules.actorIsFirstParameter(label)) {
            params = params.subList(1, params.size());
        }
        return params.isEmpty() ? label.name() : new ActionLabel(label.name(), params).toString();
    }

    private static List<Svg.Node> legend(LaneRules rules, double y) {
        List<Svg.Node> out = new ArrayList<>();
        double x = STEP_COL;
        for (int b = 0; b < rules.bands().size(); b++) {
            LaneRules.Band band = rules.bands().get(b);
            out.add(Svg.rect(x, y - 9, 12, 10).fill(BAND_COLOURS[b % BAND_COLOURS.length]).attr("opacity", 0.55));
            String text = band.label() + " (" + band.variable() + band.value().map(v -> " = " + v).orElse("") + ")";
            out.add(Svg.text(x + 16, y, text));
            x += 16 + text.length() * CHAR + 18;
        }
        return out;
    }

    /** Per band and lane, one strip for each run of consecutive states in which the lane's actor holds it. */
    private static List<Svg.Node> bands(LaneTrace trace, LaneRules rules, List<String> lanes, double[] laneX, double top) {
        List<Svg.Node> out = new ArrayList<>();
        int n = trace.rows().size();
        for (int b = 0; b < rules.bands().size(); b++) {
            LaneRules.Band band = rules.bands().get(b);
            String colour = BAND_COLOURS[b % BAND_COLOURS.length];
            for (int lane = 0; lane < lanes.size(); lane++) {
                int start = -1;
                for (int i = 0; i <= n; i++) {
                    boolean held = i < n && rules.holders(band, trace.rows().get(i).values().get(band.variable())).contains(lanes.get(lane));
                    if (held && start < 0) {
                        start = i;
                    } else if (!held && start >= 0) {
                        double x = laneX[lane] + 4 + b * 9;
                        out.add(Svg.rect(x, top + start * ROW + 2, 7, (i - start) * ROW - 4).fill(colour).attr("opacity", 0.55)
                            .attr("rx", 3).cssClass("band")
                            .tooltip(band.label() + ": " + lanes.get(lane) + " (states " + start + " to " + (i - 1) + ")"));
                        start = -1;
                    }
                }
            }
        }
        return out;
    }

    private static List<Svg.Node> rows(LaneTrace trace, LaneRules rules, List<String> lanes, double[] laneX, double changesX, double top) {
        List<Svg.Node> out = new ArrayList<>();
        double[] previousBox = null;
        String previousActor = null;
        for (int i = 0; i < trace.rows().size(); i++) {
            LaneTrace.Row row = trace.rows().get(i);
            double y = top + i * ROW;
            List<Svg.Node> g = new ArrayList<>();
            g.add(Svg.rect(0, y, changesX + CHANGES, ROW).fill("transparent"));
            g.add(Svg.text(STEP_COL - 8, y + 18, Integer.toString(i)).cssClass("num").attr("text-anchor", "end"));
            if (row.label() == null) {
                double x0 = laneX[0] + 8;
                double x1 = laneX[lanes.size()] - 8;
                g.add(Svg.rect(x0, y + 4, x1 - x0, ROW - 8).fill("#ffffff").stroke("#9aa5b1", 1).attr("rx", 4)
                    .attr("stroke-dasharray", "4 3").cssClass("box"));
                g.add(Svg.text((x0 + x1) / 2, y + 18, i == 0 ? "initial state" : "(no action recorded)").attr("text-anchor", "middle"));
            } else {
                String actor = rules.actorOf(row.label());
                int lane = lanes.indexOf(actor);
                double x0 = laneX[lane] + 4 + rules.bands().size() * 9 + 2;
                double x1 = laneX[lane + 1] - 6;
                String text = boxText(row.label(), rules);
                int fits = (int) ((x1 - x0 - 10) / CHAR);
                String shown = text.length() <= fits ? text : text.substring(0, Math.max(1, fits - 1)) + "…";
                boolean last = i == trace.rows().size() - 1 && !trace.violation().isEmpty();
                g.add(Svg.rect(x0, y + 4, x1 - x0, ROW - 8).fill("#ffffff").stroke(last ? "#b3261e" : "#52606d", last ? 2 : 1)
                    .attr("rx", 4).cssClass("box"));
                g.add(Svg.text(x0 + 5, y + 18, shown).cssClass("act"));
                if (previousBox != null && !actor.equals(previousActor)) {
                    // A switch of the acting thread: the interleaving a reader must see.
                    out.add(Svg.polyline(previousBox[0], previousBox[1], (x0 + x1) / 2, y + 4)
                        .stroke("#7b8794", 1).attr("stroke-dasharray", "3 2").cssClass("switch"));
                }
                previousBox = new double[] {(x0 + x1) / 2, y + ROW - 4};
                previousActor = actor;
            }
            String changes = changes(trace, i);
            int fits = (int) (CHANGES / 6.6);
            g.add(Svg.text(changesX, y + 18, changes.length() <= fits ? changes : changes.substring(0, fits - 1) + "…").cssClass("chg"));
            Element group = Svg.group().cssClass("step").attr("data-step", Integer.toString(i)).addAll(g)
                .tooltip((row.label() == null ? "initial state" : row.label().toString()) + (changes.isEmpty() ? "" : "\n" + changes));
            out.add(group);
        }
        return out;
    }

    /** {@code x = v, y = w} for the variables that changed into state {@code i} (all of them for the first). */
    static String changes(LaneTrace trace, int i) {
        Map<String, Value> now = trace.rows().get(i).values();
        Map<String, Value> before = i == 0 ? Map.of() : trace.rows().get(i - 1).values();
        List<String> parts = new ArrayList<>();
        for (String v : trace.variables()) {
            Value a = now.get(v);
            Value b = before.get(v);
            if (a != null && (b == null || !ValueOrder.equal(a, b))) {
                parts.addAll(changed(v, b, a));
            }
        }
        return i == 0 ? "" : String.join(", ", parts);
    }

    /**
     * A changed variable as the reader needs it: a function over the same domain as before (a
     * per-thread program counter, say) by the entries that changed, {@code pc[d1] = "tg_c1"};
     * anything else whole.
     */
    private static List<String> changed(String variable, Value before, Value now) {
        if (before instanceof FcnValue f && now instanceof FcnValue g && f.size() == g.size()
            && ValueOrder.equal(f.domain(), g.domain())) {
            List<String> entries = new ArrayList<>();
            for (int k = 0; k < g.size(); k++) {
                Value old = f.get(g.keyAt(k));
                if (old == null || !ValueOrder.equal(old, g.valueAt(k))) {
                    entries.add(variable + "[" + LaneRules.display(g.keyAt(k)) + "] = " + g.valueAt(k));
                }
            }
            return entries;
        }
        return List.of(variable + " = " + now);
    }

    private static List<Svg.Node> footer(LaneTrace trace, double top) {
        List<Svg.Node> out = new ArrayList<>();
        int n = trace.rows().size();
        double at = top + n * ROW + 8;
        if (trace.loop() >= 0) {
            double yTop = top + trace.loop() * ROW + ROW / 2;
            double yEnd = top + (n - 1) * ROW + ROW / 2;
            String what = trace.loop() == n - 1 ? "stutters forever in state " + trace.loop()
                : "cycle: back to state " + trace.loop();
            out.add(Svg.polyline(16, yEnd, 5, yEnd, 5, yTop, 16, yTop).stroke("#8e44ad", 2).cssClass("loop"));
            out.add(Svg.polyline(11, yTop - 4, 16, yTop, 11, yTop + 4).stroke("#8e44ad", 2));
            out.add(Svg.text(STEP_COL, at + 18, "lasso " + what).cssClass("bad").fill("#8e44ad"));
            at += ROW;
        }
        if (!trace.violation().isEmpty()) {
            String what = trace.violation().equals("deadlock") ? "deadlock reached at state " : trace.violation() + " violated at state ";
            out.add(Svg.text(STEP_COL, at + 18, what + (n - 1)).cssClass("bad"));
        }
        return out;
    }

    private static void addOnce(List<String> list, String s) {
        if (!list.contains(s)) {
            list.add(s);
        }
    }

    /** Values by name as lines {@code x = v}, for a page that shows a whole state. */
    public static Map<String, String> stateText(LaneTrace trace, int i) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String v : trace.variables()) {
            Value value = trace.rows().get(i).values().get(v);
            out.put(v, value == null ? "?" : value.toString());
        }
        return out;
    }
}
