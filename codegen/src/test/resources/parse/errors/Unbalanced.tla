---- MODULE Unbalanced ----
A == (a + b
B == 2
====
