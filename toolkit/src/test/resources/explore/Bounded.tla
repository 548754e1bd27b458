---- MODULE Bounded ----
EXTENDS Naturals
CONSTANT N
VARIABLE x
ASSUME Positive == N > 0
ASSUME N < 10
Init == x = 0
Next == x' = x + 1 \/ x' = x + 2
TypeOK == x \in Nat
Small == x < N
NotFour == x' # 4
====
