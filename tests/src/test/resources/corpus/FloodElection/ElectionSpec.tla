--------------------------- MODULE ElectionSpec ----------------------------
(* What an election must achieve, with nothing about how: eventually the *)
(* largest id is elected, in one step, and it never changes afterwards.  *)
CONSTANT Ids
VARIABLE elected

R == INSTANCE Ranks

NoLeader == 0

Init == elected = NoLeader
Elect == elected = NoLeader /\ elected' = R!Max(Ids)
Spec == Init /\ [][Elect]_elected /\ WF_elected(Elect)

TypeOK == elected \in Ids \cup {NoLeader}
=============================================================================
