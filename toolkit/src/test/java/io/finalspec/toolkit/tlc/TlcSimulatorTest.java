package io.finalspec.toolkit.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.finalspec.runtime.trace.TlcTraceReader;
import io.finalspec.runtime.value.IntValue;
import io.finalspec.runtime.value.Value;

class TlcSimulatorTest {

    static final Path DIR = TlcRunnerTest.DIR;

    @Test
    void simulatedBehavioursAreReproducibleAndFollowTheSpec() throws Exception {
        TlcSimulator sim = new TlcSimulator(new TlcOptions(1, "1g", 120));
        List<String> first = sim.simulate(DIR.resolve("Counter.tla"), DIR.resolve("Pass.cfg"), 5, 10, 42);
        List<String> again = sim.simulate(DIR.resolve("Counter.tla"), DIR.resolve("Pass.cfg"), 5, 10, 42);
        assertEquals(5, first.size());
        assertEquals(strip(first), strip(again), "same seed, same behaviours");
        for (String module : first) {
            List<TlcTraceReader.ParsedStep> steps = TlcTraceReader.readTraceModule(module, new io.finalspec.runtime.value.NameTable());
            assertTrue(!steps.isEmpty() && steps.size() <= 10);
            int previous = -1;
            for (TlcTraceReader.ParsedStep step : steps) {
                Map<String, Value> vars = step.values();
                int x = ((IntValue) vars.get("x")).value();
                assertTrue(previous < 0 ? x == 0 : x - previous == 1 || x - previous == 2, "x=" + x + " after " + previous);
                previous = x;
            }
        }
    }

    @Test
    void modelsWithViolationsStillYieldBehaviours() throws Exception {
        TlcSimulator sim = new TlcSimulator(new TlcOptions(1, "1g", 120));
        List<String> traces = sim.simulate(DIR.resolve("Counter.tla"), DIR.resolve("Invariant.cfg"), 3, 10, 1);
        assertEquals(3, traces.size());
        assertTrue(traces.stream().anyMatch(t -> TlcTraceReader.readTraceModule(t, new io.finalspec.runtime.value.NameTable()).size() > 3), "behaviours go past the violation");
    }

    /** Trace modules name themselves after their (temporary) file; compare the states only. */
    private static List<String> strip(List<String> modules) {
        return modules.stream().map(m -> m.substring(m.indexOf('\n'))).toList();
    }
}
