---- MODULE UnterminatedParen ----
A == (1 + 2
B == 3
====
