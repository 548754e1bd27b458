---- MODULE Theorem ----
EXTENDS Naturals
CONSTANT N
ASSUME NPos == N > 0
ASSUME N \in Nat
AXIOM Ax == TRUE
THEOREM T1 == N + 0 = N
THEOREM N >= 0 OBVIOUS
LEMMA L1 == \A n \in Nat : n + 0 = n
  BY DEF N
====
