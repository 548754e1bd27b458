--------------------------- MODULE FloodElection ---------------------------
(***************************************************************************)
(* Leader election by flooding on a ring: every node gossips the set of  *)
(* ids it has heard of to its clockwise neighbour.  A node that has      *)
(* heard of every id and is the largest declares itself leader; the      *)
(* others then learn the leader by the same gossip.  The spec refines    *)
(* ElectionSpec, which uses Ranks: FloodElection INSTANCEs ElectionSpec  *)
(* which INSTANCEs Ranks.  The refinement is a PROPERTY (Abs!Spec),      *)
(* and invariants use Abs!TypeOK and Abs!R!Max.                          *)
(***************************************************************************)
EXTENDS Naturals

CONSTANT N

Nodes == 1..N
VARIABLES heard, leader

vars == <<heard, leader>>

Succ(n) == IF n = N THEN 1 ELSE n + 1

\* The abstract state: the leader once some node has declared, else none.
Elected == IF \E n \in Nodes : leader[n] = n THEN CHOOSE n \in Nodes : leader[n] = n ELSE 0

Abs == INSTANCE ElectionSpec WITH Ids <- Nodes, elected <- Elected

TypeOK ==
  /\ heard \in [Nodes -> SUBSET Nodes]
  /\ leader \in [Nodes -> Nodes \cup {0}]

Init ==
  /\ heard = [n \in Nodes |-> {n}]
  /\ leader = [n \in Nodes |-> 0]

\* n passes what it heard (and the leader, if it knows one) to its successor.
Gossip(n) ==
  LET m == Succ(n) IN
  /\ ~(heard[n] \subseteq heard[m]) \/ (leader[n] # 0 /\ leader[m] = 0)
  /\ heard' = [heard EXCEPT ![m] = @ \cup heard[n]]
  /\ leader' = IF leader[m] = 0 THEN [leader EXCEPT ![m] = leader[n]] ELSE leader

Declare(n) ==
  /\ heard[n] = Nodes
  /\ Abs!R!IsMax(n, heard[n])
  /\ leader[n] = 0
  /\ leader' = [leader EXCEPT ![n] = n]
  /\ UNCHANGED heard

Next == \E n \in Nodes : Gossip(n) \/ Declare(n)

Fairness == \A n \in Nodes : WF_vars(Gossip(n)) /\ WF_vars(Declare(n))
\* Fairness first, behind a definition: the order of conjuncts is free.
FairSpec == Fairness /\ Init /\ [][Next]_vars
\* Without fairness nothing forces the election to happen.
UnfairSpec == Init /\ [][Next]_vars

\* Everyone agrees on the leader they know of.
Agreement == \A m, n \in Nodes : leader[m] # 0 /\ leader[n] # 0 => leader[m] = leader[n]
AbsType == Abs!TypeOK
\* Only the largest id ever leads.
OnlyMax == \A n \in Nodes : leader[n] \in {0, Abs!R!Max(Nodes)}

Refinement == Abs!Spec
AllKnow == <>(\A n \in Nodes : leader[n] # 0)
Settles == <>[](\A n \in Nodes : leader[n] = N)
=============================================================================
