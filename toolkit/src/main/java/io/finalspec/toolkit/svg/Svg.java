package io.finalspec.toolkit.svg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A small typed SVG builder: immutable elements whose attributes and text are escaped when the
 * document is written, so that no caller ever splices markup into a string. A spec's variable
 * values, action labels and invariant names reach a drawing only as text or attribute values.
 *
 * <p>We use our own because the drawings need about ten element kinds and no layout engine;
 * Batik or JFreeSVG would bring megabytes of AWT-bound code for that.
 */
public final class Svg {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9:-]*");

    private Svg() {
    }

    /** A node of the document: an element or a text. */
    public sealed interface Node permits Element, Text {
    }

    /** A text node; escaped when written. */
    public record Text(String value) implements Node {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /** An element with attributes in insertion order and children; every change returns a copy. */
    public record Element(String tag, Map<String, String> attributes, List<Node> children) implements Node {
        public Element {
            checkName(tag);
            attributes.keySet().forEach(Svg::checkName);
            attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
            children = List.copyOf(children);
        }

        /** This element with {@code name} set to {@code value}. */
        public Element attr(String name, String value) {
            Map<String, String> a = new LinkedHashMap<>(attributes);
            a.put(name, Objects.requireNonNull(value, name));
            return new Element(tag, a, children);
        }

        /** A number attribute, written without a useless {@code .0}. */
        public Element attr(String name, double value) {
            return attr(name, number(value));
        }

        /** This element with {@code more} appended to its children. */
        public Element add(Node... more) {
            List<Node> c = new ArrayList<>(children);
            c.addAll(List.of(more));
            return new Element(tag, attributes, c);
        }

        /** This element with {@code more} appended to its children. */
        public Element addAll(List<? extends Node> more) {
            List<Node> c = new ArrayList<>(children);
            c.addAll(more);
            return new Element(tag, attributes, c);
        }

        public Element cssClass(String name) {
            return attr("class", name);
        }

        public Element fill(String colour) {
            return attr("fill", colour);
        }

        public Element stroke(String colour, double width) {
            return attr("stroke", colour).attr("stroke-width", width);
        }

        /** A tooltip: an SVG {@code <title>} child. */
        public Element tooltip(String text) {
            return add(element("title").add(new Text(text)));
        }

        /** The document's text: XML with every attribute value and text escaped. */
        public String write() {
            StringBuilder out = new StringBuilder();
            Svg.write(this, out);
            return out.toString();
        }
    }

    /** An element without attributes or children. */
    public static Element element(String tag) {
        return new Element(tag, Map.of(), List.of());
    }

    /** The root {@code <svg>} of a drawing {@code width} by {@code height}. */
    public static Element document(double width, double height) {
        return element("svg").attr("xmlns", "http://www.w3.org/2000/svg")
            .attr("width", width).attr("height", height)
            .attr("viewBox", "0 0 " + number(width) + " " + number(height));
    }

    public static Element rect(double x, double y, double width, double height) {
        return element("rect").attr("x", x).attr("y", y).attr("width", Math.max(0, width)).attr("height", Math.max(0, height));
    }

    public static Element line(double x1, double y1, double x2, double y2) {
        return element("line").attr("x1", x1).attr("y1", y1).attr("x2", x2).attr("y2", y2);
    }

    public static Element circle(double cx, double cy, double r) {
        return element("circle").attr("cx", cx).attr("cy", cy).attr("r", r);
    }

    /** A path from its points: {@code M x y L x y ...}. */
    public static Element polyline(double... xy) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i + 1 < xy.length; i += 2) {
            d.append(i == 0 ? "M" : " L").append(number(xy[i])).append(' ').append(number(xy[i + 1]));
        }
        return element("path").attr("d", d.toString()).attr("fill", "none");
    }

    public static Element text(double x, double y, String content) {
        return element("text").attr("x", x).attr("y", y).add(new Text(content));
    }

    public static Element group() {
        return element("g");
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an XML name: " + name);
        }
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    private static void write(Node node, StringBuilder out) {
        if (node instanceof Text t) {
            escape(t.value(), out, false);
            return;
        }
        Element e = (Element) node;
        out.append('<').append(e.tag());
        for (Map.Entry<String, String> a : e.attributes().entrySet()) {
            out.append(' ').append(a.getKey()).append("=\"");
            escape(a.getValue(), out, true);
            out.append('"');
        }
        if (e.children().isEmpty()) {
            out.append("/>");
            return;
        }
        out.append('>');
        e.children().forEach(c -> write(c, out));
        out.append("</").append(e.tag()).append('>');
    }

    /** XML escaping; characters XML 1.0 cannot hold at all are replaced by U+FFFD. */
    static void escape(String s, StringBuilder out, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\n', '\t', '\r' -> out.append(attribute ? "&#" + (int) c + ";" : String.valueOf(c));
                default -> out.append(c < 0x20 || c == 0xFFFE || c == 0xFFFF ? '\uFFFD' : c);
            }
        }
    }
}
