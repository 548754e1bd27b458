---- MODULE Temporal ----
VARIABLES x, y
vars == <<x, y>>
Next == x' = x + 1 /\ UNCHANGED y
Spec == Init /\ [][Next]_vars /\ WF_vars(Next) /\ SF_<<x, y>>(Next)
Live == <>[](x > 3) /\ []<>(y = 0)
Leads == (x = 1) ~> (x = 2)
Ang == <><<Next>>_vars
Hid == \EE z : z = x
All == \AA z : z = x
En == ENABLED Next
Sub == [Next]_x
Arrow == A -+-> B
====
