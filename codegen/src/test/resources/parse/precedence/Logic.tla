---- MODULE Logic ----
A == a /\ b => c \/ d
B == (a => b) => c
C == ~a /\ ~b
D == ~ a = b
E == a <=> (b \equiv c)
F == a = b /\ c # d /\ e /= f
G == a \in S /\ b \notin T
H == a /\ b /\ c
I == a \lor b \lor c
J == \lnot a \land \neg b
K == a => (b => c)
L == a < b /\ c =< d /\ e <= f /\ g >= h /\ i > j
M == a ~> b
N == x' = y' + 1
O == UNCHANGED <<x, y>> /\ ENABLED A
P == [](a => <>b)
====
