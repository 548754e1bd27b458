---- MODULE UseCounter ----
EXTENDS Naturals
VARIABLES a, b
C1 == INSTANCE Counter WITH Limit <- 3, n <- a
C2(v) == INSTANCE Counter WITH Limit <- 5, n <- v
LOCAL INSTANCE Naturals
Init == C1!Init /\ C2(b)!Init
Next == C1!Inc \/ C2(b)!Inc \/ a' = C1!Twice(a)
====
