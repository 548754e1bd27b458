---- MODULE BadChar ----
A == 1 ` 2
====
