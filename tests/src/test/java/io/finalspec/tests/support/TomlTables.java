package io.finalspec.tests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the corpus's TOML files: arrays of tables ({@code [[spec]]}, {@code [[gap]]}) whose keys
 * hold one-line values (a basic string with {@code \\}, {@code \"} and {@code \n} escapes, an integer, a boolean, or an
 * array, kept as its raw text). Enough for corpus.toml and known-gaps.toml, and strict: anything
 * else is an error with {@code file:line}.
 */
public final class TomlTables {
  private TomlTables() {}

  /** The tables named {@code table}, in file order, each as key to decoded value. */
  public static List<Map<String, String>> read(Path file, String table) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Map<String, String>> tables = new ArrayList<>();
    Map<String, String> current = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.equals("[[" + table + "]]")) {
        current = new LinkedHashMap<>();
        tables.add(current);
        continue;
      }
      int eq = line.indexOf('=');
      if (current == null || eq < 0) {
        throw new IllegalArgumentException(file.getFileName() + ":" + (i + 1) + ": expected [[" + table + "]] or key = value");
      }
      String key = line.substring(0, eq).strip();
      if (current.put(key, value(line.substring(eq + 1).strip(), file, i + 1)) != null) {
        throw new IllegalArgumentException(file.getFileName() + ":" + (i + 1) + ": key " + key + " given twice");
      }
    }
    return tables;
  }

  private static String value(String text, Path file, int line) {
    if (text.startsWith("\"")) {
      StringBuilder out = new StringBuilder();
      for (int i = 1; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '"') {
          if (!text.substring(i + 1).isBlank()) {
            break;
          }
          return out.toString();
        }
        if (c == '\\' && i + 1 < text.length()) {
          char next = text.charAt(++i);
          c = switch (next) {
            case '\\', '"' -> next;
            case 'n' -> '\n';
            default -> throw new IllegalArgumentException(file.getFileName() + ":" + line + ": unsupported escape \\" + next);
          };
        }
        out.append(c);
      }
      throw new IllegalArgumentException(file.getFileName() + ":" + line + ": malformed string " + text);
    }
    if (text.matches("-?\\d+|true|false") || (text.startsWith("[") && text.endsWith("]"))) {
      return text;
    }
    throw new IllegalArgumentException(file.getFileName() + ":" + line + ": unsupported value " + text);
  }
}
