---- MODULE Ring ----
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x' = (x + 1) % 4
Unfair == Init /\ [][Next]_x
Fair == Init /\ [][Next]_x /\ WF_x(Next)
ReachTwo == <>(x = 2)
OftenZero == []<>(x = 0)
SettleZero == <>[](x = 0)
OneToThree == (x = 1) ~> (x = 3)
Small == [](x < 4)
====
