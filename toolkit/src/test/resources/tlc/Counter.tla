---------------------------- MODULE Counter ----------------------------
(* A tiny model for the TLC runner's tests: x climbs by 1 or 2 up to Max and y
   flips with every step, so traces show more than one variable changing. *)
EXTENDS Naturals
CONSTANT Max
VARIABLES x, y
vars == <<x, y>>

TypeOK == x \in 0..Max /\ y \in {"a", "b"}

Init == x = 0 /\ y = "a"

Inc(n) == /\ x + n <= Max
          /\ x' = x + n
          /\ y' = IF y = "a" THEN "b" ELSE "a"

Next == \E n \in 1..2 : Inc(n)

Small == x < 3

\* Witnesses for the check tests: AtMax is reachable, Overflow is not (Inc keeps x <= Max).
AtMax == x = Max
Overflow == x > Max

Spec == Init /\ [][Next]_vars

\* Without fairness the counter may stop anywhere, so Reaches fails and NeverNegative holds.
NeverNegative == [](x >= 0)
Reaches == <>(x = Max)
=========================================================================
