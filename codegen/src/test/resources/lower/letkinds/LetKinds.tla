---- MODULE LetKinds ----
\* Every kind of LET definition.
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next ==
  LET Inc(k) == (x + k) % 7
      a (+) b == (a + b) % 7
      sq[i \in 0..6] == (i * i) % 7
      RECURSIVE Fact(_)
      Fact(n) == IF n = 0 THEN 1 ELSE n * Fact(n - 1)
      Twice(F(_), v) == F(F(v))
      base == x
  IN \/ x' = Inc(1)
     \/ x' = base (+) sq[x]
     \/ x' = Fact(x) % 7
     \/ x' = Twice(Inc, 3)
====
