------------------------- MODULE DiningPhilosophers -------------------------
(* N philosophers around a table, one fork between each pair of neighbours.
   Fork i lies to the right of philosopher i; fork (i+1) % N to the left.
   A philosopher takes forks one at a time.  If everybody grabs the right
   fork first, the table can deadlock (the _violation config shows it);
   with Asymmetric = TRUE philosopher 0 grabs the left fork first.        *)
EXTENDS Naturals

CONSTANTS N, Asymmetric

ASSUME N \in 2..6 /\ Asymmetric \in BOOLEAN

Phils == 0..(N - 1)
RightFork(p) == p
LeftFork(p) == (p + 1) % N

FirstFork(p) == IF Asymmetric /\ p = 0 THEN LeftFork(p) ELSE RightFork(p)
SecondFork(p) == IF Asymmetric /\ p = 0 THEN RightFork(p) ELSE LeftFork(p)

NoOne == N    \* owner of a fork lying on the table

VARIABLES owner, phase

vars == <<owner, phase>>

TypeOK ==
  /\ owner \in [Phils -> Phils \cup {NoOne}]
  /\ phase \in [Phils -> {"thinking", "hungry", "waiting", "eating"}]

Init ==
  /\ owner = [f \in Phils |-> NoOne]
  /\ phase = [p \in Phils |-> "thinking"]

GetHungry(p) ==
  /\ phase[p] = "thinking"
  /\ phase' = [phase EXCEPT ![p] = "hungry"]
  /\ UNCHANGED owner

TakeFirst(p) ==
  /\ phase[p] = "hungry"
  /\ owner[FirstFork(p)] = NoOne
  /\ owner' = [owner EXCEPT ![FirstFork(p)] = p]
  /\ phase' = [phase EXCEPT ![p] = "waiting"]

TakeSecond(p) ==
  /\ phase[p] = "waiting"
  /\ owner[SecondFork(p)] = NoOne
  /\ owner' = [owner EXCEPT ![SecondFork(p)] = p]
  /\ phase' = [phase EXCEPT ![p] = "eating"]

PutDown(p) ==
  /\ phase[p] = "eating"
  /\ owner' = [f \in Phils |-> IF owner[f] = p THEN NoOne ELSE owner[f]]
  /\ phase' = [phase EXCEPT ![p] = "thinking"]

Next == \E p \in Phils :
          \/ GetHungry(p)
          \/ TakeFirst(p)
          \/ TakeSecond(p)
          \/ PutDown(p)

Spec == Init /\ [][Next]_vars

Eating == {p \in Phils : phase[p] = "eating"}

\* an eating philosopher holds both forks; neighbours never eat together
ForksHeld == \A p \in Eating : owner[LeftFork(p)] = p /\ owner[RightFork(p)] = p

NeighboursApart ==
  \A p \in Phils : ~(phase[p] = "eating" /\ phase[LeftFork(p)] = "eating")
=============================================================================
