---------------------------- MODULE Inst ----------------------------
(* Actions reached through INSTANCE ... WITH: TLC does not split them further. *)
EXTENDS Naturals
VARIABLES x
I == INSTANCE Inner WITH y <- x
J(c) == INSTANCE Inner WITH y <- x
Init == x = 0
Next == I!Step(1) \/ I!Both \/ J(5)!Step(2)
=============================================================================
