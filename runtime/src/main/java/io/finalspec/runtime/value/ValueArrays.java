package io.finalspec.runtime.value;

/**
 * Copies of value arrays made with {@code new Value[n]} and {@code System.arraycopy}, which every
 * JIT tier compiles inline. {@code array.clone()} and {@code Arrays.copyOf} are fast only once C2
 * has compiled their caller: the interpreter and C1 call the VM for the one and reflection
 * ({@code Array.newInstance}) for the other, and a short search runs mostly in those tiers
 * (Bakery's cold search 5% faster with these copies, docs/performance.md, "Cold paths").
 */
public final class ValueArrays {
    private ValueArrays() {
    }

    /** A copy of {@code a}. */
    public static Value[] copy(Value[] a) {
        Value[] c = new Value[a.length];
        System.arraycopy(a, 0, c, 0, a.length);
        return c;
    }

    /** The first {@code n} elements of {@code a}, padded with nulls when {@code n > a.length}. */
    public static Value[] copyOf(Value[] a, int n) {
        Value[] c = new Value[n];
        System.arraycopy(a, 0, c, 0, Math.min(n, a.length));
        return c;
    }

    /** Elements {@code from} (inclusive) to {@code to} (exclusive) of {@code a}; {@code 0 <= from <= to <= a.length}. */
    public static Value[] copyOfRange(Value[] a, int from, int to) {
        Value[] c = new Value[to - from];
        System.arraycopy(a, from, c, 0, to - from);
        return c;
    }
}
