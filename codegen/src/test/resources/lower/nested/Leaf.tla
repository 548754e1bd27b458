---- MODULE Leaf ----
EXTENDS Naturals
CONSTANT Max
VARIABLE c
Tick == c < Max /\ c' = c + 1
Reset == c = Max /\ c' = 0
====
