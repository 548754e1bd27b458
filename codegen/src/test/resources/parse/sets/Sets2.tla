---- MODULE Sets2 ----
A == {1, 2, 3}
B == {x \in S : x > 1}
C == {x * 2 : x \in S}
D == {x + y : x \in S, y \in T}
E == {<<x, y>> \in S \X T : x < y}
F == [x \in S |-> x + 1]
G == [x \in S, y \in T |-> x + y]
H == [S -> T]
I == [a |-> 1, b |-> "two"]
J == [a : S, b : T]
K == r.a + r.b.c
L == f[1] + f[1, 2] + f[g[3]]
M == DOMAIN f
N == SUBSET {1} \cup UNION {{2}}
O == {x \in S : x \in T}
====
