------------------------------- MODULE DieHard ------------------------------
(* Two jugs of capacities Small and Big, a tap and a drain.  Can we measure
   exactly Goal gallons?  The _violation config asks TLC for a witness.    *)
EXTENDS Integers

CONSTANTS Small, Big, Goal

ASSUME /\ Small \in Nat /\ Big \in Nat
       /\ 0 < Small /\ Small < Big
       /\ Goal \in 0..Big

VARIABLES small, big

vars == <<small, big>>

Min(a, b) == IF a < b THEN a ELSE b

TypeOK == small \in 0..Small /\ big \in 0..Big

Init == small = 0 /\ big = 0

FillSmall  == small' = Small /\ big' = big
FillBig    == big' = Big /\ small' = small
EmptySmall == small' = 0 /\ big' = big
EmptyBig   == big' = 0 /\ small' = small

SmallToBig ==
  LET amount == Min(small, Big - big)
  IN  /\ small' = small - amount
      /\ big' = big + amount

BigToSmall ==
  LET amount == Min(big, Small - small)
  IN  /\ big' = big - amount
      /\ small' = small + amount

Next == \/ FillSmall \/ FillBig
        \/ EmptySmall \/ EmptyBig
        \/ SmallToBig \/ BigToSmall

Spec == Init /\ [][Next]_vars

NotSolved == big # Goal

\* total water only changes by whole jugs; a cheap arithmetic sanity check
Conservation == small + big <= Small + Big
=============================================================================
