---- MODULE ConstantLetInvariant ----
\* Found by CompilerFuzzTest (seed 20261202, profile full, specs 36 and 41), shrunk by hand.
\* SANY's level of Inv is constant (the LET definition is not used), but TLC decides what it
\* evaluates before the search with its own level bound, which counts every LET definition: Inv is
\* an ordinary invariant to TLC, violated in the initial state (not "equal to FALSE").
EXTENDS Naturals
VARIABLES x

Init == x \in 0..1
Next == x' = 1 - x
Inv == (LET k == x IN TRUE) => (1 > 2)
====
