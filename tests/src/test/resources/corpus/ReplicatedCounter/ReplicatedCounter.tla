------------------------- MODULE ReplicatedCounter -------------------------
(***************************************************************************)
(* A grow-only counter replicated on a few nodes (a state-based CRDT).   *)
(* Each node counts its own increments in its own slot of a vector and   *)
(* gossips the whole vector; a receiver combines it with its own by the  *)
(* operator constant Merge.  The spec does not fix Merge: a model binds  *)
(* it (Merge <- MCMerge), so the same spec can be checked with a correct *)
(* join (pointwise max) and with a wrong one (pointwise sum).            *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS Nodes, MaxIncr, Merge(_, _)

\* vec[n] is node n's vector; mail[n] the last vector gossiped to n, or
\* NoMail (a one-slot mailbox: a newer message overwrites an older one).
VARIABLES vec, mail

vars == <<vec, mail>>

NoMail == [n \in Nodes |-> 0]

\* The value a node reads: the sum of its vector.
RECURSIVE SumOver(_, _)
SumOver(v, S) ==
  IF S = {} THEN 0
  ELSE LET n == CHOOSE m \in S : TRUE IN v[n] + SumOver(v, S \ {n})

Value(n) == SumOver(vec[n], Nodes)

\* The true count: every node's own slot is authoritative.
Truth == SumOver([n \in Nodes |-> vec[n][n]], Nodes)

TypeOK ==
  /\ vec \in [Nodes -> [Nodes -> Nat]]
  /\ mail \in [Nodes -> [Nodes -> Nat]]

Init ==
  /\ vec = [n \in Nodes |-> [m \in Nodes |-> 0]]
  /\ mail = [n \in Nodes |-> NoMail]

Increment(n) ==
  /\ vec[n][n] < MaxIncr
  /\ vec' = [vec EXCEPT ![n][n] = @ + 1]
  /\ UNCHANGED mail

\* Gossip overwrites whatever m has not read yet (merging an all-zero
\* vector changes nothing under a correct Merge, so NoMail needs no flag).
Gossip(n, m) ==
  /\ n # m
  /\ mail[m] # vec[n]
  /\ mail' = [mail EXCEPT ![m] = vec[n]]
  /\ UNCHANGED vec

Deliver(m) ==
  /\ mail[m] # NoMail
  /\ vec' = [vec EXCEPT ![m] = Merge(@, mail[m])]
  /\ mail' = [mail EXCEPT ![m] = NoMail]

Next ==
  \/ \E n \in Nodes : Increment(n) \/ Deliver(n)
  \/ \E n, m \in Nodes : Gossip(n, m)

Spec == Init /\ [][Next]_vars

\* No replica ever reads more than was counted.
NoOvercount == \A n \in Nodes : Value(n) <= Truth
\* A replica's view of another node's slot never runs ahead of that node.
SlotsBounded == \A n, m \in Nodes : vec[n][m] <= vec[m][m]
=============================================================================
