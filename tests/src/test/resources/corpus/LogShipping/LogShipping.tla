---------------------------- MODULE LogShipping ----------------------------
(***************************************************************************)
(* Primary-backup log shipping.  Clients' writes are appended to the     *)
(* primary's log; the primary ships one entry at a time to each backup,  *)
(* and an entry is committed once a majority holds it.  All views of a  *)
(* replica's log go through L(r) == INSTANCE LogOps WITH log <- logs[r], *)
(* in actions (L(p)!Appended(v)) and in invariants (L(r)!IsPrefixOf).    *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets

CONSTANTS Replicas, Primary, Values, MaxLog

ASSUME Primary \in Replicas

VARIABLES logs, commit

vars == <<logs, commit>>

L(r) == INSTANCE LogOps WITH log <- logs[r]

Majority == {Q \in SUBSET Replicas : 2 * Cardinality(Q) > Cardinality(Replicas)}

TypeOK ==
  /\ logs \in [Replicas -> Seq(Values)]
  /\ commit \in 0..MaxLog

Init ==
  /\ logs = [r \in Replicas |-> << >>]
  /\ commit = 0

Write(v) ==
  /\ L(Primary)!Last < MaxLog
  /\ logs' = [logs EXCEPT ![Primary] = L(Primary)!Appended(v)]
  /\ UNCHANGED commit

\* Ship the next missing entry to backup b.
Ship(b) ==
  /\ b # Primary
  /\ L(b)!Last < L(Primary)!Last
  /\ logs' = [logs EXCEPT ![b] = L(Primary)!Upto(L(b)!Last + 1)]
  /\ UNCHANGED commit

\* Advance the commit point to an index a majority holds.
Commit ==
  \E n \in (commit + 1)..L(Primary)!Last :
    /\ \E Q \in Majority : \A r \in Q : L(r)!Last >= n
    /\ commit' = n
    /\ UNCHANGED logs

Next ==
  \/ \E v \in Values : Write(v)
  \/ \E b \in Replicas : Ship(b)
  \/ Commit

Spec == Init /\ [][Next]_vars

\* Every backup's log is a prefix of the primary's.
Prefixes == \A r \in Replicas : L(r)!IsPrefixOf(logs[Primary])
\* Committed entries are held by a majority.
CommittedDurable == \E Q \in Majority : \A r \in Q : L(r)!Last >= commit
\* Wrong: a write is committed before the next one is accepted.
NoBacklog == L(Primary)!Last <= commit + 1
=============================================================================
