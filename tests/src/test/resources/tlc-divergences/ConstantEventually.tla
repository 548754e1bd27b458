------------------------- MODULE ConstantEventually -------------------------
(* Every behaviour satisfies <>(1 = 1) and x = 0 ~> (1 = 1): the eventuality *)
(* is a constant TRUE.  TLC 2.18 reports both violated ("Temporal properties *)
(* were violated", a lasso of the single state); finalspec passes them, and  *)
(* TlcDivergenceTest records the difference.  A state-level TRUE (x = x)    *)
(* passes in both.  FALSE ~> x = 1 holds (FALSE never is); TLC reports it    *)
(* violated.  []<>(x * 2 = 0) holds; TLC stops with "the identifier x is     *)
(* either undefined or not an operator".                                     *)
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == UNCHANGED x
Spec == Init /\ [][Next]_x
Eventually == <>(1 = 1)
LeadsTo == x = 0 ~> (1 = 1)
StateLevel == <>(x = x)
FromFalse == FALSE ~> (x = 1)
Product == []<>(x * 2 = 0)
=============================================================================
