---- MODULE Counter ----
EXTENDS Naturals
CONSTANT Limit
VARIABLE n
Init == n = 0
Inc == n < Limit /\ n' = n + 1
Twice(k) == 2 * k
====
