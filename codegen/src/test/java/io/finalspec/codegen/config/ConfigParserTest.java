package io.finalspec.codegen.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finalspec.codegen.config.ModelConfig.Named;
import io.finalspec.codegen.support.TestFiles;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ConfigParserTest {

  private static List<String> names(List<Named> ns) {
    return ns.stream().map(Named::name).collect(Collectors.toList());
  }

  @Test
  void everyKindOfEntry() {
    String cfg = """
        \\* a comment
        (* a block (* nested *) comment *)
        CONSTANTS
          N = 3
          Neg = -2
          Name = "alice"
          Flag = FALSE
          Procs = {p1, p2, p3}
          Empty = {}
          Pair = <<1, "x">>
          p1 = p1
          Max <- MyMax
          Op <- [Other] Def
        CONSTANT K = 2
        INIT Init
        NEXT Next
        INVARIANTS TypeOK Safe
        INVARIANT More
        PROPERTY Live
        PROPERTIES P1 P2
        CHECK_DEADLOCK FALSE
        CONSTRAINT Bound
        CONSTRAINTS B2
        ACTION_CONSTRAINT AC
        ACTION_CONSTRAINTS AC2
        VIEW View
        SYMMETRY Sym
        ALIAS Alias
        POSTCONDITION Post
        """;
    ConfigResult r = ConfigParser.parseString("X.cfg", cfg);
    assertTrue(r.ok(), () -> r.diagnostics().toString());
    ModelConfig c = r.config();
    assertEquals("Init", c.init().name());
    assertEquals(15, c.init().span().line());
    assertEquals("Next", c.next().name());
    assertNull(c.specification());
    assertEquals(List.of("N", "Neg", "Name", "Flag", "Procs", "Empty", "Pair", "p1", "K"),
        c.constants().stream().map(ModelConfig.ConstantValue::name).collect(Collectors.toList()));
    assertEquals(new BigInteger("3"), ((CfgValue.IntValue) c.constants().get(0).value()).value());
    assertEquals(new BigInteger("-2"), ((CfgValue.IntValue) c.constants().get(1).value()).value());
    assertEquals("alice", ((CfgValue.StringValue) c.constants().get(2).value()).value());
    assertFalse(((CfgValue.BoolValue) c.constants().get(3).value()).value());
    CfgValue.SetValue procs = (CfgValue.SetValue) c.constants().get(4).value();
    assertEquals(List.of("p1", "p2", "p3"), procs.elements().stream()
        .map(v -> ((CfgValue.ModelValue) v).name()).collect(Collectors.toList()));
    assertEquals(List.of(), ((CfgValue.SetValue) c.constants().get(5).value()).elements());
    assertEquals(2, ((CfgValue.TupleValue) c.constants().get(6).value()).elements().size());
    assertEquals("p1", ((CfgValue.ModelValue) c.constants().get(7).value()).name());
    assertEquals(2, c.replacements().size());
    assertEquals("MyMax", c.replacements().get(0).definition());
    assertNull(c.replacements().get(0).module());
    assertEquals("Other", c.replacements().get(1).module());
    assertEquals(List.of("TypeOK", "Safe", "More"), names(c.invariants()));
    assertEquals(List.of("Live", "P1", "P2"), names(c.properties()));
    assertFalse(c.checkDeadlock());
    assertEquals(List.of("Bound", "B2"), names(c.constraints()));
    assertEquals(List.of("AC", "AC2"), names(c.actionConstraints()));
    assertEquals("View", c.view().name());
    assertEquals("Sym", c.symmetry().name());
    assertEquals("Alias", c.alias().name());
    assertEquals(List.of("Post"), names(c.postconditions()));
  }

  @Test
  void specificationAndDefaultDeadlockCheck() {
    ConfigResult r = ConfigParser.parseString("S.cfg", "SPECIFICATION Spec\nPROPERTY Liveness\n");
    assertTrue(r.ok());
    assertEquals("Spec", r.config().specification().name());
    assertTrue(r.config().checkDeadlock());
  }

  /** Every .cfg in the project (specs, corpus) parses. */
  @TestFactory
  Stream<DynamicTest> projectConfigsParse() throws Exception {
    Path root = TestFiles.projectRoot();
    List<Path> cfgs = new ArrayList<>();
    for (String dir : List.of("specs", "tests/src/test/resources/corpus")) {
      Path d = root.resolve(dir);
      if (d.toFile().isDirectory()) {
        try (Stream<Path> s = java.nio.file.Files.walk(d)) {
          s.filter(p -> p.toString().endsWith(".cfg") && !p.toString().contains("/target/")).sorted().forEach(cfgs::add);
        }
      }
    }
    return cfgs.stream().map(p -> DynamicTest.dynamicTest(root.relativize(p).toString(), () -> {
      ConfigResult r = ConfigParser.parse(p);
      assertTrue(r.ok(), () -> r.diagnostics().toString());
    }));
  }
}
