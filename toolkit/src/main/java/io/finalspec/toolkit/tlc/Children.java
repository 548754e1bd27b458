package io.finalspec.toolkit.tlc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The child JVMs (TLC, its simulator, the oracle, bench's explore runs) and temporary folders that
 * this JVM owns. Whoever starts a child or creates a folder registers it here and releases it when
 * done; if the JVM is stopped first (Ctrl-C, SIGTERM, {@code System.exit}), a shutdown hook kills
 * every registered child with its whole process tree and then deletes every registered folder, so
 * nothing is left running and TLC's metadir is gone, as the README says.
 *
 * <p>One instance per JVM, because a shutdown hook is a property of the JVM: this is the one place
 * that must be global. SIGKILL cannot be caught; nothing can clean up after it.
 */
public final class Children {

    private static final Children JVM = new Children();

    private final Set<ProcessHandle> processes = ConcurrentHashMap.newKeySet();
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();
    private volatile boolean hookInstalled;

    private Children() {
    }

    /** The registry of this JVM. */
    public static Children ofThisJvm() {
        return JVM;
    }

    /** Starts {@code builder}'s process, owned until {@link #release(Process)}. */
    public Process start(ProcessBuilder builder) throws IOException {
        installHook();
        Process p = builder.start();
        processes.add(p.toHandle());
        return p;
    }

    /** The process ended or was killed by its owner: nothing to do for it at exit. */
    public void release(Process p) {
        processes.remove(p.toHandle());
    }

    /** A new temporary folder, deleted at exit unless {@link #delete(Path)} deleted it first. */
    public Path tempFolder(String prefix) throws IOException {
        installHook();
        Path dir = Files.createTempDirectory(prefix);
        folders.add(dir);
        return dir;
    }

    /** Deletes a folder made by {@link #tempFolder(String)} with its contents. */
    public void delete(Path dir) throws IOException {
        try {
            deleteTree(dir);
        } finally {
            folders.remove(dir);
        }
    }

    /** Kills every owned process tree and deletes every owned folder; what the shutdown hook runs. */
    void cleanUp() {
        for (ProcessHandle p : processes) {
            // Children first: once the parent dies they are re-parented and no longer its descendants.
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (ProcessHandle p : processes) {
            try {
                // A dying JVM may still hold files in its folder; wait briefly so the folder can go.
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Best effort at exit: the folder deletion below still runs.
            }
        }
        processes.clear();
        for (Path dir : folders) {
            try {
                deleteTree(dir);
            } catch (IOException | RuntimeException e) {
                // Best effort at exit; nothing can report it any more.
            }
        }
        folders.clear();
    }

    private void installHook() {
        if (!hookInstalled) {
            synchronized (this) {
                if (!hookInstalled) {
                    Runtime.getRuntime().addShutdownHook(new Thread(this::cleanUp, "finalspec-children-cleanup"));
                    hookInstalled = true;
                }
            }
        }
    }

    /** Deletes a folder and everything in it (nothing if it is gone already). */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
