package io.finalspec.toolkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes the stack trace of an internal error to a file, so that the terminal gets one line and a
 * path, and the report a maintainer needs is kept: command line, Java version and stack. The file
 * goes under {@code target/finalspec/errors} of the finalspec home, or the temporary folder when
 * that cannot be written.
 */
final class CrashLog {

    private CrashLog() {
    }

    /** Writes the log and returns its path, or null when no folder can be written. */
    static Path write(Throwable t, List<String> args) {
        String name = "internal-error-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
            + "-" + ProcessHandle.current().pid() + ".log";
        String text = text(t, args);
        for (Path dir : List.of(Home.defaultOut().resolve("errors"), Path.of(System.getProperty("java.io.tmpdir")))) {
            try {
                Files.createDirectories(dir);
                Path file = dir.resolve(name);
                Files.writeString(file, text);
                return file;
            } catch (IOException | RuntimeException e) {
                // Try the next folder; an unwritable target/ must not hide the original error.
            }
        }
        return null;
    }

    static String text(Throwable t, List<String> args) {
        StringWriter s = new StringWriter();
        PrintWriter w = new PrintWriter(s);
        w.println("finalspec internal error; please report it with this file.");
        w.println("command: finalspec " + String.join(" ", args));
        w.println("java: " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), max heap "
            + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
        w.println();
        t.printStackTrace(w);
        w.flush();
        return s.toString();
    }
}
