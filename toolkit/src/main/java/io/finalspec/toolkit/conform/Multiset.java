package io.finalspec.toolkit.conform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Differences between two multisets of transitions (or states), for successor comparison. */
final class Multiset {

    private Multiset() {
    }

    /** Elements of {@code left} not matched one-for-one in {@code right}. */
    static <T> List<T> minus(List<T> left, List<T> right) {
        Map<T, Integer> counts = new HashMap<>();
        for (T t : right) {
            counts.merge(t, 1, Integer::sum);
        }
        List<T> out = new ArrayList<>();
        for (T t : left) {
            Integer c = counts.get(t);
            if (c == null || c == 0) {
                out.add(t);
            } else {
                counts.put(t, c - 1);
            }
        }
        return out;
    }
}
