------------------------------- MODULE Euclid -------------------------------
(* Euclid's algorithm by repeated remainder, started from every pair of
   numbers in a small signed range (signs are dropped first).  GCD is a
   RECURSIVE operator, Fact a recursive function; the ASSUMEs pin down the
   TLA+ meaning of \div and % on negative numbers (floor division).      *)
EXTENDS Integers

CONSTANT N

ASSUME N \in 1..12

Abs(x) == IF x < 0 THEN -x ELSE x

RECURSIVE GCD(_, _)
GCD(a, b) == IF b = 0 THEN a ELSE GCD(b, a % b)

fact[n \in 0..N] == IF n = 0 THEN 1 ELSE n * fact[n - 1]

\* floor semantics: the remainder takes the sign of the divisor
ASSUME /\ (-7) \div 2 = -4
       /\ (-7) % 2 = 1
       /\ 7 \div 2 = 3
       /\ 7 % 2 = 1
       /\ -7 \div 2 = -3          \* parsed as -(7 \div 2)
       /\ (-6) \div 3 = -2
       /\ (-1) % 5 = 4
       /\ GCD(12, 18) = 6
       /\ fact[4] = 24

Range == -N..N

VARIABLES x, y, x0, y0, steps

vars == <<x, y, x0, y0, steps>>

TypeOK ==
  /\ x \in 0..N /\ y \in 0..N
  /\ x0 \in Range /\ y0 \in Range
  /\ steps \in 0..N

Init ==
  /\ x0 \in Range
  /\ y0 \in Range
  /\ x = Abs(x0)
  /\ y = Abs(y0)
  /\ steps = 0

Step ==
  /\ y # 0
  /\ x' = y
  /\ y' = x % y
  /\ steps' = steps + 1
  /\ UNCHANGED <<x0, y0>>

Done == y = 0 /\ UNCHANGED vars

Next == Step \/ Done

Spec == Init /\ [][Next]_vars

GcdPreserved == GCD(x, y) = GCD(Abs(x0), Abs(y0))

Divides(d, n) == \E k \in -N..N : n = d * k

ResultDivides == y = 0 /\ x # 0 => Divides(x, x0) /\ Divides(x, y0)

\* a loose bound on the number of steps (Euclid needs far fewer)
FewSteps == steps <= N

\* exercises the recursive function: steps! is a positive multiple of steps
FactPositive == fact[steps] >= 1 /\ fact[steps] % (IF steps = 0 THEN 1 ELSE steps) = 0
=============================================================================
