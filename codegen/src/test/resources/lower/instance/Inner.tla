---- MODULE Inner ----
EXTENDS Naturals
VARIABLE v
Step(k) == v' = v + k
Both == \E k \in {1, 2} : Step(k)
====
