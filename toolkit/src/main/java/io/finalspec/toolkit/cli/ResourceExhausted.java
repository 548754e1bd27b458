package io.finalspec.toolkit.cli;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The run needed more memory than the JVM has: not a bug and not a user mistake, so it gets its own
 * exit code ({@link ExitCode#RESOURCES}) and a message that says how far the run got and how to go
 * on. An {@link OutOfMemoryError} unwinds the search that filled the heap, so by the time this is
 * built its states are garbage and printing is safe.
 */
final class ResourceExhausted extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ResourceExhausted(String message) {
        super(message);
    }

    /** The message for a search that stopped after about {@code distinct} distinct states. */
    static ResourceExhausted afterStates(String what, long distinct) {
        return new ResourceExhausted(String.format("out of memory in %s after about %,d distinct states%s", what, distinct, howToGoOn()));
    }

    /** The message when nothing counted how far the run got. */
    static ResourceExhausted somewhere() {
        return new ResourceExhausted("out of memory" + howToGoOn());
    }

    private static String howToGoOn() {
        return String.format(" (Java heap %,d MB). To go on: give Java more heap (FINALSPEC_JAVA_OPTS=-Xmx8g ./finalspec ...;"
            + " the TLC runs of check take --heap), use fewer --workers, or a bigger machine.", Runtime.getRuntime().maxMemory() >> 20);
    }

    /**
     * Runs {@code search}; if it runs out of memory (directly, or in a worker thread whose failure
     * is wrapped), reports it with the count {@code distinct} last saw.
     */
    static <T> T guard(String what, Supplier<T> search, LongSupplier distinct) {
        // Built before the search: when the heap is full, the search's structures may still be
        // reachable from the caller, and String.format's parsing could itself run out of memory.
        String before = "out of memory in " + what + " after about ";
        String after = " distinct states" + howToGoOn();
        // Memory held back for the report: freed when the search has filled the heap, so that
        // building the message cannot itself run out of memory (its structures may still be
        // reachable while the catch runs). The fence keeps the holder alive through the search.
        byte[][] reserve = {new byte[RESERVE_BYTES]};
        try {
            return search.get();
        } catch (RuntimeException | Error e) {
            reserve[0] = null;
            if (isExhaustion(e)) {
                throw new ResourceExhausted(before + grouped(distinct.getAsLong()) + after);
            }
            throw e;
        } finally {
            java.lang.ref.Reference.reachabilityFence(reserve);
        }
    }

    /** What {@link #guard} holds back for its report. */
    private static final int RESERVE_BYTES = 1 << 20;

    /** {@code n} with thousands separators, as {@code %,d} in the English locale writes it, without a Formatter. */
    static String grouped(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder b = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (n < 0) {
            b.append('-');
        }
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                b.append(',');
            }
            b.append(digits.charAt(i));
        }
        return b.toString();
    }

    /** The message is what matters here; a stack trace would be one more allocation on a full heap. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /** True when {@code t} or one of its causes is an {@link OutOfMemoryError}. */
    static boolean isExhaustion(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }
}
