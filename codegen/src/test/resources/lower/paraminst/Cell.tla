---- MODULE Cell ----
EXTENDS Naturals
CONSTANT self
VARIABLE mem
Write(val) == mem' = [mem EXCEPT ![self] = val]
Clear == mem[self] /= 0 /\ mem' = [mem EXCEPT ![self] = 0]
====
