--------------------------- MODULE PrimedCachedLet ---------------------------
(* Found by MutationFuzzTest (seed 20261203, mutant 53: a prime added to a   *)
(* LET name).  A LET definition used more than once is computed once into a *)
(* local; primed, it must be its body primed: p' is S(x'), and x' has no     *)
(* value yet where p' is read, which TLC reports as an evaluation error.     *)
(* The generated machine used the local (the unprimed value) and explored    *)
(* three states without a word.                                              *)
EXTENDS Naturals
VARIABLES x, y
S(v) == CASE v = 0 -> 1 [] v = 1 -> 2 [] OTHER -> 0
Init == x = 0 /\ y = 0
Step == /\ x < 5
        /\ LET p == S(x) IN /\ x' = p'
                            /\ y' = IF p = 1 THEN 0 ELSE y
Next == Step
==============================================================================
