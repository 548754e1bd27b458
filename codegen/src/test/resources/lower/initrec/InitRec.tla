---- MODULE InitRec ----
\* A recursive operator that reads a variable, used in Init and in actions. Inlining it (what
\* lowering did for every state-level operator in Init) never ends; TLC evaluates the call over
\* the variables assigned so far.
EXTENDS Naturals
VARIABLES x, y
RECURSIVE Count(_)
Count(n) == IF n = 0 THEN 0 ELSE x + Count(n - 1)
Init == /\ x \in 0..2
        /\ y = Count(3)
Next == /\ x' = (x + 1) % 3
        /\ y' = Count(2)
====
