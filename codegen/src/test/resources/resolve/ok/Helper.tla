---- MODULE Helper ----
EXTENDS Naturals
VARIABLE z
HelperOp == z + 1
====
