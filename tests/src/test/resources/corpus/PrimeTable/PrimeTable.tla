----------------------------- MODULE PrimeTable -----------------------------
(***************************************************************************)
(* A constant-level model: no variables, no behaviour.  It tabulates the  *)
(* primes below N with a recursive sieve and checks facts about them in   *)
(* ASSUMEs.  TLC evaluates the ASSUMEs, finds no initial predicate to     *)
(* explore, and reports 0 states: the model "passes" when every ASSUME    *)
(* holds.  PrimeTable_badassume.cfg picks an N for which the twin-prime   *)
(* claim fails, so TLC stops with an assumption error instead.            *)
(***************************************************************************)
EXTENDS Integers, FiniteSets, Sequences, TLC

CONSTANTS N, TwinsBelow

\* Divides(d, n): written out rather than with %, so the ASSUMEs below also
\* pin how \div behaves on positive numbers.
Divides(d, n) == (n \div d) * d = n

\* The sieve: strike the multiples of each survivor, smallest first.
RECURSIVE Sieve(_)
Sieve(S) ==
  IF S = {} THEN {}
  ELSE LET p == CHOOSE x \in S : \A y \in S : x <= y
       IN  {p} \cup Sieve({x \in S : ~Divides(p, x)})

Primes == Sieve(2..N)

\* An independent definition: trial division.  The two must agree.
IsPrime(n) == n > 1 /\ \A d \in 2..(n - 1) : ~Divides(d, n)

\* Primes in increasing order, as a sequence, by a recursive function.
sorted[k \in 0..Cardinality(Primes)] ==
  IF k = 0 THEN << >>
  ELSE LET prev == sorted[k - 1]
           rest == Primes \ {prev[i] : i \in DOMAIN prev}
       IN  Append(prev, CHOOSE p \in rest : \A q \in rest : p <= q)

PrimeSeq == sorted[Cardinality(Primes)]

Twins == {p \in Primes : p + 2 \in Primes}

ASSUME N \in Nat /\ N >= 2
ASSUME Primes = {n \in 2..N : IsPrime(n)}
ASSUME \A i \in 1..(Len(PrimeSeq) - 1) : PrimeSeq[i] < PrimeSeq[i + 1]
ASSUME PrintT(<<"primes below", N, PrimeSeq>>)
\* The claim the model is about: at least TwinsBelow twin pairs below N.
ASSUME Cardinality(Twins) >= TwinsBelow
=============================================================================
