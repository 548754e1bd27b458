---- MODULE Recovery ----
\* Three broken units and a precedence conflict: every one is reported.
A == (1 + 2
B == 3
C == IF TRUE 1 ELSE 2
D == {x, y \in {1} : TRUE}
E == 1 = 2 = 3
F == 4
====
