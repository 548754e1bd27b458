------------------------ MODULE SymmetryPrimedConstant ------------------------
(* Found by MutationFuzzTest (seed 20261203, mutant 109: a prime added to a  *)
(* constant in a symmetry definition).  SANY gives Procs' action level, but  *)
(* TLC evaluates the SYMMETRY definition without level-checking it, and a    *)
(* primed constant is the constant: TLC checks the model (2 distinct states   *)
(* with symmetry).  finalspec refused it ("SYMMETRY Symm is not a constant"); *)
(* it now judges the config's names as TLC does.                              *)
EXTENDS TLC
CONSTANT Procs
VARIABLE owner
Init == owner = "none"
Take == owner = "none" /\ \E p \in Procs : owner' = p
Drop == owner # "none" /\ owner' = "none"
Next == Take \/ Drop
Symm == Permutations(Procs')
==============================================================================
