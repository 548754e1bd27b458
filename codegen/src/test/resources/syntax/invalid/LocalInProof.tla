---- MODULE LocalInProof ----
THEOREM T == TRUE
<1> LOCAL D == 1
<1> QED OBVIOUS
====
