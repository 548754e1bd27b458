---- MODULE PrecConflict ----
A == a ^ b ^ c
====
