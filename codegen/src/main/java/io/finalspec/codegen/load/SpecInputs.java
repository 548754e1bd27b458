package io.finalspec.codegen.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything a compilation of a spec and model reads from disk, fed to a digest: the config's name
 * and bytes, the spec's name, and the name and bytes of every {@code .tla} file of the spec's folder
 * (the only place the resolver looks for modules: {@code <folder>/<Name>.tla}; a file the spec does
 * not use only costs a regeneration when it changes). With the generator's and runtime's builds
 * (which {@link MachineCache#inputsKey} feeds the same digest first), equal digests mean the same
 * generated machine, so a run whose digest the cache knows skips parsing, generation and javac.
 */
final class SpecInputs {
    private SpecInputs() {}

    /** Feeds the compilation's inputs to {@code sha}; false when a file cannot be read (no shortcut then). */
    static boolean feed(MessageDigest sha, Path spec, Path config, String packageName) {
        try {
            Path folder = spec.toAbsolutePath().getParent();
            field(sha, "package", packageName.getBytes(StandardCharsets.UTF_8));
            field(sha, "spec", spec.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            field(sha, "config " + config.getFileName(), Files.readAllBytes(config));
            for (Path module : modules(folder)) {
                field(sha, "module " + module.getFileName(), Files.readAllBytes(module));
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
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
