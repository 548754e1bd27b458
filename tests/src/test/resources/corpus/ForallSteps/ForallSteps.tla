---- MODULE ForallSteps ----
\* A synchronous round of three nodes, written with \A inside actions. TLC takes such an \A as
\* the conjunction of its instances, each processed like any conjunct of an action: an \E inside
\* one multiplies the successors TLC generates, a primed equality inside one assigns or tests,
\* and an empty domain leaves nothing to process. Each action below exercises one of these.
EXTENDS Integers, FiniteSets

CONSTANTS Nodes, Vals

VARIABLES val, round, leader

vars == <<val, round, leader>>

\* \A in Init: the instance for each node tests or assigns leader.
Init ==
  /\ val = [n \in Nodes |-> 0]
  /\ \A k \in {1} : \E l \in Nodes : leader = l
  /\ \A n \in Nodes : round = 0

\* An \E under \A: TLC branches on every instance, so this generates |Vals|^|Nodes| successors
\* (all equal) while only checking a guard.
Audit ==
  /\ \A n \in Nodes : \E v \in Vals : val[n] <= v
  /\ UNCHANGED vars

\* The leader picks a value: the assignment sits under \A over a one-element set and an \E.
Propose ==
  /\ round < 2
  /\ \A n \in {leader} : \E v \in Vals : val' = [val EXCEPT ![n] = v]
  /\ \A n \in Nodes : round' = round + 1
  /\ UNCHANGED leader

\* Every instance assigns or tests leader': only a set of one node lets the action happen.
Elect(S) ==
  /\ \A n \in S : leader' = n
  /\ UNCHANGED <<val, round>>

\* A disjunction of assignments under \A: the first instance branches, the others test.
Rotate ==
  /\ \A n, m \in Nodes : \/ leader' = leader
                         \/ leader' = CHOOSE o \in Nodes : o # leader /\ n = n /\ m = m
  /\ UNCHANGED <<val, round>>

\* Tuple bindings over an empty set: nothing to process, so leader' is assigned after it.
Reset ==
  /\ round = 2
  /\ \A <<a, b>> \in {p \in Nodes \X Nodes : p[1] # p[1]} : leader' = a
  /\ leader' = leader
  /\ val' = [n \in Nodes |-> 0]
  /\ round' = 0

\* Every variable is assigned before the \A: TLC evaluates it as a boolean, one successor.
Settle ==
  /\ UNCHANGED vars
  /\ \A n \in Nodes : \E v \in Vals : val[n] = v \/ v > val[n]

Next ==
  \/ Audit
  \/ Propose
  \/ Elect({leader})
  \/ Elect(Nodes)
  \/ Rotate
  \/ Reset
  \/ Settle

Agreement == round = 0 => \A n \in Nodes : val[n] = 0

Bounded == \A n \in Nodes : val[n] \in {0} \cup Vals

\* Fails once the leader has proposed twice.
OneRound == round < 2
====
