---- MODULE StepSubscripts ----
EXTENDS Naturals
VARIABLES x, y
vars == <<x, y>>
f(v) == v
A == x' = x + 1 /\ y' = y
B == [A]_<<x, y>>
C == <<A>>_(f(x))
D == [A]_vars /\ <<A>>_vars
E == WF_<<x, y>>(A) /\ SF_vars(A) /\ WF_vars(A)
G == [A]_(x + y)
H == []([A]_<<x, y>>)
====
