---- MODULE Big ----
\* Its initial state is a function of three million integers: TLC with a 16 MB heap runs out of memory
\* (it prints "Error: Java heap space"), which finalspec check reports as exit 6.
EXTENDS Naturals
VARIABLE x
Init == x = [i \in 1..3000000 |-> i]
Next == UNCHANGED x
====
