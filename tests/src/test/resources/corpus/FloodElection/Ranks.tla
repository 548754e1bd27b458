------------------------------- MODULE Ranks -------------------------------
(* Ordering helpers on sets of numeric ids. *)
EXTENDS Naturals

Max(S) == CHOOSE x \in S : \A y \in S : y <= x
IsMax(x, S) == x \in S /\ \A y \in S : y <= x
=============================================================================
