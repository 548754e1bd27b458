package io.finalspec.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finalspec.runtime.explore.ExploreResult;
import org.junit.jupiter.api.Test;

/**
 * Two set idioms of public specs get their own runtime calls: {@code UNION {e : x \in S}} merges
 * the parts without building the set of parts ({@code Tla.unionOfMap}), and {@code S \cap T = {}}
 * (either way round, or with {@code #}) asks membership without building the intersection
 * ({@code Tla.disjoint}). The search must see the same states as with the general forms.
 */
class SetIdiomsTest {
  private static final String SPEC = String.join("\n",
      "VARIABLES owns",
      "P == {1, 2}",
      "R == {\"a\", \"b\", \"c\"}",
      "Init == owns = [p \\in P |-> {}]",
      "Free == R \\ UNION {owns[p] : p \\in P}",
      "Take(p, r) == r \\in Free /\\ owns' = [owns EXCEPT ![p] = @ \\cup {r}]",
      "Next == \\E p \\in P, r \\in R : Take(p, r)",
      "Exclusive == owns[1] \\cap owns[2] = {}",
      "NotShared == ~({} # owns[2] \\cap owns[1])");
  private static final String CFG = "INIT Init\nNEXT Next\nINVARIANT Exclusive\nINVARIANT NotShared\nCHECK_DEADLOCK FALSE\n";

  @Test
  void theIdiomsCallTheirRuntimeMethods() {
    String code = TestSpecs.code("SetIdioms", SPEC, CFG);
    assertTrue(code.contains("Tla.unionOfMap("), code);
    assertTrue(code.contains("Tla.disjoint(Tla.apply(s.owns, Tla.integer(1)), Tla.apply(s.owns, Tla.integer(2)))"), code);
    assertTrue(code.contains("!Tla.disjoint(Tla.apply(s.owns, Tla.integer(2)), Tla.apply(s.owns, Tla.integer(1)))"), code);
  }

  @Test
  void everyResourceIsFreeOrOwnedByOne() {
    ExploreResult res = TestSpecs.explored("SetIdioms", SPEC, CFG);
    // each of the 3 resources free or owned by one of 2: 27 states; a state with k free
    // resources has 2k successors, and each resource is free in 9 of them (plus the initial state)
    assertEquals(27, res.distinct());
    assertEquals(55, res.generated());
  }
}
