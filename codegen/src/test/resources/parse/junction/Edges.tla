---- MODULE Edges ----
A == /\ a
        /\ b
B == /\ a
     /\ b
        \/ c
C == \/ a /\ b
D == x' = /\ a
          /\ b
E ==   /\ a
     /\ b
F == /\ a
     /\ b \* comment
\* a comment at column 1 does not close the list
     /\ c
G == /\ \A x \in S :
          /\ x > 0
          /\ x < 5
     /\ y
H == /\ [a |-> 1,
         b |-> 2]
     /\ <<1,
          2>>
I == /\ LET z == 1 IN z
     /\ 2
J == /\ UNCHANGED <<x, y>>
     /\ [][x' = x]_x
====
