package io.finalspec.runtime.explore.liveness;

/**
 * The fairness conditions a fair cycle must satisfy, as bits of the recorded graph: per condition
 * the node bit of its ENABLED {@code <<A>>_v} (or of its negation), the edge bit of its
 * {@code <<A>>_v} steps (-1: none), and whether it is strong ({@code SF}) or weak ({@code WF}). The
 * machine's fairness, and for a property {@code A => F} the conditions A assumes besides: a
 * {@code []<>P} there is a weak condition without steps enabled where P does not hold (a cycle
 * satisfies it by a P state), {@code <>[]P} a strong one (a cycle satisfies it by no ~P state).
 */
record Conditions(int[] enabledBits, boolean[] negated, int[] stepBits, boolean[] strong) {

    Conditions {
        int n = strong.length;
        if (enabledBits.length != n || negated.length != n || stepBits.length != n) {
            throw new IllegalArgumentException("one enabled bit, negation, step bit and strength per condition");
        }
        enabledBits = enabledBits.clone();
        negated = negated.clone();
        stepBits = stepBits.clone();
        strong = strong.clone();
    }

    /** Conditions of WF/SF actions: ENABLED not negated, each with its steps. */
    Conditions(int[] enabledBits, int[] stepBits, boolean[] strong) {
        this(enabledBits, new boolean[strong.length], stepBits, strong);
    }

    static final Conditions NONE = new Conditions(new int[0], new int[0], new boolean[0]);

    int size() {
        return strong.length;
    }

    boolean enabled(StateGraph g, int node, int f) {
        return g.nodeBit(node, enabledBits[f]) != negated[f];
    }

    boolean step(StateGraph g, int edge, int f) {
        return stepBits[f] >= 0 && g.edgeBit(edge, stepBits[f]);
    }

    /** These conditions, then {@code more}'s. */
    Conditions and(Conditions more) {
        if (more.size() == 0) {
            return this;
        }
        return new Conditions(concat(enabledBits, more.enabledBits), concat(negated, more.negated),
                concat(stepBits, more.stepBits), concat(strong, more.strong));
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static boolean[] concat(boolean[] a, boolean[] b) {
        boolean[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
