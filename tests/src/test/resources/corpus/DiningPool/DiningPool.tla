----------------------------- MODULE DiningPool -----------------------------
(* A symmetric dining-philosophers variant: the forks lie in a common pool
   and any two of them will do.  A waiter seats at most Seats hungry
   philosophers at once; with Seats < number of forks nobody can starve
   the table into deadlock.  Both philosophers and forks are model values,
   so the symmetry set permutes both (a union of two permutation groups). *)
EXTENDS Naturals, FiniteSets, TLC

CONSTANTS Phils, Forks, Seats

ASSUME /\ Seats \in 1..Cardinality(Phils)
       /\ Cardinality(Forks) >= 2

VARIABLES holds, seated, meals

vars == <<holds, seated, meals>>

TypeOK ==
  /\ holds \in [Phils -> SUBSET Forks]
  /\ seated \in SUBSET Phils
  /\ meals \in [Phils -> 0..1]

Init ==
  /\ holds = [p \in Phils |-> {}]
  /\ seated = {}
  /\ meals = [p \in Phils |-> 0]

FreeForks == Forks \ UNION {holds[p] : p \in Phils}

Sit(p) ==
  /\ p \notin seated
  /\ Cardinality(seated) < Seats
  /\ seated' = seated \cup {p}
  /\ UNCHANGED <<holds, meals>>

Grab(p, f) ==
  /\ p \in seated
  /\ f \in FreeForks
  /\ Cardinality(holds[p]) < 2
  /\ holds' = [holds EXCEPT ![p] = @ \cup {f}]
  /\ UNCHANGED <<seated, meals>>

EatAndLeave(p) ==
  /\ Cardinality(holds[p]) = 2
  /\ holds' = [holds EXCEPT ![p] = {}]
  /\ seated' = seated \ {p}
  /\ meals' = [meals EXCEPT ![p] = 1 - @]     \* parity only, keeps it finite

Next ==
  \E p \in Phils :
     \/ Sit(p)
     \/ \E f \in Forks : Grab(p, f)
     \/ EatAndLeave(p)

Spec == Init /\ [][Next]_vars

NoSharedFork ==
  \A p, q \in Phils : p # q => holds[p] \cap holds[q] = {}

OnlySeatedHold == \A p \in Phils : holds[p] # {} => p \in seated

Symmetry == Permutations(Phils) \cup Permutations(Forks)
=============================================================================
