---- MODULE Subexpressions ----
EXTENDS Naturals
\* Subexpression navigation with ! selectors.
Op(a) == a + 1 /\ lbl:: a > 0
Q == \A y \in {1} : y = 1
S == Op!1!<<
T == Op!2!:
U == Q!@
V == Op!lbl
W == Op(3)!1
X == Q!(1)
Y == Op!1!>>
====
