---- MODULE ConstantFormulas ----
\* Invariants and properties that mention no variable: TLC evaluates them once, before the search
\* and before the ASSUMEs, and stops when one is FALSE (issue 10, found by the differential fuzzer).
EXTENDS Naturals
CONSTANT N
VARIABLES x

ASSUME N # 3

Init == x \in 0..1
Next == x' = 1 - x

Small == N < 2
Typed == x \in 0..1
====
