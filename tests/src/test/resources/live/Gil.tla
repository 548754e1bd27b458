------------------------------- MODULE Gil -------------------------------
\* A GIL as threads use it through the live API: take it when free, drop it
\* and count the turn.  LiveStressTest binds Threads and N at run time.
EXTENDS Naturals
CONSTANTS Threads, None, N
VARIABLES holder, done

Init == holder = None /\ done = [t \in Threads |-> 0]
Take(t) == /\ holder = None /\ done[t] < N
           /\ holder' = t /\ UNCHANGED done
Drop(t) == /\ holder = t
           /\ holder' = None /\ done' = [done EXCEPT ![t] = @ + 1]
Next == \E t \in Threads : Take(t) \/ Drop(t)

Exclusive == holder = None \/ holder \in Threads
=============================================================================
