package io.finalspec.codegen.load;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.ProtectionDomain;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A folder of compiled generated machines, so that a second run of the same spec and model skips
 * javac (and, when nothing it reads changed, parsing and generation too). An entry is the class
 * files of one compilation, named by the SHA-256 of the generated
 * Java source (which already encodes the spec, the config and the generator), the JDK's feature
 * version and a stamp of the runtime library the classes were compiled against (its jar's size and
 * modification time, or its classes folder's). Beside it, an inputs entry names the classes entry
 * that a spec and model's inputs ({@link SpecInputs}: the config and the modules of the spec's
 * folder) compiled to with this generator and runtime, so that a run of an unchanged spec and model
 * also skips parsing and generation. Entry names are hex digits only, so nothing in a spec can steer
 * a path outside the folder.
 *
 * <p>Every failure only costs speed: an entry that is truncated, corrupt or for other classes is a
 * miss and is written again; a folder that cannot be written leaves the machine compiled in memory.
 * Entries are written to a temporary file and moved into place atomically, so concurrent processes
 * writing the same entry each leave a whole file, and a reader never sees half of one.
 */
public final class MachineCache {

    /** What the cache did for one load. */
    public enum Status {
        /** The classes came from the cache; javac did not run. */
        HIT,
        /** javac ran; the classes were stored (or could not be: see {@link Outcome#note()}). */
        MISS,
        /** No cache: disabled, or the runtime's location is unknown. */
        OFF;

        /** As in {@code --json}: hit, miss, off. */
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A load's cache status, and a one-line note when the cache could not be used as asked. */
    public record Outcome(Status status, String note) {
        public static Outcome of(Status status) {
            return new Outcome(status, null);
        }
    }

    /** The environment variable naming the cache folder, or {@code off}. */
    public static final String ENVIRONMENT = "FINALSPEC_CACHE";

    private static final int MAGIC = 0x46534d43; // "FSMC"
    /** The first line of an inputs entry. */
    private static final String INPUTS_HEADER = "finalspec machine inputs 1";
    private static final int FORMAT = 1;
    private static final int DIGEST_BYTES = 32;
    /** Far above any generated machine's class files; a larger count or length is a corrupt entry. */
    private static final int MAX_CLASSES = 100_000;

    private final Path folder;
    private final String runtimeStamp;
    /** The code generator's build, as {@link #runtimeStamp} is the runtime's: part of an inputs entry's key. */
    private final String generatorStamp;

    private MachineCache(Path folder, String runtimeStamp, String generatorStamp) {
        this.folder = folder;
        this.runtimeStamp = runtimeStamp;
        this.generatorStamp = generatorStamp;
    }

    /** A machine the cache knows from its inputs: its class name and compiled classes. */
    public record Found(String className, Map<String, byte[]> classes) {
    }

    /** No cache: every load compiles. */
    public static MachineCache off() {
        return new MachineCache(null, null, null);
    }

    /** A cache in {@code folder} (created when the first entry is written). */
    public static MachineCache in(Path folder) {
        String stamp = stampOf(io.finalspec.runtime.machine.Machine.class);
        String generator = stampOf(MachineCache.class);
        return stamp == null || generator == null ? off() : new MachineCache(folder.toAbsolutePath(), stamp, generator);
    }

    /**
     * The user's cache: {@code $FINALSPEC_CACHE} ({@code off} disables it), else
     * {@code $XDG_CACHE_HOME/finalspec}, else {@code ~/.cache/finalspec}.
     */
    public static MachineCache fromEnvironment(Map<String, String> env, String userHome) {
        String chosen = env.get(ENVIRONMENT);
        if (chosen != null && !chosen.isBlank()) {
            return chosen.strip().equalsIgnoreCase("off") ? off() : in(Path.of(chosen.strip()));
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return in(Path.of(xdg, "finalspec"));
        }
        if (userHome == null || userHome.isBlank()) {
            return off();
        }
        return in(Path.of(userHome, ".cache", "finalspec"));
    }

    /** The process's cache, as {@link #fromEnvironment} reads it from this process's environment. */
    public static MachineCache ofThisProcess() {
        return fromEnvironment(System.getenv(), System.getProperty("user.home"));
    }

    public boolean enabled() {
        return folder != null;
    }

    /** The cache folder; null when the cache is off. */
    Path folder() {
        return folder;
    }

    /** The file of the entry of {@code source}; only for an enabled cache. */
    Path entry(String source) {
        return entryOf(key(source));
    }

    private Path entryOf(String key) {
        return folder.resolve(key + ".classes");
    }

    /** The entry's classes when it exists whole and holds {@code className}; empty on any problem. */
    public Optional<Map<String, byte[]>> read(String source, String className) {
        return readKey(key(source), className);
    }

    private Optional<Map<String, byte[]>> readKey(String key, String className) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(entryOf(key));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        Map<String, byte[]> classes = decode(bytes);
        return classes != null && classes.containsKey(className) ? Optional.of(classes) : Optional.empty();
    }

