---- MODULE Ring ----
EXTENDS Naturals
CONSTANT N
VARIABLE x
ASSUME N > 1

Init == x = 0
Next == x' = (x + 1) % N
====
