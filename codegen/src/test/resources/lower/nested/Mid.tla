---- MODULE Mid ----
EXTENDS Naturals
CONSTANT Bound
VARIABLES a, b
A == INSTANCE Leaf WITH Max <- Bound, c <- a
B == INSTANCE Leaf WITH Max <- Bound - 1, c <- b
Step == (A!Tick \/ A!Reset) /\ UNCHANGED b
Other == (B!Tick \/ B!Reset) /\ UNCHANGED a
====
