package io.finalspec.toolkit.oracle;

import java.nio.file.Path;

import io.finalspec.codegen.Compiler;
import io.finalspec.runtime.machine.Machine;

/**
 * How TLC's JVM builds the machine it compares with TLC's state graph ({@link TlcOracle#compareGraph}):
 * a public class with a public constructor without arguments, named in the request and found on the
 * child's class path. {@link Compiled} is {@code finalspec conform}'s own; tests name factories of
 * deliberately broken machines.
 */
public interface MachineFactory {

    /** The machine of {@code spec} with {@code config}. */
    Machine load(Path spec, Path config) throws Exception;

    /** The machine compiled in memory from the spec, as {@code conform} compiles it ({@link Compiler#load}). */
    final class Compiled implements MachineFactory {
        @Override
        public Machine load(Path spec, Path config) throws Exception {
            return Compiler.load(spec, config);
        }
    }
}
