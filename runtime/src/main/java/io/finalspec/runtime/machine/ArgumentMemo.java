package io.finalspec.runtime.machine;

import io.finalspec.runtime.value.Value;

/**
 * The values of a state-level operator with parameters, kept in the state they were computed in:
 * a definition such as {@code Fresh(p)} that an action tests, then chooses from and quantifies over,
 * is computed once per state and argument instead of once per use. A table is one array of
 * entries, each the arguments followed by the value ({@code arity + 1} slots), at most
 * {@link #MAX_ENTRIES} of them; an entry matches when its arguments are the very same objects as
 * the call's (the elements of a constant set, small integers, a state's own values), so a lookup
 * never compares values and cannot fail where TLC's evaluation would not. A table is never changed
 * once made: adding an entry makes a new one, so a state read by two threads at worst computes a
 * value twice (a slot seen still empty there is a miss).
 */
public final class ArgumentMemo {
    /** Entries kept per state and operator; later arguments are computed at every call. */
    public static final int MAX_ENTRIES = 8;

    private ArgumentMemo() {
    }

    /** The value kept in {@code table} (may be null) for the one argument {@code a}, or null. */
    public static Value find(Value[] table, Value a) {
        if (table != null) {
            for (int i = 0; i + 1 < table.length; i += 2) {
                if (table[i] == a) {
                    return table[i + 1];
                }
            }
        }
        return null;
    }

    /** The value kept in {@code table} (may be null) for the two arguments {@code a, b}, or null. */
    public static Value find(Value[] table, Value a, Value b) {
        if (table != null) {
            for (int i = 0; i + 2 < table.length; i += 3) {
                if (table[i] == a && table[i + 1] == b) {
                    return table[i + 2];
                }
            }
        }
        return null;
    }

    /** The value kept in {@code table} (may be null) for {@code args}, or null. */
    public static Value find(Value[] table, Value... args) {
        if (table != null) {
            int stride = args.length + 1;
            for (int i = 0; i + args.length < table.length; i += stride) {
                if (sameArguments(table, i, args)) {
                    return table[i + args.length];
                }
            }
        }
        return null;
    }

    private static boolean sameArguments(Value[] table, int at, Value[] args) {
        for (int j = 0; j < args.length; j++) {
            if (table[at + j] != args[j]) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code table} (may be null) with the entry {@code args -> value} added, or {@code table}
     * itself when it is full.
     */
    public static Value[] with(Value[] table, Value value, Value... args) {
        int stride = args.length + 1;
        int length = table == null ? 0 : table.length;
        if (length >= MAX_ENTRIES * stride) {
            return table;
        }
        Value[] grown = new Value[length + stride];
        if (length > 0) {
            System.arraycopy(table, 0, grown, 0, length);
        }
        System.arraycopy(args, 0, grown, length, args.length);
        grown[length + args.length] = value;
        return grown;
    }
}
