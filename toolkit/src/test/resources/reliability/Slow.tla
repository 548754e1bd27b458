---------------------------- MODULE Slow ----------------------------
(* A model too large to finish in a test: three counters modulo N give N^3 states. The
   reliability tests stop TLC or the explorer on it, by a signal or by a small heap. *)
EXTENDS Naturals
CONSTANT N
VARIABLES x, y, z

Init == x = 0 /\ y = 0 /\ z = 0

Next == \/ x' = (x + 1) % N /\ y' = y /\ z' = z
        \/ y' = (y + 1) % N /\ x' = x /\ z' = z
        \/ z' = (z + 1) % N /\ x' = x /\ y' = y
=========================================================================
