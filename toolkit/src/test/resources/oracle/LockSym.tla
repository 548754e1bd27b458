---------------------------- MODULE LockSym ----------------------------
(* Lock with a SYMMETRY set and a VIEW, to check that the oracle's exploration
   reduces states the way TLC does. *)
EXTENDS Lock, TLC
Perms == Permutations(Procs)
View == <<owner, pc, stats>>
=============================================================================
