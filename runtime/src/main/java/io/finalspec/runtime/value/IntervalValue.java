package io.finalspec.runtime.value;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** The lazy interval {@code lo..hi}; empty when {@code hi < lo}. Printed as TLC does, {@code lo..hi}. */
public final class IntervalValue extends SetValue {
    final int lo;
    final int hi;

    IntervalValue(int lo, int hi) {
        this.lo = lo;
        this.hi = hi;
    }

    public int low() {
        return lo;
    }

    public int high() {
        return hi;
    }

    @Override
    public boolean isFinite() {
        return true;
    }

    @Override
    public int size() {
        long n = (long) hi - lo + 1;
        if (n <= 0) {
            return 0;
        }
        if (n > Integer.MAX_VALUE) {
            throw new TlaEvalException("Overflow when computing the number of elements in " + lo + ".." + hi);
        }
        return (int) n;
    }

    @Override
    public boolean contains(Value v) {
        if (v instanceof IntValue i) {
            return i.value() >= lo && i.value() <= hi;
        }
        if (v instanceof ModelValue) {
            return false;
        }
        if (hi < lo) {
            return false;
        }
        throw new TlaEvalException("Attempted to check if the value:\n" + v + "\nis an element of " + this + ".");
    }

    @Override
    public Iterator<Value> iterator() {
        return new Iterator<>() {
            long next = lo;

            @Override
            public boolean hasNext() {
                return next <= hi;
            }

            @Override
            public Value next() {
                if (next > hi) {
                    throw new NoSuchElementException();
                }
                return IntValue.of((int) next++);
            }
        };
    }

    @Override
    String lazyText() {
        return lo + ".." + hi;
    }
}
