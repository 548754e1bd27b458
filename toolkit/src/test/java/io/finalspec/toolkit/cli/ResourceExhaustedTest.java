package io.finalspec.toolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class ResourceExhaustedTest {

    /** The cheap grouping used on a full heap writes what {@code %,d} writes. */
    @Test
    void groupedIsWhatFormatWrites() {
        for (long n : new long[] {0, 7, 999, 1000, 65_536, 703_718, 1_234_567, 999_999_999_999L, -1_000, -12}) {
            assertEquals(String.format(Locale.ENGLISH, "%,d", n), ResourceExhausted.grouped(n), "n = " + n);
        }
    }
}
