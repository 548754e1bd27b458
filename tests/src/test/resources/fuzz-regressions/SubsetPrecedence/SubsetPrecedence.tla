---- MODULE SubsetPrecedence ----
\* Found by CompilerFuzzTest (seed 20261202, spec 26), shrunk by hand.
\* SANY reads SUBSET 0..1 as (SUBSET 0)..1 (it ranks SUBSET 10-13, not 8 as Specifying Systems
\* does), and TLC stops with an error when it evaluates it; finalspec's parser read SUBSET (0..1)
\* and explored four states. Both now stop with an error.
EXTENDS Naturals
VARIABLES q

Init == q \in SUBSET 0..1
Next == UNCHANGED q
====
