package io.finalspec.codegen.lower;

import io.finalspec.codegen.config.CfgValue;
import java.util.Set;

/**
 * TLC orders strings and model values by the order its parser first interned them (see the
 * runtime's {@code Names}); this scanner lists a module's identifiers and string literals in
 * source order, skipping comments, so the generated machine can intern them the same way.
 */
final class NameOrder {
  private NameOrder() {}

  static void scan(String text, Set<String> out) {
    int i = 0;
    int n = text.length();
    int header = text.indexOf("MODULE");
    if (header > 0) {
      i = header;
    }
    while (i < n) {
      char c = text.charAt(i);
      if (text.startsWith("\\*", i)) {
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
      } else if (text.startsWith("(*", i)) {
        int depth = 0;
        while (i < n) {
          if (text.startsWith("(*", i)) {
            depth++;
            i += 2;
          } else if (text.startsWith("*)", i)) {
            depth--;
            i += 2;
            if (depth == 0) {
              break;
            }
          } else {
            i++;
          }
        }
      } else if (c == '"') {
        StringBuilder sb = new StringBuilder();
        i++;
        while (i < n && text.charAt(i) != '"') {
          char d = text.charAt(i);
          if (d == '\\' && i + 1 < n) {
            char e = text.charAt(++i);
            sb.append(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == 'f' ? '\f' : e);
          } else {
            sb.append(d);
          }
          i++;
        }
        i++;
        out.add(sb.toString());
      } else if (Character.isLetterOrDigit(c) || c == '_') {
        int s = i;
        while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
          i++;
        }
        String w = text.substring(s, i);
        if (!w.chars().allMatch(Character::isDigit)) {
          out.add(w);
        }
      } else if (c == '=' && text.startsWith("====", i)) {
        return;
      } else {
        i++;
      }
    }
  }

  static void values(CfgValue v, Set<String> out) {
    if (v instanceof CfgValue.ModelValue m) {
      out.add(m.name());
    } else if (v instanceof CfgValue.StringValue s) {
      out.add(s.value());
    } else if (v instanceof CfgValue.SetValue s) {
      s.elements().forEach(x -> values(x, out));
    } else if (v instanceof CfgValue.TupleValue t) {
      t.elements().forEach(x -> values(x, out));
    }
  }
}
