package io.finalspec.runtime.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finalspec.runtime.value.NameTable;
import io.finalspec.runtime.value.Tla;
import io.finalspec.runtime.value.Value;
import org.junit.jupiter.api.Test;

/** {@link ActionGate}: false only when the looked-up value provably differs; slots shared per lookup. */
class ActionGateTest {
    private final NameTable names = new NameTable();
    private final Value a = names.str("a");
    private final Value b = names.str("b");
    private final Value one = Tla.integer(1);
    private final Value two = Tla.integer(2);

    private State state(Value pc, Value mode) {
        return new ArrayState(java.util.List.of("pc", "mode"), pc, mode);
    }

    @Test
    void skipsOnlyWhenTheValueDiffers() {
        ActionGate.Builder gates = new ActionGate.Builder();
        ActionGate atA = gates.gate(0, one, a);
        ActionGate atB = gates.gate(0, one, b);
        ActionGate other = gates.gate(0, two, a);
        ActionGate whole = gates.gate(1, null, a);
        assertEquals(atA.slot(), atB.slot());
        assertEquals(3, gates.slots());
        State s = state(Tla.tuple(a, b), b);
        Value[] read = new Value[gates.slots()];
        assertTrue(atA.mayPass(s, read));
        assertFalse(atB.mayPass(s, read));
        assertFalse(other.mayPass(s, read));
        assertFalse(whole.mayPass(s, read));
    }

    @Test
    void aFailingLookupOrComparisonLetsTheInstanceRun() {
        ActionGate.Builder gates = new ActionGate.Builder();
        ActionGate outside = gates.gate(0, Tla.integer(3), a);
        ActionGate intVsString = gates.gate(1, null, a);
        State s = state(Tla.tuple(a, b), one);
        Value[] read = new Value[gates.slots()];
        assertTrue(outside.mayPass(s, read), "3 is not in the domain: the action reports it");
        assertTrue(intVsString.mayPass(s, read), "1 = \"a\" fails in TLC: the action reports it");
    }

    @Test
    void aGateThatReliesOnStringsIsMadeOnlyWhenTheSetsHoldStrings() {
        ActionGate.Builder gates = new ActionGate.Builder();
        gates.onlyStrings(1, () -> Tla.set(a, b));
        gates.onlyStrings(2, () -> Tla.set(a), () -> Tla.set(names.modelValue("m")));
        gates.onlyStrings(3, () -> {
            throw new io.finalspec.runtime.value.TlaEvalException("no such set");
        });
        assertNotNull(gates.gate(0, one, a, 1));
        assertNull(gates.gate(0, one, a, 1, 2));
        assertNull(gates.gate(0, one, a, 3));
        assertNull(gates.gate(0, one, a, 4), "a variable never checked is not known to hold strings");
    }
}
