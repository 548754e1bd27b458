package io.finalspec.runtime.explore.liveness;

/**
 * The fairness conditions a fair cycle must satisfy, as bits of the recorded graph: per condition
 * the node bit of its ENABLED {@code <<A>>_v}, the edge bit of its {@code <<A>>_v} steps, and
 * whether it is strong ({@code SF}) or weak ({@code WF}). The machine's fairness, and for a property
 * {@code WF_v(A) => F} the conditions it assumes besides.
 */
record Conditions(int[] enabledBits, int[] stepBits, boolean[] strong) {

    Conditions {
        if (enabledBits.length != stepBits.length || stepBits.length != strong.length) {
            throw new IllegalArgumentException("one enabled bit, step bit and strength per condition");
        }
        enabledBits = enabledBits.clone();
        stepBits = stepBits.clone();
        strong = strong.clone();
    }

    static final Conditions NONE = new Conditions(new int[0], new int[0], new boolean[0]);

    int size() {
        return strong.length;
    }

    boolean enabled(StateGraph g, int node, int f) {
        return g.nodeBit(node, enabledBits[f]);
    }

    boolean step(StateGraph g, int edge, int f) {
        return g.edgeBit(edge, stepBits[f]);
    }

    /** These conditions, then {@code more}'s. */
    Conditions and(Conditions more) {
        if (more.size() == 0) {
            return this;
        }
        int n = size();
        int[] enabled = java.util.Arrays.copyOf(enabledBits, n + more.size());
        int[] steps = java.util.Arrays.copyOf(stepBits, n + more.size());
        boolean[] strengths = java.util.Arrays.copyOf(strong, n + more.size());
        System.arraycopy(more.enabledBits, 0, enabled, n, more.size());
        System.arraycopy(more.stepBits, 0, steps, n, more.size());
        System.arraycopy(more.strong, 0, strengths, n, more.size());
        return new Conditions(enabled, steps, strengths);
    }
}