    /**
     * The key of a compilation's inputs ({@link SpecInputs}) with this generator and runtime, in hex;
     * null when the cache is off or a file cannot be read (no shortcut then).
     */
    public String inputsKey(Path spec, Path config, String packageName) {
        if (!enabled()) {
            return null;
        }
        MessageDigest sha = sha256();
        sha.update(("finalspec machine inputs " + FORMAT + "\njava " + Runtime.version().feature() + "\nruntime "
            + runtimeStamp + "\ngenerator " + generatorStamp + "\n").getBytes(StandardCharsets.UTF_8));
        return SpecInputs.feed(sha, spec, config, packageName) ? HexFormat.of().formatHex(sha.digest()) : null;
    }

    /** The file of the inputs entry of an {@link #inputsKey}. */
    private Path inputsEntry(String inputsKey) {
        return folder.resolve(inputsKey + ".inputs");
    }

    /**
     * The machine compiled from the same inputs ({@link #inputsKey}) by the same generator and
     * runtime, when an inputs entry names it and its classes entry is whole; empty on any problem.
     */
    public Optional<Found> readInputs(String inputsKey) {
        List<String> lines;
        try {
            lines = Files.readAllLines(inputsEntry(inputsKey), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (lines.size() != 3 || !lines.get(0).equals(INPUTS_HEADER) || !lines.get(2).matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        String className = lines.get(1);
        return readKey(lines.get(2), className).map(classes -> new Found(className, classes));
    }

    /**
     * Records that the inputs of {@code inputsKey} compile to {@code source}, whose classes entry holds
     * {@code className}: a small file naming that entry. A note when it could not be written, else null.
     */
    public String writeInputs(String inputsKey, String source, String className) {
        String text = INPUTS_HEADER + "\n" + className + "\n" + key(source) + "\n";
        return writeAtomically(inputsEntry(inputsKey), text.getBytes(StandardCharsets.UTF_8));
    }

    /** Stores the classes of {@code source}; a note when they could not be stored, else null. */
    public String write(String source, Map<String, byte[]> classes) {
        return writeAtomically(entry(source), encode(classes));
    }

    /** Writes {@code bytes} to a temporary file and moves it to {@code target}; a note when that failed, else null. */
    private String writeAtomically(Path target, byte[] bytes) {
        Path tmp = null;
        try {
            Files.createDirectories(folder);
            tmp = Files.createTempFile(folder, target.getFileName().toString(), ".tmp");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return null;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            return "finalspec: machine cache " + folder + " not written (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); the machine was compiled anyway";
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException | RuntimeException e) {
            // the temporary file stays; it never has an entry's name, so it is never read
        }
    }

    private String key(String source) {
        MessageDigest sha = sha256();
        sha.update(("finalspec machine cache " + FORMAT + "\njava " + Runtime.version().feature() + "\nruntime "
            + runtimeStamp + "\n").getBytes(StandardCharsets.UTF_8));
        sha.update(source.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    static byte[] encode(Map<String, byte[]> classes) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(classes.size());
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                out.writeUTF(c.getKey());
                out.writeInt(c.getValue().length);
                out.write(c.getValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        byte[] body = buffer.toByteArray();
        byte[] digest = sha256().digest(body);
        byte[] all = Arrays.copyOf(body, body.length + DIGEST_BYTES);
        System.arraycopy(digest, 0, all, body.length, DIGEST_BYTES);
        return all;
    }

    /** The classes of an entry's bytes, or null when they are not a whole entry. */
    static Map<String, byte[]> decode(byte[] all) {
        if (all.length < DIGEST_BYTES + 12) {
            return null;
        }
        byte[] body = Arrays.copyOf(all, all.length - DIGEST_BYTES);
        if (!MessageDigest.isEqual(sha256().digest(body), Arrays.copyOfRange(all, body.length, all.length))) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                return null;
            }
            int count = in.readInt();
            if (count < 1 || count > MAX_CLASSES) {
                return null;
            }
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                int length = in.readInt();
                if (length < 0 || length > in.available()) {
                    return null;
                }
                classes.put(name, in.readNBytes(length));
            }
            return in.available() == 0 ? classes : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The build of the library {@code c} comes from: its jar (size and modification time) or classes
     * folder (its class files' count, sizes and latest modification). For the runtime, what the
     * generated classes were compiled against, so that a rebuilt runtime never meets classes compiled
     * against another one; for the generator, what made them from a spec. Null when the location is
     * unknown.
     */
    private static String stampOf(Class<?> c) {
        try {
            ProtectionDomain domain = c.getProtectionDomain();
            if (domain.getCodeSource() == null || domain.getCodeSource().getLocation() == null) {
                return null;
            }
            Path where = Path.of(domain.getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(where)) {
                BasicFileAttributes a = Files.readAttributes(where, BasicFileAttributes.class);
                return "jar " + where + " " + a.size() + " " + a.lastModifiedTime().toMillis();
            }
            if (!Files.isDirectory(where)) {
                return null;
            }
            long[] sum = new long[3];
            try (Stream<Path> files = Files.walk(where)) {
                files.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
                    try {
                        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                        sum[0]++;
                        sum[1] += a.size();
                        sum[2] = Math.max(sum[2], a.lastModifiedTime().toMillis());
                    } catch (IOException e) {
                        sum[0] = -1_000_000_000L;
                    }
                });
            }
            return sum[0] <= 0 ? null : "classes " + where + " " + sum[0] + " " + sum[1] + " " + sum[2];
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
