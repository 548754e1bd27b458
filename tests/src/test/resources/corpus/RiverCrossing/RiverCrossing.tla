---------------------------- MODULE RiverCrossing ---------------------------
(* Farmer, wolf, goat and cabbage.  The boat holds the farmer and at most
   one passenger.  Nobody may be left with something it would eat.        *)
EXTENDS Naturals, FiniteSets

Farmer == "farmer"
Items == {"wolf", "goat", "cabbage"}
Everyone == {Farmer} \cup Items

Eats == {<<"wolf", "goat">>, <<"goat", "cabbage">>}

VARIABLES near, far, crossings

vars == <<near, far, crossings>>

TypeOK ==
  /\ near \in SUBSET Everyone
  /\ far \in SUBSET Everyone
  /\ crossings \in Nat

\* a bank is safe if the farmer is there or no eating pair is together
SafeBank(b) ==
  \/ Farmer \in b
  \/ ~\E <<x, y>> \in Eats : x \in b /\ y \in b

Init ==
  /\ near = Everyone
  /\ far = {}
  /\ crossings = 0

Cross(from, to, setFrom, setTo) ==
  /\ Farmer \in from
  /\ \E load \in SUBSET (from \ {Farmer}) :
        /\ Cardinality(load) <= 1
        /\ LET moving == load \cup {Farmer}
               newFrom == from \ moving
               newTo == to \cup moving
           IN  /\ SafeBank(newFrom)
               /\ setFrom = newFrom
               /\ setTo = newTo

GoFar  == Cross(near, far, near', far') /\ crossings' = crossings + 1
GoBack == Cross(far, near, far', near') /\ crossings' = crossings + 1

Next == GoFar \/ GoBack

Spec == Init /\ [][Next]_vars

\* bound the counter so the state space stays finite
Bounded == crossings <= 9

Partition ==
  /\ near \cap far = {}
  /\ UNION {near, far} = Everyone

AllSafe == SafeBank(near) /\ SafeBank(far)

NotSolved == far # Everyone
=============================================================================
