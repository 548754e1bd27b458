package io.finalspec.codegen.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything a compilation of a spec and model reads from disk, as one SHA-256: the config's name
 * and bytes, the spec's name, and the name and bytes of every {@code .tla} file of the spec's folder
 * (the only place the resolver looks for modules: {@code <folder>/<Name>.tla}; a file the spec does
 * not use only costs a regeneration when it changes). With the generator's and runtime's builds
 * (which {@link MachineCache} adds), equal digests mean the same generated machine, so a run whose
 * digest the cache knows skips parsing, generation and javac.
 */
public final class SpecInputs {
    private SpecInputs() {}

    /** The digest of the compilation's inputs in hex, or null when a file cannot be read (no shortcut then). */
    public static String digest(Path spec, Path config, String packageName) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Path folder = spec.toAbsolutePath().getParent();
            field(sha, "package", packageName.getBytes(StandardCharsets.UTF_8));
            field(sha, "spec", spec.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            field(sha, "config " + config.getFileName(), Files.readAllBytes(config));
            for (Path module : modules(folder)) {
                field(sha, "module " + module.getFileName(), Files.readAllBytes(module));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The folder's {@code .tla} files, sorted by name so that the digest does not depend on the listing order. */
    private static List<Path> modules(Path folder) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(f -> f.getFileName().toString().endsWith(".tla") && Files.isRegularFile(f)).forEach(out::add);
        }
        out.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return out;
    }

    /** A name and its bytes, each preceded by its length, so that no two different inputs hash alike by shifting bytes. */
    private static void field(MessageDigest sha, String name, byte[] bytes) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        sha.update(lengthOf(n.length));
        sha.update(n);
        sha.update(lengthOf(bytes.length));
        sha.update(bytes);
    }

    private static byte[] lengthOf(int n) {
        return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }
}
