---- MODULE Binders ----
A == /\ \E i \in S : /\ a
                     /\ b
     /\ \A j \in S : c
B == /\ LET y == 1
            z == /\ a
                 /\ b
        IN y
     /\ c
C == \E x \in {y \in S : /\ y > 1
                         /\ y < 3} : x = 2
D == /\ {x \in S : x > 1} = {}
     /\ CHOOSE x \in S : /\ x > 0
                         /\ x < 9
====
