---- MODULE BadEscape ----
A == "a\qb"
====
