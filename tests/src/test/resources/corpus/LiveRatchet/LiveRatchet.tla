---- MODULE LiveRatchet ----
\* A ratchet that should only turn forward; a worn pawl lets it slip back by one when it is high.
EXTENDS Naturals
CONSTANT Worn
VARIABLE pos
Init == pos = 0
Forward == pos < 4 /\ pos' = pos + 1
Slip == Worn /\ pos >= 3 /\ pos' = pos - 1
Next == Forward \/ Slip
Spec == Init /\ [][Next]_pos /\ WF_pos(Forward)
NeverBack == [][pos' >= pos]_pos
ReachesTop == <>(pos = 4)
Props == NeverBack /\ ReachesTop
====
