---- MODULE MissingQed ----
THEOREM T == TRUE
<1>1. TRUE OBVIOUS
<1>2. TRUE OBVIOUS
B == 1
====
