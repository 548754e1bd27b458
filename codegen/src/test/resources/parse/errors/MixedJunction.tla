---- MODULE MixedJunction ----
A == a /\ b \/ c
====
