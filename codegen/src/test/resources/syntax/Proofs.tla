---- MODULE Proofs ----
EXTENDS Naturals
CONSTANT N
VARIABLE x
ASSUME NPos == N > 0
AXIOM Ax == N \in Nat
Inc == x' = x + 1
USE NPos
HIDE DEF Inc
THEOREM Simple == N + 0 = N
  OBVIOUS
LEMMA Omitted == N >= 0
  PROOF OMITTED
PROPOSITION Only == N > 0
  BY ONLY NPos
COROLLARY Module == TRUE
  BY MODULE Naturals DEFS Inc
THEOREM Assume == ASSUME NEW n \in Nat, NEW CONSTANT c, NEW VARIABLE v, NEW F(_),
                         NEW m, CONSTANT d, STATE s, ACTION a, TEMPORAL t,
                         n > 0,
                         ASSUME n > 1 PROVE n > 0
                  PROVE n + 1 > 1
<1>a. n + 1 > n
  <2>1. n >= 0 OBVIOUS
  <2> QED BY <2>1
<1>1. SUFFICES ASSUME n > 0 PROVE n + 1 > 1
  OBVIOUS
<1>2. CASE n = 1
  BY <1>a
<1>3. PICK k \in Nat : k = n
  OBVIOUS
<1>4. HAVE n > 0
<1>5. TAKE i \in Nat
<1>6. WITNESS 1, 2
<1> DEFINE Sq(z) == z * z
           Cube(z) == z * z * z
<1> Double(z) == z + z
<1> M == INSTANCE Naturals
<1> INSTANCE Naturals
<1>7. Sq(2) = 4
  BY DEF Sq
<1> USE <1>a DEF Sq
<1> HIDE <1>a
<1>8. /\ n > 0
      /\ n + 1 > 0
  BY <1>1, <1>a
<1> QED
  PROOF BY <1>a, <1>1, <1>8
THEOREM Steps == \A n \in Nat : n + 0 = n
<1> TAKE n \in Nat
<1> QED OBVIOUS
THEOREM Bare == TRUE
  PROOF
  <1>1 TRUE OBVIOUS
  <1> QED BY <1>1
THEOREM Relative == TRUE
<*> TRUE
  <+> TRUE OBVIOUS
  <*> QED OBVIOUS
<*> QED OBVIOUS
After == N
====
