---- MODULE CF ----
\* A constant definition that cannot be evaluated (CHOOSE over {}) but is never used: TLC
\* evaluates constant definitions at start-up and keeps only those that evaluate.
EXTENDS Naturals
VARIABLE x
Bad == CHOOSE v \in {} : TRUE
Early == 2
Later == Early + 1
Init == x = Later
Next == x' = IF x > 5 THEN Later ELSE x + 1
====
