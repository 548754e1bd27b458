package io.finalspec.tests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.finalspec.codegen.CompileOptions;
import io.finalspec.codegen.CompileResult;
import io.finalspec.codegen.Compiler;
import io.finalspec.codegen.config.ConfigParser;
import io.finalspec.codegen.config.ModelConfig;
import io.finalspec.codegen.load.InMemoryCompiler;
import io.finalspec.codegen.lower.NameOrder;
import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.ForwardingMachine;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.value.NameTable;
import io.finalspec.toolkit.oracle.MachineFactory;

/**
 * Deliberately broken machines of the mutation tests, as {@link MachineFactory} classes, so that
 * TLC's JVM can build the same mutant for the comparison inside it ({@code ToolGraphConformance})
 * as the test's JVM builds for the other paths.
 */
public final class MutantMachines {

    private MutantMachines() {
    }

    /** A broken generator that calls the action {@code Dispatch} {@code Dispatcher}. */
    public static final class Relabelled implements MachineFactory {
        @Override
        public Machine load(Path spec, Path config) throws Exception {
            return new RelabellingMachine(Compiler.load(spec, config), "Dispatch", "Dispatcher");
        }
    }

    /**
     * A mutant of the machine's string order: a table that puts the spec's colours first in the
     * reverse of TLC's order (TLC meets them as red, green, blue), so CHOOSE picks blue first.
     */
    public static final class ReversedColours implements MachineFactory {
        @Override
        public Machine load(Path spec, Path config) throws Exception {
            List<String> order = new ArrayList<>(List.of("blue", "green", "red", "none"));
            order.addAll(NameOrder.forSpec(spec, ConfigParser.parse(config).config().constants()
                .stream().map(ModelConfig.ConstantValue::value).toList()));
            CompileResult r = Compiler.compile(spec, config, CompileOptions.inPackage("finalspec.generated"));
            if (!r.ok()) {
                throw new IllegalStateException(r.describe());
            }
            return (Machine) InMemoryCompiler.withContextLoader().compile(r.sources()).loadClass(r.className())
                .getConstructor(NameTable.class).newInstance(new NameTable(order));
        }
    }

    /** A machine whose action {@code from} is labelled {@code to}. */
    static final class RelabellingMachine extends ForwardingMachine {
        private final String from;
        private final String to;

        RelabellingMachine(Machine inner, String from, String to) {
            super(inner);
            this.from = from;
            this.to = to;
        }

        @Override
        public void successors(State state, SuccessorSink out) {
            delegate.successors(state, (label, next) -> out.accept(
                label.name().equals(from) ? new ActionLabel(to, label.params()) : label, next));
        }
    }
}
