package io.finalspec.runtime.value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finitely many distinct values numbered 0..n-1 (in any order), with TLC's order of them worked
 * out once: a state decoder builds the sets of a variable typed {@code SUBSET T} from bit sets over
 * the numbering without sorting or comparing elements on every call (as {@link Tla#setOf} does).
 * When two members cannot be compared (TLC would refuse to normalize a set holding both), sets are
 * built by {@link Tla#setOf}, which then fails as TLC does.
 */
public final class Universe {
    private final Value[] members;
    /** The codes in TLC's order of their members, or null when some members are incomparable (or equal). */
    private final int[] sortedCodes;
    /** Whether the numbering is TLC's order (then a bit set's elements come out sorted). */
    private final boolean inOrder;

    private Universe(Value[] members) {
        this.members = members;
        Integer[] idx = new Integer[members.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        int[] sorted;
        try {
            Arrays.sort(idx, (x, y) -> ValueOrder.compare(members[x], members[y]));
            sorted = new int[idx.length];
            for (int i = 0; i < idx.length && sorted != null; i++) {
                sorted[i] = idx[i];
                if (i > 0 && ValueOrder.compare(members[sorted[i - 1]], members[sorted[i]]) == 0) {
                    sorted = null; // not distinct in TLC's order: leave normalizing to Tla.setOf
                }
            }
        } catch (TlaEvalException e) {
            sorted = null;
        }
        this.sortedCodes = sorted;
        boolean identity = sorted != null;
        for (int i = 0; identity && i < sorted.length; i++) {
            identity = sorted[i] == i;
        }
        this.inOrder = identity;
    }

    /** The distinct values {@code members}, member {@code i} numbered {@code i}. */
    public static Universe of(Value... members) {
        Value[] m = members.clone();
        Tla.nonNull(m);
        return new Universe(m);
    }

    /** The number of members. */
    public int size() {
        return members.length;
    }

    /** The set of the members whose numbers are the bits of {@code bits} (numbers below 64). */
    public SetValue fromBits(long bits) {
        int n = Long.bitCount(bits);
        if (n == 0) {
            return EnumSetValue.EMPTY;
        }
        Value[] out = new Value[n];
        int k = 0;
        if (inOrder) {
            for (long rest = bits; rest != 0; rest &= rest - 1) {
                out[k++] = members[Long.numberOfTrailingZeros(rest)];
            }
            return EnumSetValue.ofDistinctSorted(out);
        }
        if (sortedCodes == null) {
            for (long rest = bits; rest != 0; rest &= rest - 1) {
                out[k++] = members[Long.numberOfTrailingZeros(rest)];
            }
            return Tla.set(out);
        }
        for (int code : sortedCodes) {
            if (code < 64 && (bits & (1L << code)) != 0) {
                out[k++] = members[code];
            }
        }
        return EnumSetValue.ofDistinctSorted(out);
    }

    /** The set of the members whose numbers are the bits of {@code words} (bit {@code c % 64} of word {@code c / 64}). */
    public SetValue fromBits(long[] words) {
        List<Value> out = new ArrayList<>();
        if (sortedCodes == null) {
            for (int w = 0; w < words.length; w++) {
                for (long rest = words[w]; rest != 0; rest &= rest - 1) {
                    out.add(members[64 * w + Long.numberOfTrailingZeros(rest)]);
                }
            }
            return Tla.setOf(out);
        }
        for (int code : sortedCodes) {
            int w = code >>> 6;
            if (w < words.length && (words[w] & (1L << (code & 63))) != 0) {
                out.add(members[code]);
            }
        }
        return EnumSetValue.ofDistinctSorted(out.toArray(new Value[0]));
    }
}
