---- MODULE Base ----
EXTENDS Naturals
CONSTANT Limit
VARIABLE v
Grow == v < Limit /\ v' = v + 1
====
