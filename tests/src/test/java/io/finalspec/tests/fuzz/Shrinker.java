package io.finalspec.tests.fuzz;

import java.io.IOException;

/**
 * Delta debugging over a spec's units: repeatedly takes the first one-step-smaller spec (an action,
 * invariant, conjunct, helper or variable removed) that still differs from TLC, until none does or
 * the budget of comparisons is spent. Each comparison runs TLC, so the budget is small.
 */
final class Shrinker {

    private final Differential differential;
    private final int budget;

    Shrinker(Differential differential, int budget) {
        this.differential = differential;
        this.budget = budget;
    }

    record Shrunk(FuzzSpec spec, Differential.Outcome outcome, int steps, int tries) {
    }

    Shrunk shrink(FuzzSpec failing, Differential.Outcome outcome) throws IOException, InterruptedException {
        FuzzSpec current = failing;
        Differential.Outcome currentOutcome = outcome;
        int tries = 0;
        int steps = 0;
        boolean progress = true;
        while (progress && tries < budget) {
            progress = false;
            for (FuzzSpec candidate : current.smaller()) {
                if (tries >= budget) {
                    break;
                }
                tries++;
                Differential.Outcome o = differential.compare(candidate);
                if (o.kind() == Differential.Kind.DIFFER) {
                    current = candidate;
                    currentOutcome = o;
                    steps++;
                    progress = true;
                    break;
                }
            }
        }
        return new Shrunk(current, currentOutcome, steps, tries);
    }
}
