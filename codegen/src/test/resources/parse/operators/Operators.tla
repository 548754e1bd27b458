---- MODULE Operators ----
EXTENDS Naturals
CONSTANTS F(_, _), _ ** _, N
a ++ b == a + b
a -- b == a - b
-. a == 0 - a
a ^+ == a + 1
Apply(G(_, _), x, y) == G(x, y)
Plus(x, y) == x + y
A == Apply(Plus, 1, 2)
B == Apply(LAMBDA x, y : x * y, 3, 4)
C == 1 ++ 2 ++ 3
RECURSIVE Fact(_)
Fact(n) == IF n = 0 THEN 1 ELSE n * Fact(n - 1)
LOCAL Hidden == 42
fib[n \in Nat] == IF n < 2 THEN n ELSE fib[n - 1] + fib[n - 2]
sum[n \in Nat, m \in Nat] == n + m
====
