package io.finalspec.runtime.machine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.finalspec.runtime.value.TlaEvalException;
import org.junit.jupiter.api.Test;

/** The constant-formula check TLC makes before the search (its messages measured with TLC 2.18). */
class EvaluationTest {

    @Test
    void aFalseConstantInvariantStopsWithTlcsMessage() {
        TlaEvalException e = assertThrows(TlaEvalException.class,
            () -> Evaluation.stopIfConstantFalse("invariant", "Inv", () -> false));
        assertEquals("The invariant of Inv is equal to FALSE", e.getMessage());
    }

    @Test
    void aTrueOneIsAsIfItWereNotThere() {
        assertDoesNotThrow(() -> Evaluation.stopIfConstantFalse("property", "P", () -> true));
    }

    /** TLC leaves a constant definition it cannot evaluate to the search, which reports the error there. */
    @Test
    void oneThatFailsToEvaluateIsLeftToTheSearch() {
        assertDoesNotThrow(() -> Evaluation.stopIfConstantFalse("invariant", "Inv", () -> {
            throw new TlaEvalException("Attempted to compute the number of elements in the integer 0.");
        }));
    }
}
