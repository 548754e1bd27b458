------------------------------- MODULE Baton -------------------------------
(* A relay in two steps: the owner lets go of the baton (it is in flight), *)
(* then the receiver takes it.  The property Refinement says that every    *)
(* fair behaviour is a behaviour of Handoff: the instance is implicit (the  *)
(* variable owner is the same in both modules), and Handoff's HSpec brings *)
(* an initial predicate, a [][A]_v conjunct and a WF conjunct.             *)
EXTENDS Naturals

CONSTANTS Procs, First, NoOne

VARIABLES owner, inflight

vars == <<owner, inflight>>

H == INSTANCE Handoff

TypeOK ==
  /\ owner \in Procs
  /\ inflight \in Procs \cup {NoOne}

Init ==
  /\ owner = First
  /\ inflight = NoOne

\* The owner picks a receiver; ownership has not changed yet (a stutter of Handoff).
Release(p, q) ==
  /\ owner = p
  /\ inflight = NoOne
  /\ q # p
  /\ inflight' = q
  /\ UNCHANGED owner

\* The receiver takes the baton: Handoff's Pass(owner, q).
Accept(q) ==
  /\ inflight = q
  /\ owner' = q
  /\ inflight' = NoOne

Next == \/ \E p, q \in Procs : Release(p, q)
        \/ \E q \in Procs : Accept(q)

Fairness == WF_vars(\E p, q \in Procs : Release(p, q)) /\ \A q \in Procs : WF_vars(Accept(q))

FairSpec == Init /\ [][Next]_vars /\ Fairness
UnfairSpec == Init /\ [][Next]_vars

Refinement == H!HSpec

\* First owns the baton at the start (a state predicate: checked on the initial states).
StartsWithFirst == owner = First

\* Fairness to one pair, as properties: WF holds (Pass(p, q) is never enabled
\* throughout a cycle that avoids it: owner moves on), SF fails (the baton may
\* always go elsewhere).
PassesWeakly == \A p \in Procs : \A q \in Procs \ {p} : WF_owner(H!Pass(p, q))
PassesStrongly == SF_owner(H!Pass(First, CHOOSE q \in Procs : q # First))
=============================================================================
