---- MODULE StdExt ----
\* A user module extending every standard module the fragment knows.
EXTENDS Integers, FiniteSets, Sequences, TLC, Naturals
VARIABLES q, n
Init == q = <<>> /\ n = -1
Push == Len(q) < 3 /\ q' = Append(q, n) /\ n' = IF n < 1 THEN n + 1 ELSE -1
Pop == q /= <<>> /\ q' = Tail(q) /\ UNCHANGED n
Next == Push \/ Pop
Inv == Cardinality({i \in 1..Len(q) : q[i] < 0}) <= 3 /\ (1 :> n)[1] = n
====
