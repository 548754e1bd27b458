-------------------------------- MODULE Hanoi -------------------------------
(* Tower of Hanoi.  Each peg holds a sequence of disks, top of stack first.
   The _violation config claims the puzzle cannot be solved.              *)
EXTENDS Naturals, Sequences, TLC

CONSTANT D          \* number of disks

ASSUME D \in 1..6

Pegs == 1..3
Disks == 1..D

VARIABLE towers

vars == <<towers>>

\* <<1, 2, ..., n>>
Stack(n) == [i \in 1..n |-> i]

RECURSIVE SumSeq(_)
SumSeq(s) == IF s = <<>> THEN 0 ELSE Head(s) + SumSeq(Tail(s))

RECURSIVE SumAll(_)
SumAll(ps) == IF ps = {} THEN 0
              ELSE LET p == CHOOSE x \in ps : TRUE
                   IN  SumSeq(towers[p]) + SumAll(ps \ {p})

TypeOK == towers \in [Pegs -> Seq(Disks)]

Init == towers = (1 :> Stack(D)) @@ [p \in Pegs |-> <<>>]

CanMove(from, to) ==
  /\ from # to
  /\ towers[from] # <<>>
  \* TLC explores every disjunct of an action, so guard Head with IF
  /\ IF towers[to] = <<>> THEN TRUE
     ELSE Head(towers[from]) < Head(towers[to])

Move(from, to) ==
  /\ CanMove(from, to)
  /\ towers' = [towers EXCEPT ![from] = Tail(@),
                              ![to]   = <<Head(towers[from])>> \o @]

Next == \E from, to \in Pegs : Move(from, to)

Spec == Init /\ [][Next]_vars

Sorted(s) == \A i \in 1..(Len(s) - 1) : s[i] < s[i + 1]

AllSorted == \A p \in Pegs : Sorted(towers[p])

DisksKept == SumAll(Pegs) = (D * (D + 1)) \div 2

NotSolved == towers[3] # Stack(D)
=============================================================================
