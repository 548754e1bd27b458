package io.finalspec.toolkit.oracle;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what TLC throws and prints while loading a spec into one line {@code File.tla:line:col:
 * message} (or {@code File.cfg:line: message} for the config). SANY reports parse and semantic
 * errors by printing them and then throwing a generic "Parsing or semantic analysis failed", so
 * the printed text is where the position is.
 */
final class LoadErrors {

    private static final Pattern ENCOUNTERED =
        Pattern.compile("Encountered (.*) at line (\\d+), column (\\d+)(.*)");
    private static final Pattern SPAN =
        Pattern.compile("line (\\d+), col(?:umn)? (\\d+)(?: to line \\d+, col(?:umn)? \\d+)?(?: of module (\\w+))?");
    private static final Pattern CFG_LINE = Pattern.compile("configuration file at line (\\d+)");
    private static final Pattern MODULE = Pattern.compile("(?:Could not parse module|In module) (\\w+)");

    private final Path specDir;
    private final String module;
    private final Path cfg;

    LoadErrors(Path spec, Path cfg) {
        this.specDir = spec.getParent();
        this.module = spec.getFileName().toString().replaceFirst("\\.tla$", "");
        this.cfg = cfg;
    }

    String describe(Throwable error, String printed) {
        String message = error.getMessage() == null ? error.toString() : error.getMessage().strip();
        Matcher cfgLine = CFG_LINE.matcher(message);
        if (cfgLine.find()) {
            return cfg + ":" + cfgLine.group(1) + ": " + lastLine(message);
        }
        if (message.contains("configuration file")) {
            return cfg + ": " + oneLine(message);
        }
        if (message.startsWith("Parsing or semantic analysis failed")) {
            String fromSany = sany(printed);
            if (fromSany != null) {
                return fromSany;
            }
        }
        return positioned(message, module) + oneLine(message);
    }

    /** The first diagnostic SANY printed, positioned. */
    private String sany(String printed) {
        List<String> lines = printed.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String mod = module;
        for (String line : lines) {
            Matcher m = MODULE.matcher(line);
            if (m.find()) {
                mod = m.group(1);
                break;
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher enc = ENCOUNTERED.matcher(line);
            if (enc.find()) {
                String expecting = i > 0 && lines.get(i - 1).startsWith("Was expecting")
                    ? " (" + lines.get(i - 1).toLowerCase() + ")" : "";
                return file(mod) + ":" + enc.group(2) + ":" + enc.group(3) + ": parse error: encountered "
                    + enc.group(1) + enc.group(4) + expecting;
            }
            if (line.startsWith("Lexical error")) {
                return positioned(line, mod) + line;
            }
            if (SPAN.matcher(line).lookingAt() && i + 1 < lines.size()) {
                return positioned(line, mod) + lines.get(i + 1);
            }
            if (line.startsWith("Cannot find source file") || line.contains("could not be found")) {
                return file(mod) + ": " + line;
            }
        }
        return null;
    }

    private String positioned(String text, String defaultModule) {
        Matcher m = SPAN.matcher(text);
        if (!m.find()) {
            return file(defaultModule) + ": ";
        }
        String mod = m.group(3) == null ? defaultModule : m.group(3);
        return file(mod) + ":" + m.group(1) + ":" + m.group(2) + ": ";
    }

    private String file(String mod) {
        return specDir.resolve(mod + ".tla").toString();
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\\R");
        return lines[lines.length - 1].strip();
    }
}
