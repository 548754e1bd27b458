---- MODULE FilterSeveral ----
S == {1, 2}
A == {x, y \in S : x = y}
====
