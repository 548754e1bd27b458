---- MODULE ExceptNoBang ----
A == [f EXCEPT [1] = 2]
====
