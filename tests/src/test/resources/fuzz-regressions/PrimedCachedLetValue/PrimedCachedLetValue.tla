------------------------ MODULE PrimedCachedLetValue ------------------------
(* The companion of PrimedCachedLet where the prime is well defined: p is    *)
(* used unprimed and primed after x' is bound, so p' = S(x') and y reaches  *)
(* 3 in one step (TLC: invariant NotThree violated at depth 2).              *)
EXTENDS Naturals
VARIABLES x, y
S(v) == CASE v = 0 -> 1 [] v = 1 -> 2 [] OTHER -> 0
Init == x = 0 /\ y = 0
Step == LET p == S(x) IN /\ x' = p
                         /\ y' = p' + p
Next == Step
NotThree == y # 3
==============================================================================
