---- MODULE LeftOfBullet ----
A == /\ x = [a |-> 1,
   b |-> 2]
====
