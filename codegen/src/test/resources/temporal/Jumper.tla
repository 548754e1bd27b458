------------------------------- MODULE Jumper -------------------------------
(* An abstract bit that flips, or could jump to 5.  Instantiated by Parity  *)
(* with n <- x % 2, its Jump is enabled in every state as TLC computes the  *)
(* ENABLED of an instance's action (over n' itself, free), though no step  *)
(* of x can give x % 2 = 5.                                               *)
EXTENDS Naturals
VARIABLE n
Flip == n' = 1 - n
Jump == n' = 5
Pick(k) == n' \in {k, 1 - n}
Idle == n = 0 /\ UNCHANGED n
Moves == [][Flip \/ Jump]_n
JumpFair == n = 0 /\ Moves /\ WF_n(Jump)
FlipFair == n = 0 /\ Moves /\ WF_n(Flip)
PickFair == Moves /\ SF_n(Pick(7))
IdleFair == Moves /\ WF_n(Idle)
=============================================================================
