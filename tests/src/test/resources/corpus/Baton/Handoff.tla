------------------------------ MODULE Handoff ------------------------------
(* The abstract view of a baton relay: exactly one process owns the baton, *)
(* ownership moves from one process to another in a single step, and it   *)
(* keeps moving (weak fairness).  Baton refines this spec.                 *)
CONSTANT Procs
VARIABLE owner

HInit == owner \in Procs

\* The owner hands the baton to someone else, all at once.
Pass(p, q) == owner = p /\ q # p /\ owner' = q

HNext == \E p, q \in Procs : Pass(p, q)

HSpec == HInit /\ [][HNext]_owner /\ WF_owner(HNext)
=============================================================================
