---- MODULE CloseParen ----
A == /\ a)
====
