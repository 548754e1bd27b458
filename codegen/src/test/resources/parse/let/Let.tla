---- MODULE Let ----
A == LET x == 1 IN x + 1
B == LET f(a, b) == a + b
         g[i \in 1..3] == i * 2
         RECURSIVE h(_)
         h(n) == IF n = 0 THEN 0 ELSE h(n - 1)
     IN f(1, g[2]) + h(3)
C == LET x == LET y == 2 IN y IN x
D == 1 + LET x == 2 IN x + 3
====
