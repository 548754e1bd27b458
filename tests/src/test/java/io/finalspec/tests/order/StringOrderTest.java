package io.finalspec.tests.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finalspec.codegen.manifest.Expectation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLC orders strings by the moment its {@code UniqueString} table first met them, and that table
 * is full before the spec is read: operator names, keywords, every identifier of the standard
 * modules. These specs differ from TLC when a machine orders strings any other way.
 */
class StringOrderTest {

  /** Naturals' definitions use the identifiers {@code a} and {@code b}: TLC puts "a" first. */
  static final String CHOOSE_SPEC = """
      ---- MODULE ChooseBA ----
      EXTENDS Naturals
      VARIABLE x
      Init == x = CHOOSE v \\in {"b", "a"} : TRUE
      Next == x' = x
      Inv == x = "b"
      ====
      """;

  /** Without EXTENDS nothing interns "a" before the spec: the literal "b" comes first. */
  static final String CHOOSE_SPEC_PLAIN = """
      ---- MODULE ChoosePlain ----
      VARIABLE x
      Init == x = CHOOSE v \\in {"b", "a"} : TRUE
      Next == x' = x
      Inv == x = "a"
      ====
      """;

  static final String CFG = "INIT Init\nNEXT Next\nINVARIANT Inv\n";

  /** Found by the differential fuzzer (branch fuzz, StringChoose): "p1", "ab" and "x" after five standard modules. */
  static final String FUZZ_SPEC = """
      ---- MODULE StringChoose ----
      EXTENDS Naturals, Integers, Sequences, FiniteSets, TLC
      CONSTANTS Procs, P1, P2
      VARIABLES mode, new
      Init ==
        /\\ mode = (IF \\E k1 \\in {"x", "p1", "ab"} : ({} \\subseteq {P1}) THEN CHOOSE k1 \\in {"x", "p1", "ab"} : ({} \\subseteq {P1}) ELSE "Len")
        /\\ new \\in (UNION {[1..sqn -> {"x", "p1", "ab"}] : sqn \\in 0..1})
      Next == UNCHANGED <<mode, new>>
      Inv2 == ~(mode = "x" /\\ new = <<"ab">>)
      ====
      """;

  @Test
  void fuzzerFoundChooseGivesTlcsVerdict(@TempDir Path dir) throws Exception {
    TlcVerdicts.Both both = TlcVerdicts.check(dir, "StringChoose", FUZZ_SPEC,
        "CONSTANTS\n  Procs = {p1, p2}\n  P1 = p1\n  P2 = p2\nINIT Init\nNEXT Next\nINVARIANT Inv2\nCHECK_DEADLOCK FALSE\n");
    assertTrue(both.agree(), both.toString());
  }

  @Test
  void chooseOverStringsGivesTlcsVerdict(@TempDir Path dir) throws Exception {
    TlcVerdicts.Both both = TlcVerdicts.check(dir, "ChooseBA", CHOOSE_SPEC, CFG);
    assertEquals(Expectation.invariant("Inv"), both.tlc().verdict(), "TLC picks \"a\": " + both);
    assertTrue(both.agree(), both.toString());
  }

  /**
   * Two machines with opposite string orders, explored one after the other in one JVM and one
   * class loader: each keeps its own TLC order (the first must not fix the second's).
   */
  @Test
  void twoMachinesInOneJvmEachKeepTheirOrder(@TempDir Path dir) throws Exception {
    TlcVerdicts.Both plain = TlcVerdicts.check(dir, "ChoosePlain", CHOOSE_SPEC_PLAIN, CFG);
    TlcVerdicts.Both naturals = TlcVerdicts.check(dir, "ChooseBA", CHOOSE_SPEC, CFG);
    TlcVerdicts.Both plainAgain = TlcVerdicts.check(dir, "ChoosePlain", CHOOSE_SPEC_PLAIN, CFG);
    assertTrue(plain.tlc().verdict().equals(Expectation.invariant("Inv"))
        && naturals.tlc().verdict().equals(Expectation.invariant("Inv")), "TLC: " + plain + " / " + naturals);
    assertTrue(plain.agree(), "ChoosePlain first: " + plain);
    assertTrue(naturals.agree(), "ChooseBA after ChoosePlain: " + naturals);
    assertTrue(plainAgain.agree(), "ChoosePlain after ChooseBA: " + plainAgain);
  }
}
