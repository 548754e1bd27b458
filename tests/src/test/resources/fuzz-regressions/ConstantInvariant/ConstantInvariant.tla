---- MODULE ConstantInvariant ----
\* Found by CompilerFuzzTest (seed 20261202, spec 3), shrunk by hand.
\* An invariant that mentions no variable is evaluated once by TLC before the search; a FALSE one
\* is reported as an error ("The invariant of Inv is equal to FALSE"), not as a violation with a
\* trace. finalspec reported a violation in the first initial state; now it stops with TLC's error.
EXTENDS Naturals
VARIABLES x

Init == x \in 0..1
Next == UNCHANGED x
Inv == 1 > 2
====
