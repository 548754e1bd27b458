package io.finalspec.tests.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutates the text of a valid TLA+ module at the token level (issue 18's spec-mutation fuzz): swaps
 * an operator for a neighbour, drops or duplicates a conjunct or disjunct line, changes a number,
 * renames an identifier to one nothing defines, or primes an identifier. Comments and strings are
 * never touched; only the module's body (after its header line) is. A mutant may be valid TLA+ or
 * not: the fuzz demands only that finalspec and SANY/TLC agree on it.
 */
final class Mutator {

    /** How a mutant was made. */
    enum Op { SWAP_OPERATOR, DROP_LINE, DUPLICATE_LINE, CHANGE_NUMBER, UNBOUND_NAME, PRIME }

    record Mutant(String text, Op op, String description) {
    }

    private record Token(int start, int end, String text, char kind) {
    }

    /** Each operator and the ones it may become: same arity, mostly same operand types. */
    private static final Map<String, List<String>> SWAPS = Map.ofEntries(
        Map.entry("+", List.of("-", "*")), Map.entry("-", List.of("+")), Map.entry("*", List.of("+")),
        Map.entry("<", List.of("<=", ">", "=")), Map.entry("<=", List.of("<", ">=")), Map.entry(">", List.of(">=", "<")),
        Map.entry(">=", List.of(">", "<=")), Map.entry("=", List.of("#", "<=")), Map.entry("#", List.of("=")),
        Map.entry("/=", List.of("=")), Map.entry("/\\", List.of("\\/")), Map.entry("\\/", List.of("/\\")),
        Map.entry("\\cup", List.of("\\cap", "\\")), Map.entry("\\cap", List.of("\\cup")), Map.entry("\\in", List.of("\\notin")),
        Map.entry("\\notin", List.of("\\in")), Map.entry("\\subseteq", List.of("\\in")), Map.entry("=>", List.of("\\/", "<=>")),
        Map.entry("..", List.of("\\X")), Map.entry("\\o", List.of("\\cup")), Map.entry("%", List.of("\\div")),
        Map.entry("\\div", List.of("%")), Map.entry("'", List.of("")));

    private static final Set<String> KEYWORDS = Set.of("MODULE", "EXTENDS", "VARIABLE", "VARIABLES", "CONSTANT", "CONSTANTS",
        "LET", "IN", "IF", "THEN", "ELSE", "CASE", "OTHER", "CHOOSE", "EXCEPT", "UNCHANGED", "DOMAIN", "SUBSET", "UNION",
        "ENABLED", "TRUE", "FALSE", "BOOLEAN", "ASSUME", "ASSUMPTION", "INSTANCE", "WITH", "LOCAL", "RECURSIVE", "THEOREM",
        "LAMBDA", "WF_", "SF_", "STRING", "AXIOM", "LEMMA", "PROOF", "BY", "QED", "DEF", "DEFS", "OBVIOUS", "OMITTED");

    private static final Pattern TOKEN = Pattern.compile(
        "(?<ident>[A-Za-z_][A-Za-z0-9_]*)|(?<num>[0-9]+)|(?<op>\\\\[a-z]+|/\\\\|\\\\/|<=>|=>|<=|>=|/=|\\.\\.|==|[-+*<>=#%'])");

    private final Rnd r;

    Mutator(Rnd r) {
        this.r = r;
    }

    /** One mutant of {@code tla}, or null if the drawn mutation finds nothing to change. */
    Mutant mutate(String tla) {
        List<Token> tokens = tokens(tla);
        Op op = r.pick(List.of(Op.values()));
        return switch (op) {
            case SWAP_OPERATOR -> swap(tla, tokens);
            case DROP_LINE, DUPLICATE_LINE -> line(tla, op);
            case CHANGE_NUMBER -> number(tla, tokens);
            case UNBOUND_NAME -> rename(tla, tokens);
            case PRIME -> prime(tla, tokens);
        };
    }

    private Mutant swap(String tla, List<Token> tokens) {
        List<Token> ops = tokens.stream().filter(t -> t.kind() == 'o' && SWAPS.containsKey(t.text())).toList();
        if (ops.isEmpty()) {
            return null;
        }
        Token t = r.pick(ops);
        String to = r.pick(SWAPS.get(t.text()));
        return new Mutant(replace(tla, t, to), Op.SWAP_OPERATOR, "line " + lineOf(tla, t.start()) + ": " + t.text() + " -> " + to);
    }

    private Mutant line(String tla, Op op) {
        String[] lines = tla.split("\n", -1);
        List<Integer> candidates = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String s = lines[i].strip();
            if (s.startsWith("/\\ ") || s.startsWith("\\/ ")) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        int i = r.pick(candidates);
        List<String> out = new ArrayList<>(List.of(lines));
        if (op == Op.DROP_LINE) {
            out.remove(i);
        } else {
            out.add(i, lines[i]);
        }
        return new Mutant(String.join("\n", out), op, "line " + (i + 1) + ": " + lines[i].strip());
    }

    private Mutant number(String tla, List<Token> tokens) {
        List<Token> nums = tokens.stream().filter(t -> t.kind() == 'n').toList();
        if (nums.isEmpty()) {
            return null;
        }
        Token t = r.pick(nums);
        long n = Long.parseLong(t.text().length() > 12 ? "0" : t.text());
        String to = String.valueOf(switch (r.below(4)) {
            case 0 -> 0;
            case 1 -> n + 1;
            case 2 -> Math.max(0, n - 1);
            default -> n + 5;
        });
        return new Mutant(replace(tla, t, to), Op.CHANGE_NUMBER, "line " + lineOf(tla, t.start()) + ": " + t.text() + " -> " + to);
    }

    private Mutant rename(String tla, List<Token> tokens) {
        List<Token> names = identifiers(tokens);
        if (names.isEmpty()) {
            return null;
        }
        Token t = r.pick(names);
        return new Mutant(replace(tla, t, "zzUnbound"), Op.UNBOUND_NAME, "line " + lineOf(tla, t.start()) + ": " + t.text()
            + " -> zzUnbound");
    }

    private Mutant prime(String tla, List<Token> tokens) {
        List<Token> names = identifiers(tokens);
        if (names.isEmpty()) {
            return null;
        }
        Token t = r.pick(names);
        return new Mutant(replace(tla, t, t.text() + "'"), Op.PRIME, "line " + lineOf(tla, t.start()) + ": " + t.text() + " -> "
            + t.text() + "'");
    }

    private static List<Token> identifiers(List<Token> tokens) {
        return tokens.stream().filter(t -> t.kind() == 'i' && !KEYWORDS.contains(t.text())).toList();
    }

    private static String replace(String tla, Token t, String to) {
        return tla.substring(0, t.start()) + to + tla.substring(t.end());
    }

    private static int lineOf(String tla, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (tla.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The tokens of the module body: after the header line, before the closing {@code ====}, outside comments and strings. */
    static List<Token> tokens(String tla) {
        List<Token> out = new ArrayList<>();
        int start = tla.indexOf('\n', Math.max(0, tla.indexOf("MODULE"))) + 1;
        int end = tla.indexOf("\n====", start);
        end = end < 0 ? tla.length() : end;
        int i = start;
        while (i < end) {
            if (tla.startsWith("\\*", i)) {
                i = skipTo(tla, i, "\n");
            } else if (tla.startsWith("(*", i)) {
                int depth = 0;
                while (i < end) {
                    if (tla.startsWith("(*", i)) {
                        depth++;
                        i += 2;
                    } else if (tla.startsWith("*)", i)) {
                        i += 2;
                        if (--depth == 0) {
                            break;
                        }
                    } else {
                        i++;
                    }
                }
            } else if (tla.charAt(i) == '"') {
                int j = i + 1;
                while (j < end && tla.charAt(j) != '"') {
                    j += tla.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else {
                Matcher m = TOKEN.matcher(tla).region(i, end);
                if (m.lookingAt()) {
                    char kind = m.group("ident") != null ? 'i' : m.group("num") != null ? 'n' : 'o';
                    out.add(new Token(i, m.end(), m.group(), kind));
                    i = m.end();
                } else {
                    i++;
                }
            }
        }
        return out;
    }

    private static int skipTo(String s, int i, String what) {
        int j = s.indexOf(what, i);
        return j < 0 ? s.length() : j;
    }
}
