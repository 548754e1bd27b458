---- MODULE StepNameOutsideProof ----
THEOREM T == TRUE
<1>1. TRUE OBVIOUS
<1> QED BY <1>1
A == <1>1
====
