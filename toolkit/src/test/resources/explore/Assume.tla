---- MODULE Assume ----
EXTENDS Naturals
CONSTANT N
VARIABLE x
ASSUME N > 1
ASSUME N > 5
Init == x = 0
Next == x' = (x + 1) % N
====
