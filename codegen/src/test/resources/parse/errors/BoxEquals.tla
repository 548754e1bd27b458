---- MODULE BoxEquals ----
A == [] x = 1
====
