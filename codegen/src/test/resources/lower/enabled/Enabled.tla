---- MODULE Enabled ----
\* ENABLED in an invariant and in an action.
EXTENDS Naturals
VARIABLES x, y
Init == x = 0 /\ y = 0
IncX == x < 3 /\ x' = x + 1 /\ UNCHANGED y
IncY == ~ENABLED IncX /\ y < 2 /\ y' = y + 1 /\ UNCHANGED x
Reset == ENABLED (\E k \in 1..3 : x = k /\ x' = 0) /\ y = 2 /\ x' = 0 /\ y' = 0
Next == IncX \/ IncY \/ Reset
Inv == x < 3 => ENABLED IncX
====
