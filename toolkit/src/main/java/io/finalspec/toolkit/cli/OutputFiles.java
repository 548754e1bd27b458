package io.finalspec.toolkit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The files commands write: a {@code --json FILE} checked before any work is done (a folder given
 * for a file is a usage mistake, not a stack trace after the result), and the name of a trace
 * under {@code traces/}, which must not collide between different specs and configs.
 */
final class OutputFiles {

    private OutputFiles() {
    }

    /** Fails with a usage error unless {@code file} (given as {@code option}) can be written as a file. */
    static void checkWritable(String option, Path file) {
        if (file == null) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new UserError(option + " " + file + ": is a folder; give a file name", ExitCode.USAGE);
        }
        Path parent = file.toAbsolutePath().getParent();
        for (Path p = parent; p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new UserError(option + " " + file + ": " + p + " is a file, not a folder", ExitCode.USAGE);
            }
            if (Files.exists(p)) {
                break;
            }
        }
    }

    /**
     * {@code Spec.cfgname.kind.itf.json} plus a short hash of both files' absolute paths: readable,
     * and distinct for different specs whose configs share a name (or the same names in other folders).
     */
    static String traceName(Path spec, Path config, String kind) {
        String specBase = spec.getFileName().toString().replaceFirst("\\.tla$", "");
        String cfgBase = config.getFileName().toString().replaceFirst("\\.cfg$", "");
        String key = spec.toAbsolutePath().normalize() + "\n" + config.toAbsolutePath().normalize();
        String hash = HexFormat.of().toHexDigits(key.hashCode()).substring(0, 6).toLowerCase(Locale.ROOT);
        return specBase + "." + cfgBase + "." + hash + "." + kind + ".itf.json";
    }
}
