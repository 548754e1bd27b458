---------------------------- MODULE Counter ----------------------------
(* A golden spec for the emitter: a bounded counter and a resettable flag. *)
EXTENDS Naturals

CONSTANT Max

VARIABLES count, flag

vars == <<count, flag>>

TypeOK == count \in 0..Max /\ flag \in BOOLEAN

Init == count = 0 /\ flag \in BOOLEAN

Inc(d) ==
  /\ count + d <= Max
  /\ count' = count + d
  /\ UNCHANGED flag

Toggle ==
  /\ \/ flag' = ~flag
     \/ flag' = flag
  /\ count' = count

Next == \/ \E d \in 1..2 : Inc(d)
        \/ Toggle

Spec == Init /\ [][Next]_vars
=============================================================================
