---------------------------- MODULE Mutex ----------------------------
CONSTANTS Procs, None
VARIABLES owner, pc

Init == owner = None /\ pc = [p \in Procs |-> "idle"]
Acquire(p) == /\ owner = None /\ pc[p] = "idle"
              /\ owner' = p /\ pc' = [pc EXCEPT ![p] = "cs"]
Release(p) == /\ owner = p
              /\ owner' = None /\ pc' = [pc EXCEPT ![p] = "idle"]
Next == \E p \in Procs : Acquire(p) \/ Release(p)

MutualExclusion == \A p, q \in Procs : pc[p] = "cs" /\ pc[q] = "cs" => p = q
======================================================================
