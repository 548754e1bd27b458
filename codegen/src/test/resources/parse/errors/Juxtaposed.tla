---- MODULE Juxtaposed ----
A == a b
====
