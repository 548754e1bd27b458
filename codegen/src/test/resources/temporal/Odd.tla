---- MODULE Odd ----
\* A behaviour spec with a temporal conjunct that is not fairness: liveness is not checked.
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x' = (x + 1) % 3
Spec == Init /\ [][Next]_x /\ []<>(x = 2)
Reach == <>(x = 1)
Low == [](x < 3)
====
