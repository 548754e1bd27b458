---- MODULE Nonfix ----
EXTENDS Integers, Sequences
\* Operator symbols applied in prefix (nonfix) form: the same trees as their infix uses.
A == +(1, 2)
B == -.(3)
C == \o(<<1>>, <<2>>)
D == \circ(<<1>>, <<2>>)
E == *(2, 3) = 2 * 3
F == ..(1, 3)
G == \in(1, {1})
====
