---------------------------- MODULE Lockstep ----------------------------
(* Two threads count xa and xb up to 2 in near lockstep, for the report's tests: IncA
   needs xa <= xb unless thread a has run Prep, IncB needs xb <= xa.  NotBoth fails
   when both reach 2: in 4 steps with at least 2 thread switches, or in 5 steps
   (Prep, a, a, b, b) with 1. *)
EXTENDS Naturals
VARIABLES xa, xb, prep, note
vars == <<xa, xb, prep, note>>

Init == xa = 0 /\ xb = 0 /\ prep = {} /\ note = "<b>&</b>"

Prep == prep = {} /\ prep' = {"a"} /\ UNCHANGED <<xa, xb, note>>
IncA == xa < 2 /\ (xa <= xb \/ prep # {}) /\ xa' = xa + 1 /\ UNCHANGED <<xb, prep, note>>
IncB == xb < 2 /\ xb <= xa /\ xb' = xb + 1 /\ UNCHANGED <<xa, prep, note>>

Next == Prep \/ IncA \/ IncB

NotBoth == ~(xa = 2 /\ xb = 2)

(* For the liveness lasso (LockstepSettles.cfg): nothing ever makes xa 3, so the property fails
   from the state where both are 2 without Prep; the ways there have 4 steps, the fewest switches
   on them 2 (IncA, IncB, IncB, IncA). *)
Settles == (xa = 2 /\ xb = 2 /\ prep = {}) ~> (xa = 3)
=========================================================================
