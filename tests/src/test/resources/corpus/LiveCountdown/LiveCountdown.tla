---- MODULE LiveCountdown ----
\* A countdown that halts at zero. Halting is stuttering forever: it satisfies "eventually zero"
\* under weak fairness, and violates "infinitely often at the start".
EXTENDS Naturals
CONSTANT Start
VARIABLE n
Init == n = Start
Tick == n > 0 /\ n' = n - 1
Spec == Init /\ [][Tick]_n /\ WF_n(Tick)
ReachesZero == <>(n = 0)
ZeroForever == <>[](n = 0)
Restarts == []<>(n = Start)
====
