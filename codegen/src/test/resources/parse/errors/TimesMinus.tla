---- MODULE TimesMinus ----
A == a * -b
====
