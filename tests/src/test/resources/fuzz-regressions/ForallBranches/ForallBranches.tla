---- MODULE ForallBranches ----
\* Found by CompilerFuzzTest (seed 3, profile full, spec 15), shrunk by the fuzzer and by hand.
\* TLC's getNextStates reads a \A in an action like a conjunction of its instances, each processed
\* structurally: the \E inside branches, so A generates 3 * 3 * 3 = 27 successors of each state
\* (TLC: 2 distinct, 56 generated). finalspec evaluated the \A as a boolean guard (4 generated)
\* until ActionEmitter processed its instances like TLC.
EXTENDS Integers
VARIABLES x

Init == x \in {0, 1}

A ==
  /\ \A i \in -1..1 : \E j \in -1..1 : TRUE
  /\ UNCHANGED x

Next == A
====
