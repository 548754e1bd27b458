---- MODULE Halt ----
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x < 2 /\ x' = x + 1
Fair == Init /\ [][Next]_x /\ WF_x(Next)
ReachThree == <>(x = 3)
ReachTwo == <>(x = 2)
====
