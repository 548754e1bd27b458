---------------------------- MODULE Unnamed ----------------------------
(* The next-state relation is written inline in Spec: TLC's action has no name. *)
EXTENDS Naturals
VARIABLES x
Spec == x = 0 /\ [][x < 2 /\ x' = x + 1]_x
=============================================================================
