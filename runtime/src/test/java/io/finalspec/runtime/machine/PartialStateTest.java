package io.finalspec.runtime.machine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finalspec.runtime.value.Tla;
import io.finalspec.runtime.value.TlaEvalException;
import io.finalspec.runtime.value.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The partial-state steps generated actions take, with TLC's semantics and error texts. */
class PartialStateTest {
    private static final List<String> VARS = List.of("x", "y");

    @Test
    void bindingCopiesSoBranchesStayApart() {
        Value[] empty = new Value[2];
        Value[] one = PartialState.bind(empty, 0, Tla.integer(1));
        Value[] other = PartialState.bind(empty, 0, Tla.integer(2));
        assertNull(empty[0]);
        assertEquals(Tla.integer(1), one[0]);
        assertEquals(Tla.integer(2), other[0]);
        assertFalse(PartialState.allAssigned(one));
        assertTrue(PartialState.allAssigned(PartialState.bind(one, 1, Tla.TRUE)));
    }

    @Test
    void contextsOfAnActionLevelForallComeInTlcsOrderFirstVariableFastest() {
        Value[][] rows = PartialState.contexts(Tla.set(Tla.integer(2), Tla.integer(1)), Tla.set(Tla.TRUE, Tla.FALSE));
        List<String> seen = new ArrayList<>();
        for (Value[] row : rows) {
            seen.add(row[0] + "," + row[1]);
        }
        // TLC's ContextEnumerator: each domain in TLC's order, the first variable varying fastest
        assertEquals(List.of("1,FALSE", "2,FALSE", "1,TRUE", "2,TRUE"), seen);
        assertEquals(0, PartialState.contexts(Tla.set(Tla.integer(1)), Tla.set()).length);
        assertEquals(1, PartialState.contexts().length, "no domains: one empty binding");
    }

    @Test
    void readingAnUnassignedPrimedVariableIsTlcsError() {
        TlaEvalException e = assertThrows(TlaEvalException.class, () -> PartialState.read(new Value[2], 1, "y'"));
        assertEquals("In evaluation, the identifier y' is either undefined or not an operator (it has no value yet in this state).",
            e.getMessage());
        assertEquals(Tla.integer(3), PartialState.read(new Value[] {Tla.integer(3), null}, 0, "x'"));
    }

    @Test
    void candidatesEnumerateWhenUnassignedAndTestWhenAssigned() {
        Value set = Tla.interval(1, 3);
        List<Value> all = new ArrayList<>();
        PartialState.candidates(new Value[1], 0, set).forEach(all::add);
        assertEquals(List.of(Tla.integer(1), Tla.integer(2), Tla.integer(3)), all);
        assertEquals(List.of(Tla.integer(2)), PartialState.candidates(new Value[] {Tla.integer(2)}, 0, set));
        assertEquals(List.of(), PartialState.candidates(new Value[] {Tla.integer(7)}, 0, set));
    }

    @Test
    void incompleteStatesAreTlcsErrors() {
        Value[] half = {Tla.integer(1), null};
        assertEquals("Successor state is not completely specified by action Inc: variable y is not assigned.",
            assertThrows(TlaEvalException.class, () -> PartialState.requireComplete(half, VARS, ActionLabel.of("Inc"))).getMessage());
        assertEquals("Initial state is not completely specified: variable y is not assigned.",
            assertThrows(TlaEvalException.class, () -> PartialState.requireCompleteInit(half, VARS)).getMessage());
        Value[] full = {Tla.integer(1), Tla.TRUE};
        assertSame(full, PartialState.requireComplete(full, VARS, ActionLabel.of("Inc")));
        assertArrayEquals(full, PartialState.requireCompleteInit(full, VARS));
    }

    @Test
    void evaluationStepsCarryTlcsMessages() {
        assertEquals(Tla.integer(4), Evaluation.let(Tla.integer(2), v -> Tla.add(v, v)));
        assertTrue(assertThrows(TlaEvalException.class, () -> Evaluation.caseFail("M.tla:3:5")).getMessage()
            .endsWith("(and no OTHER) at M.tla:3:5"));
        assertThrows(TlaEvalException.class, () -> Evaluation.inDomain(Tla.integer(9), Tla.interval(1, 3), "f"));
        Evaluation.inDomain(Tla.integer(2), Tla.interval(1, 3), "f");
        TlaEvalException located = Evaluation.at(new TlaEvalException("boom"), "Init", "M.tla:1:1");
        assertEquals("boom\n  while evaluating Init (M.tla:1:1)", located.getMessage());
    }
}
