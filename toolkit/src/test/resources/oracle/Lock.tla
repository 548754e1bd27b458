---------------------------- MODULE Lock ----------------------------
(* The oracle's main test spec: a lock over a set of model values, with a
   record, a function over model values, a sequence and an inline disjunct. *)
EXTENDS Naturals, Sequences
CONSTANTS Procs, None, MaxAcquires
VARIABLES owner, pc, log, stats
vars == <<owner, pc, log, stats>>

TypeOK ==
  /\ owner \in Procs \cup {None}
  /\ pc \in [Procs -> {"idle", "cs"}]
  /\ log \in Seq(Procs)
  /\ stats \in [acquires : Nat, releases : Nat]

Init ==
  /\ owner = None
  /\ pc = [p \in Procs |-> "idle"]
  /\ log = <<>>
  /\ stats = [acquires |-> 0, releases |-> 0]

Acquire(p) ==
  /\ owner = None
  /\ pc[p] = "idle"
  /\ owner' = p
  /\ pc' = [pc EXCEPT ![p] = "cs"]
  /\ log' = Append(log, p)
  /\ stats' = [stats EXCEPT !.acquires = @ + 1]

Release(p) ==
  /\ owner = p
  /\ owner' = None
  /\ pc' = [pc EXCEPT ![p] = "idle"]
  /\ stats' = [stats EXCEPT !.releases = @ + 1]
  /\ UNCHANGED log

Next ==
  \/ \E p \in Procs : Acquire(p) \/ Release(p)
  \/ /\ Len(log) > 1
     /\ log' = Tail(log)
     /\ UNCHANGED <<owner, pc, stats>>

MutualExclusion == \A p, q \in Procs : p # q => ~(pc[p] = "cs" /\ pc[q] = "cs")

Bounded == stats.acquires <= MaxAcquires

Spec == Init /\ [][Next]_vars
=============================================================================
