---- MODULE Proofs ----
EXTENDS Naturals
CONSTANT N
ASSUME NType == N \in Nat
USE NType
THEOREM Simple == N + 0 = N
  OBVIOUS
LEMMA Steps == \A n \in Nat : n + 0 = n
<1>1. TAKE n \in Nat
<1>2. n + 0 = n
  BY <1>1
<1> QED
  BY <1>2 DEF NType
THEOREM Structured ==
  /\ N >= 0
  /\ N + 1 > N
PROOF
  <1>1. N >= 0 BY NType
  <1>2. N + 1 > N
    PROOF OBVIOUS
  <1>3. QED BY <1>1, <1>2
HIDE DEF NType
After == N
====
