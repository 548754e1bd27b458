---- MODULE Consts ----
\* A model with only constants and ASSUMEs.
EXTENDS Naturals, FiniteSets
CONSTANTS N, S
ASSUME N \in Nat /\ N > 1
ASSUME Cardinality(S) = 2
====
