----------------------------- MODULE Pipeline ------------------------------
(***************************************************************************)
(* A source feeds numbers 1..Items through two stages into a sink:       *)
(*   source -> q1 -> Double -> q2 -> Inc -> q3 -> sink                     *)
(* Pipeline INSTANCEs Stage, which INSTANCEs Buffer, which EXTENDS the    *)
(* user module FifoOps: three levels of modules.  A parameterised        *)
(* instance Q(b) names the buffer operators for any sequence, and the    *)
(* invariants use it as Q(q1)!TypeOK.                                     *)
(***************************************************************************)
EXTENDS Naturals, Sequences

CONSTANTS Items, Cap

VARIABLES q1, q2, q3, c1, c2, produced, consumed

vars == <<q1, q2, q3, c1, c2, produced, consumed>>

Double(x) == 2 * x
Inc(x) == x + 1

S1 == INSTANCE Stage WITH in <- q1, out <- q2, count <- c1, Work <- Double
S2 == INSTANCE Stage WITH in <- q2, out <- q3, count <- c2, Work <- Inc
Q(b) == INSTANCE Buffer WITH buf <- b
Src == INSTANCE Buffer WITH buf <- q1
Sink == INSTANCE Buffer WITH buf <- q3

TypeOK ==
  /\ Q(q1)!TypeOK /\ Q(q2)!TypeOK /\ Q(q3)!TypeOK
  /\ S1!TypeOK /\ S2!TypeOK
  /\ produced \in 0..Items
  /\ consumed \in Seq(Nat)

Init ==
  /\ q1 = << >> /\ q2 = << >> /\ q3 = << >>
  /\ c1 = 0 /\ c2 = 0
  /\ produced = 0
  /\ consumed = << >>

Produce ==
  /\ produced < Items
  /\ Src!Put(produced + 1)
  /\ produced' = produced + 1
  /\ UNCHANGED <<q2, q3, c1, c2, consumed>>

Consume ==
  /\ Sink!CanTake
  /\ consumed' = Append(consumed, Sink!Front(q3))
  /\ Sink!Take
  /\ UNCHANGED <<q1, q2, c1, c2, produced>>

Next ==
  \/ Produce
  \/ S1!Process /\ UNCHANGED <<q3, c2, produced, consumed>>
  \/ S2!Process /\ UNCHANGED <<q1, c1, produced, consumed>>
  \/ Consume
  \/ Len(consumed) = Items /\ UNCHANGED vars

Spec == Init /\ [][Next]_vars

\* Order is kept end to end: the sink sees 3, 5, 7, ...
Ordered == \A i \in 1..Len(consumed) : consumed[i] = Inc(Double(i))
\* Nothing is lost or made up.
Conserved == produced = Len(q1) + c1 /\ c1 = Len(q2) + c2 /\ c2 = Len(q3) + Len(consumed)
\* Every queued item in q2 is even (the first stage doubled it).
EvenMiddle == \A x \in S1!Outp!Items(q2) : x % 2 = 0
=============================================================================
