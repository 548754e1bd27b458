------------------------ MODULE ConstantInvariantInner ------------------------
(* The module ConstantInvariantThroughInstance instantiates. *)
EXTENDS Naturals
VARIABLES flag

Init == flag \in SUBSET (0..1)
Next == UNCHANGED flag

Inv1 == ~(\E k \in {"p1", "q"} : TRUE)
=============================================================================
