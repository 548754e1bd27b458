package io.finalspec.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finalspec.runtime.explore.ExploreResult;
import org.junit.jupiter.api.Test;

/**
 * {@code [x \in S |-> f[x]]}, the idiom of public specs that drops a key from a partial function
 * ({@code [j \in DOMAIN f \ {k} |-> f[j]]}), becomes {@code Tla.restrict(f, S)} when evaluating
 * {@code f} cannot fail (a variable, a bound name, {@code @}); with any other {@code f} (here
 * {@code c[p]}) the constructor stays general. The search must see the states of the general form.
 */
class RestrictionTest {
  private static final String SPEC = String.join("\n",
      "VARIABLES m, c",
      "K == {\"a\", \"b\"}",
      "P == {1, 2}",
      "Init == m = [j \\in {} |-> 0] /\\ c = [p \\in P |-> m]",
      "SetM(k, v) == m' = [j \\in DOMAIN m \\cup {k} |-> IF j = k THEN v ELSE m[j]] /\\ UNCHANGED c",
      "DropM(k) == k \\in DOMAIN m /\\ m' = [j \\in DOMAIN m \\ {k} |-> m[j]] /\\ UNCHANGED c",
      "AddC(p, k) == k \\notin DOMAIN c[p] /\\ c' = [c EXCEPT ![p] = [j \\in DOMAIN @ \\cup {k} |-> 0]] /\\ UNCHANGED m",
      "DropC(p, k) == k \\in DOMAIN c[p] /\\ c' = [c EXCEPT ![p] = [j \\in DOMAIN @ \\ {k} |-> @[j]]] /\\ UNCHANGED m",
      "Copy(p, q) == c' = [c EXCEPT ![q] = [j \\in DOMAIN c[p] |-> c[p][j]]] /\\ UNCHANGED m",
      "Next == \\/ \\E k \\in K, v \\in {0, 1} : SetM(k, v)",
      "        \\/ \\E k \\in K : DropM(k)",
      "        \\/ \\E p \\in P, k \\in K : AddC(p, k) \\/ DropC(p, k)",
      "        \\/ \\E p, q \\in P : Copy(p, q)",
      "Partial == DOMAIN m \\subseteq K /\\ \\A p \\in P : DOMAIN c[p] \\subseteq K");
  private static final String CFG = "INIT Init\nNEXT Next\nINVARIANT Partial\n";

  @Test
  void aRestrictionOfANameOrAtCallsRestrict() {
    String code = TestSpecs.code("Restriction", SPEC, CFG);
    assertTrue(code.contains("Tla.restrict(s.m, Tla.minus(Tla.domain(s.m), Tla.set(k)))"), code);
    assertTrue(code.contains("Tla.restrict(old, Tla.minus(Tla.domain(old), Tla.set(k)))"), code);
    assertFalse(code.contains("Tla.restrict(Tla.apply("), "c[p] may fail: the constructor stays general\n" + code);
  }

  @Test
  void theSearchSeesEveryPairOfPartialFunctions() {
    ExploreResult res = TestSpecs.explored("Restriction", SPEC, CFG);
    // m: a partial function from 2 keys to {0, 1} (9 of them), c: one from 2 keys to {0} per
    // process (4 each, 16 pairs): 144 states; the generated count is that of the same search
    // written out by hand (a breadth-first enumeration of these actions)
    assertEquals(144, res.distinct());
    assertEquals(1921, res.generated());
  }
}
