---- MODULE LocalInProofDefine ----
THEOREM T == TRUE
<1> DEFINE LOCAL D == 1
<1> QED OBVIOUS
====
