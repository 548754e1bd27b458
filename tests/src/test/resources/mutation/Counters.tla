------------------------------ MODULE Counters ------------------------------
(* The target of the mutation tests: each process counts up to Max; a
   dispatcher picks the next colour by CHOOSE over strings, so that a change of
   the runtime's set order shows in a successor. *)
EXTENDS Naturals

CONSTANTS N, Max

VARIABLES c, colour, used

vars == <<c, colour, used>>

Procs == 1..N
Colours == {"red", "green", "blue"}

TypeOK == /\ c \in [Procs -> 0..Max]
          /\ colour \in Colours \cup {"none"}
          /\ used \subseteq Colours

Init == /\ c = [p \in Procs |-> 0]
        /\ colour = "none"
        /\ used = {}

Inc(p) == /\ c[p] < Max
          /\ c' = [c EXCEPT ![p] = @ + 1]
          /\ UNCHANGED <<colour, used>>

Dispatch == /\ used # Colours
            /\ colour' = CHOOSE x \in Colours \ used : TRUE
            /\ used' = used \cup {colour'}
            /\ UNCHANGED c

Next == \/ \E p \in Procs : Inc(p)
        \/ Dispatch

Spec == Init /\ [][Next]_vars
=============================================================================
