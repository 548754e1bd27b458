---- MODULE ColonJunction ----
\* Colon-prefixed infix operators in junction lists: one right of the bullet belongs to the item,
\* one at the bullet's column ends the list and applies to it (SANY's rule).
a ::= b == <<a, b>>
a :> b == <<a, b>>
A == /\ 1 ::= 2
     /\ 3 :> 4
B == /\ 1
     :> 2
C == \/ 1
    ::= 2
D == /\ 1
     /\ 2
        :> 3
====
