package io.finalspec.toolkit.swimlane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import io.finalspec.codegen.manifest.DrawingEntry;
import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.value.NameTable;
import io.finalspec.runtime.value.Tla;
import io.finalspec.runtime.value.Value;
import io.finalspec.toolkit.svg.Svg;

/** The swimlane drawing: lanes from actors, bands from holders, the violation and the lasso, all escaped. */
class SwimlaneTest {

    private final NameTable names = new NameTable();
    private final Value main = names.modelValue("Main");
    private final Value d1 = names.modelValue("d1");
    private final Value none = names.modelValue("None");

    private final LaneRules rules = LaneRules.of(new DrawingEntry(Path.of("GilFinalize.tla"),
        List.of(new DrawingEntry.ActorRule("Fin*", "Main")),
        List.of(new DrawingEntry.Band("GIL", "owner"), new DrawingEntry.Band("freed", "freed")), 1));

    private LaneTrace.Row row(ActionLabel label, Value owner, Value freed, String note) {
        Map<String, Value> v = new LinkedHashMap<>();
        v.put("owner", owner);
        v.put("freed", freed);
        v.put("note", names.str(note));
        return new LaneTrace.Row(label, v);
    }

    private static ActionLabel step(String name, Value t) {
        return new ActionLabel(name, List.of(new ActionLabel.Binding("t", t)));
    }

    /** Main holds the GIL, drops it, d1 takes it, Main frees d1's tstate: 2 switches. */
    private LaneTrace trace(int loop, String violation) {
        List<LaneTrace.Row> rows = new ArrayList<>();
        rows.add(row(null, main, Tla.set(), "start"));
        rows.add(row(step("DropGilRelease", main), none, Tla.set(), "x"));
        rows.add(row(step("TakeGilLock", d1), d1, Tla.set(), "<script>alert(1)</script> & \"q\""));
        rows.add(row(ActionLabel.of("FinZapThreads"), d1, Tla.set(d1), "y"));
        return new LaneTrace("bpo39877 <uaf>", List.of("owner", "freed", "note"), rows, loop, violation);
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static int count(Document d, String xpath) throws Exception {
        return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, d, XPathConstants.NODESET)).getLength();
    }

    @Test
    void lanesStepsBandsAndViolation() throws Exception {
        LaneTrace t = trace(-1, "invariant NoDanglingDeref");
        assertEquals(List.of("Main", "d1"), Swimlane.lanes(t, rules));
        assertEquals(2, Swimlane.switches(t, rules));
        String svg = Swimlane.draw(t, rules).write();
        Document d = parse(svg);
        assertEquals(4, count(d, "//*[local-name()='g'][@class='step']"));
        // GIL: Main in state 0, d1 in states 2-3; freed: d1 in state 3.
        assertEquals(3, count(d, "//*[local-name()='rect'][@class='band']"));
        assertEquals(1, count(d, "//*[local-name()='rect'][@class='violation']"));
        assertEquals(2, count(d, "//*[local-name()='path'][@class='switch']"));
        assertTrue(svg.contains("invariant NoDanglingDeref violated at state 3"), svg);
        assertTrue(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"), svg);
        assertFalse(svg.contains("<script>"), svg);
        assertTrue(svg.contains("bpo39877 &lt;uaf&gt;"));
        // The box leaves out the parameter that names the lane; the rule-placed action keeps its name.
        assertTrue(svg.contains(">TakeGilLock<") && svg.contains(">FinZapThreads<"), svg);
    }

    @Test
    void lassoIsMarked() throws Exception {
        String svg = Swimlane.draw(trace(1, ""), rules).write();
        Document d = parse(svg);
        assertEquals(1, count(d, "//*[local-name()='path'][@class='loop']"));
        assertTrue(svg.contains("cycle: back to state 1"));
        assertEquals(0, count(d, "//*[local-name()='rect'][@class='violation']"));
        assertTrue(Swimlane.draw(trace(3, ""), rules).write().contains("stutters forever in state 3"));
        assertTrue(Swimlane.draw(trace(-1, "deadlock"), rules).write().contains("deadlock reached at state 3"));
    }

    @Test
    void aFunctionChangeShowsOnlyItsChangedEntries() {
        Value before = Tla.fromPairs(new Value[] {main, d1}, new Value[] {names.str("run"), names.str("d_io")});
        Value after = Tla.fromPairs(new Value[] {main, d1}, new Value[] {names.str("run"), names.str("tg_c1")});
        LaneTrace t = new LaneTrace("t", List.of("pc"), List.of(new LaneTrace.Row(null, Map.of("pc", before)),
            new LaneTrace.Row(step("DRestoreThread", d1), Map.of("pc", after))), -1, "");
        assertEquals("pc[d1] = \"tg_c1\"", Swimlane.changes(t, 1));
    }

    @Test
    void withoutRulesTheFirstParameterOrMainActs() {
        LaneTrace t = trace(-1, "");
        assertEquals(List.of("Main", "d1", "main"), Swimlane.lanes(t, LaneRules.defaults()));
    }

    @Test
    void builderEscapesAndRejectsBadNames() {
        String s = Svg.text(0, 0, "a<b").attr("data-x", "\"&\n").write();
        assertEquals("<text x=\"0\" y=\"0\" data-x=\"&quot;&amp;&#10;\">a&lt;b</text>", s);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Svg.element("a b"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Svg.group().attr("on load", "x"));
    }
}
