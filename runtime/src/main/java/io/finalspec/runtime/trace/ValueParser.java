package io.finalspec.runtime.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.finalspec.runtime.value.NameTable;
import io.finalspec.runtime.value.Tla;
import io.finalspec.runtime.value.TlaEvalException;
import io.finalspec.runtime.value.Value;

/**
 * Parses values in TLC's print syntax: {@code TRUE}, {@code -3}, {@code "s"} (with TLC's escapes),
 * model values (bare identifiers), {@code {a, b}}, {@code <<a, b>>} and {@code << >>}, records
 * {@code [a |-> 1]}, functions {@code (1 :> 2 @@ 3 :> 4)}, intervals {@code 1..3}, the sets
 * {@code Nat}, {@code Int}, {@code STRING}, {@code BOOLEAN}, and {@code [S -> T]}, {@code SUBSET S},
 * {@code Seq(S)}. Also state blocks: {@code /\ x = 1 /\ y = {}} (line breaks anywhere).
 */
public final class ValueParser {
    private final String src;
    private final NameTable names;
    private int pos;

    private ValueParser(String src, NameTable names) {
        this.src = src;
        this.names = names;
    }

    /** Parses one value; the whole text must be consumed. */
    public static Value parse(String text, NameTable names) {
        ValueParser p = new ValueParser(text, names);
        Value v = p.value();
        p.skipWs();
        if (p.pos != p.src.length()) {
            throw p.error("unexpected text after the value");
        }
        return v;
    }

    /**
     * Parses a TLC state block: {@code /\ x = v} conjuncts (or a single {@code x = v}), in order.
     * Returns variable name to value, in the order of the block.
     */
    public static Map<String, Value> parseState(String text, NameTable names) {
        ValueParser p = new ValueParser(text, names);
        Map<String, Value> out = new LinkedHashMap<>();
        p.skipWs();
        while (p.pos < p.src.length()) {
            p.accept("/\\");
            String name = p.identifier();
            if (name == null) {
                throw p.error("expected a variable name");
            }
            p.expect("=");
            out.put(name, p.value());
            p.skipWs();
        }
        return out;
    }

    private TlaEvalException error(String what) {
        int from = Math.max(0, pos - 20);
        int to = Math.min(src.length(), pos + 20);
        return new TlaEvalException("Cannot parse TLC value at offset " + pos + ": " + what + " near '"
                + src.substring(from, to).replace('\n', ' ') + "'");
    }

    private void skipWs() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (src.startsWith("\\*", pos)) {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                break;
            }
        }
    }

    private boolean peek(String s) {
        skipWs();
        return src.startsWith(s, pos);
    }

    private boolean accept(String s) {
        if (peek(s)) {
            pos += s.length();
            return true;
        }
        return false;
    }

    private void expect(String s) {
        if (!accept(s)) {
            throw error("expected '" + s + "'");
        }
    }

    private String identifier() {
        skipWs();
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos || Character.isDigit(src.charAt(start)) && allDigits(start, pos)) {
            pos = start;
            return null;
        }
        return src.substring(start, pos);
    }

    private boolean allDigits(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(src.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** value := fcnChain ; fcnChain := range ( ':>' range ( '@@' range ':>' range )* )? */
    private Value value() {
        Value left = range();
        if (accept(":>")) {
            Value f = Tla.colonGt(left, range());
            while (accept("@@")) {
                Value k = range();
                expect(":>");
                f = Tla.atAt(f, Tla.colonGt(k, range()));
            }
            return f;
        }
        return left;
    }

    private Value range() {
        Value a = primary();
        if (peek("..")) {
            pos += 2;
            return Tla.interval(a, primary());
        }
        return a;
    }

    private Value primary() {
        skipWs();
        if (pos >= src.length()) {
            throw error("unexpected end of text");
        }
        char c = src.charAt(pos);
        if (c == '"') {
            return names.str(string());
        }
        if (c == '-' || Character.isDigit(c)) {
            return number();
        }
        if (accept("<<")) {
            List<Value> elems = new ArrayList<>();
            if (!accept(">>")) {
                do {
                    elems.add(value());
                } while (accept(","));
                expect(">>");
            }
            return Tla.seqOf(elems);
        }
        if (accept("{")) {
            List<Value> elems = new ArrayList<>();
            if (!accept("}")) {
                do {
                    elems.add(value());
                } while (accept(","));
                expect("}");
            }
            return Tla.setOf(elems);
        }
        if (accept("(")) {
            Value v = value();
            expect(")");
            return v;
        }
        if (accept("[")) {
            return bracket();
        }
        String id = identifier();
        if (id == null) {
            throw error("expected a value");
        }
        switch (id) {
            case "TRUE":
                return Tla.TRUE;
            case "FALSE":
                return Tla.FALSE;
            case "Nat":
                return Tla.NAT;
            case "Int":
                return Tla.INT;
            case "STRING":
                return Tla.STRING;
            case "BOOLEAN":
                return Tla.BOOLEAN;
            case "SUBSET":
                return Tla.subsetOf(primary());
            case "Seq":
                if (accept("(")) {
                    Value s = value();
                    expect(")");
                    return Tla.seqSet(s);
                }
                return names.modelValue(id);
            default:
                return names.modelValue(id);
        }
    }

    private Value bracket() {
        int save = pos;
        String id = identifier();
        if (id != null && accept("|->")) {
            List<String> fields = new ArrayList<>();
            List<Value> vals = new ArrayList<>();
            fields.add(id);
            vals.add(value());
            while (accept(",")) {
                String n = identifier();
                if (n == null) {
                    throw error("expected a field name");
                }
                expect("|->");
                fields.add(n);
                vals.add(value());
            }
            expect("]");
            return names.record(fields.toArray(new String[0]), vals.toArray(new Value[0]));
        }
        if (id != null && accept(":")) {
            List<String> fields = new ArrayList<>();
            List<Value> sets = new ArrayList<>();
            fields.add(id);
            sets.add(value());
            while (accept(",")) {
                fields.add(identifier());
                expect(":");
                sets.add(value());
            }
            expect("]");
            return names.recordSet(fields.toArray(new String[0]), sets.toArray(new Value[0]));
        }
        if (id != null && accept("\\in")) {
            // TLC prints a function it has not evaluated yet as its lambda, [x \in S |-> body];
            // readable here when the body is a value, i.e. the function is constant.
            Value domain = value();
            expect("|->");
            Value body = value();
            expect("]");
            return Tla.fcn(domain, x -> body);
        }
        pos = save;
        Value dom = value();
        expect("->");
        Value rng = value();
        expect("]");
        return Tla.funSet(dom, rng);
    }

    private Value number() {
        int start = pos;
        if (src.charAt(pos) == '-') {
            pos++;
        }
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
            pos++;
        }
        try {
            return Tla.integer(Integer.parseInt(src.substring(start, pos)));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("bad integer (TLC integers are 32-bit)");
        }
    }

    private String string() {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= src.length()) {
                throw error("unterminated string");
            }
            char c = src.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\' && pos < src.length()) {
                char e = src.charAt(pos++);
                switch (e) {
                    case 'n':
                        sb.append('\n');
                        break;
                    case 't':
                        sb.append('\t');
                        break;
                    case 'r':
                        sb.append('\r');
                        break;
                    case 'f':
                        sb.append('\f');
                        break;
                    default:
                        sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
    }
}
