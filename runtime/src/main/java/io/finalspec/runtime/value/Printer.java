package io.finalspec.runtime.value;

/** TLC's print syntax for values ({@code <<1, 2>>}, {@code [a |-> 1]}, {@code (1 :> 2 @@ 3 :> 4)}). */
final class Printer {
    private Printer() {
    }

    static void print(Value v, StringBuilder sb) {
        if (v instanceof BoolValue b) {
            sb.append(b.value() ? "TRUE" : "FALSE");
        } else if (v instanceof IntValue i) {
            sb.append(i.value());
        } else if (v instanceof StrValue s) {
            quote(s.value(), sb);
        } else if (v instanceof ModelValue m) {
            sb.append(m.name());
        } else if (v instanceof SetValue s) {
            String lazy = s.lazyText();
            if (lazy != null) {
                sb.append(lazy);
                return;
            }
            sb.append('{');
            boolean first = true;
            for (Value e : s) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                print(e, sb);
            }
            sb.append('}');
        } else if (v instanceof TupleValue t) {
            sb.append("<<");
            for (int i = 0; i < t.elems.length; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                print(t.elems[i], sb);
            }
            sb.append(">>");
        } else if (v instanceof RecordValue r && identifierNames(r)) {
            sb.append('[');
            for (int i = 0; i < r.names.length; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(r.names[i].value()).append(" |-> ");
                print(r.values[i], sb);
            }
            sb.append(']');
        } else if (v instanceof FcnValue f) {
            sb.append('(');
            for (int i = 0; i < f.size(); i++) {
                if (i > 0) {
                    sb.append(" @@ ");
                }
                print(f.keyAt(i), sb);
                sb.append(" :> ");
                print(f.valueAt(i), sb);
            }
            sb.append(')');
        } else {
            sb.append(v);
        }
    }

    /** Records print as {@code [a |-> 1]} when every field is an identifier, else as a function. */
    private static boolean identifierNames(RecordValue r) {
        for (StrValue n : r.names) {
            String s = n.value();
            if (s.isEmpty() || Character.isDigit(s.charAt(0))) {
                return false;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (!(Character.isLetterOrDigit(c) || c == '_')) {
                    return false;
                }
            }
        }
        return true;
    }

    static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\f':
                    sb.append("\\f");
                    break;
                default:
                    sb.append(c);
            }
        }
        sb.append('"');
    }
}
