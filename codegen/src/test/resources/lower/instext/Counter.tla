---- MODULE Counter ----
EXTENDS Base
Shrink == v > 0 /\ v' = v - 1
Move == Grow \/ Shrink
====
