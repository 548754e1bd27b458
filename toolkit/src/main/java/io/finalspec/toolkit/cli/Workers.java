package io.finalspec.toolkit.cli;

/**
 * Checks a {@code --workers} count. More threads than a few per core only add contention (each
 * level of a breadth-first search is split among them), and a count in the thousands asks the JVM
 * for that many threads at once, so the count is bounded by what the machine can use.
 */
final class Workers {

    /** At most this many workers per available processor. */
    static final int PER_CORE = 4;

    private Workers() {
    }

    /** Returns {@code n} when it is sensible on this machine; otherwise a usage error naming the limit. */
    static int check(int n) {
        int max = max();
        if (n < 1 || n > max) {
            throw new UserError("--workers " + n + ": give a count from 1 to " + max + " (" + PER_CORE + " per core; this machine has "
                + Runtime.getRuntime().availableProcessors() + ")", ExitCode.USAGE);
        }
        return n;
    }

    /** {@code --workers N} or {@code --workers auto} (one per available processor). */
    static final class Converter implements picocli.CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            if (value.equals("auto")) {
                return Runtime.getRuntime().availableProcessors();
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a count of workers (a number, or auto)");
            }
        }
    }

    static int max() {
        return Math.max(8, PER_CORE * Runtime.getRuntime().availableProcessors());
    }
}
