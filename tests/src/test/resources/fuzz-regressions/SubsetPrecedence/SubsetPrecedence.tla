---- MODULE SubsetPrecedence ----
\* Found by CompilerFuzzTest (seed 20261202, spec 26), shrunk by hand.
\* SANY reads SUBSET 0..1 as (SUBSET 0)..1, and TLC stops with an error when it evaluates it;
\* finalspec's parser reads SUBSET (0..1) and explores four states.
EXTENDS Naturals
VARIABLES q

Init == q \in SUBSET 0..1
Next == UNCHANGED q
====
