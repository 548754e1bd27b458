---- MODULE InstExt ----
\* INSTANCE of a module that EXTENDS another user module.
EXTENDS Naturals
VARIABLES p, r
P == INSTANCE Counter WITH Limit <- 4, v <- p
R == INSTANCE Counter WITH Limit <- 2, v <- r
Init == p = 0 /\ r = 0
Next == (P!Move /\ UNCHANGED r) \/ (R!Move /\ UNCHANGED p)
====
