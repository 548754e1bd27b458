---- MODULE UntermComment ----
A == 1 (* never closed
====
