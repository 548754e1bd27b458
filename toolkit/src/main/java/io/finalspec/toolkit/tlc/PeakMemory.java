package io.finalspec.toolkit.tlc;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The most memory a JVM held, as the benchmark compares it between TLC and the generated explorer:
 * the peak resident set of the process (Linux's {@code VmHWM}: heap, off-heap tables such as TLC's
 * fingerprint set, metaspace, code; -1 where {@code /proc} is absent) and the sum of the heap
 * pools' peak usage (garbage not yet collected included, as the collector left it).
 */
public record PeakMemory(long rssBytes, long heapBytes) {

    /** Marks the line a child JVM prints on standard error when it exits. */
    public static final String PREFIX = "@@finalspec-memory ";

    /** This JVM's peaks so far. */
    public static PeakMemory ofThisJvm() {
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        return new PeakMemory(residentPeak(), heap);
    }

    private static long residentPeak() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    String kb = line.substring("VmHWM:".length()).replace("kB", "").strip();
                    return Long.parseLong(kb) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the heap figure stands alone
        }
        return -1;
    }

    /** Prints this JVM's peaks on standard error when it exits, for the parent to read with {@link #parse}. */
    public static void reportAtExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println(ofThisJvm().line()), "finalspec-memory"));
    }

    public String line() {
        return PREFIX + rssBytes + " " + heapBytes;
    }

    /** The peaks on a line {@link #line} wrote, if it is one. */
    public static Optional<PeakMemory> parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] f = line.substring(PREFIX.length()).strip().split(" ");
        try {
            return Optional.of(new PeakMemory(Long.parseLong(f[0]), Long.parseLong(f[1])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
