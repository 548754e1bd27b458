-------------------------- MODULE InitPrimedConstant --------------------------
(* Found by MutationFuzzTest (seed 20261203, mutant 308 of a generated spec: *)
(* a prime added to a constant in Init).  SANY gives Init action level, TLC  *)
(* checks the model: a primed constant is the constant.  finalspec refused   *)
(* it ("INIT Init is not a state predicate"); it now judges as TLC does.     *)
EXTENDS Naturals
CONSTANT Procs
VARIABLES owner, turns
Init == owner \in Procs' /\ turns = 0
Next == turns < 3 /\ turns' = turns + 1 /\ \E p \in Procs : owner' = p
Inv == owner \in Procs
==============================================================================
