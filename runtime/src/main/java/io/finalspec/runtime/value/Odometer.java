package io.finalspec.runtime.value;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Enumerates the cartesian product of finite sets, first component most significant, so that
 * tuples, records with fixed names and functions on a fixed domain come out in TLC's order.
 */
final class Odometer implements Iterator<Value> {
    private final EnumSetValue[] comps;
    private final int[] idx;
    private final Function<Value[], Value> build;
    private boolean more;

    Odometer(EnumSetValue[] comps, Function<Value[], Value> build) {
        this.comps = comps;
        this.idx = new int[comps.length];
        this.build = build;
        boolean any = true;
        for (EnumSetValue c : comps) {
            any &= c.size() > 0;
        }
        this.more = any;
    }

    static long count(EnumSetValue[] comps, String what) {
        long n = 1;
        for (EnumSetValue c : comps) {
            n *= c.size();
            if (n > Integer.MAX_VALUE) {
                throw new TlaEvalException("Overflow when computing the number of elements in " + what);
            }
        }
        return n;
    }

    @Override
    public boolean hasNext() {
        return more;
    }

    @Override
    public Value next() {
        if (!more) {
            throw new NoSuchElementException();
        }
        Value[] vals = new Value[comps.length];
        for (int i = 0; i < comps.length; i++) {
            vals[i] = comps[i].elems[idx[i]];
        }
        int i = comps.length - 1;
        while (i >= 0) {
            if (++idx[i] < comps[i].size()) {
                break;
            }
            idx[i] = 0;
            i--;
        }
        more = i >= 0;
        return build.apply(vals);
    }
}
