---- MODULE TupleFn ----
\* Tuple patterns in function definitions.
EXTENDS Naturals
VARIABLE s
sum[<<a, b>> \in (0..2) \X (0..2)] == a + b
diff[<<a, b>> \in (0..2) \X (0..2), k \in {0, 1}] == IF a > b THEN a - b + k ELSE b - a + k
Init == s = 0
Next == \E a, b \in 0..2 : s' = sum[<<a, b>>] + diff[<<a, b>>, 1] + sum[<<b, a>>]
====
