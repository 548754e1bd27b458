------------------------------ MODULE TokenRing -----------------------------
(* Dijkstra's K-state self-stabilizing token ring.  Machine 0 is privileged
   when its counter equals its left neighbour's; any other machine when its
   counter differs.  The system starts in an arbitrary configuration.  With
   K >= N it converges to exactly one privilege and stays there.         *)
EXTENDS Naturals, FiniteSets

CONSTANTS N, K

ASSUME N \in 2..6 /\ K \in 2..6

Machines == 0..(N - 1)
Left(i) == IF i = 0 THEN N - 1 ELSE i - 1

VARIABLES c, stable

vars == <<c, stable>>

TypeOK ==
  /\ c \in [Machines -> 0..(K - 1)]
  /\ stable \in BOOLEAN

Privileged(i) ==
  IF i = 0 THEN c[0] = c[N - 1] ELSE c[i] # c[Left(i)]

Holders == {i \in Machines : Privileged(i)}

Init ==
  /\ c \in [Machines -> 0..(K - 1)]
  /\ stable = (Cardinality(Holders) = 1)

Fire(i) ==
  /\ Privileged(i)
  /\ c' = [c EXCEPT ![i] = IF i = 0 THEN (@ + 1) % K ELSE c[Left(i)]]
  /\ LET holders2 == {j \in Machines :
                        IF j = 0 THEN c'[0] = c'[N - 1] ELSE c'[j] # c'[Left(j)]}
     IN  stable' = \/ stable
                   \/ Cardinality(holders2) = 1

Next == \E i \in Machines : Fire(i)

Spec == Init /\ [][Next]_vars

\* there is always someone to move: the ring never deadlocks
SomePrivilege == Holders # {}

\* once a single privilege exists it is never lost or duplicated (needs K >= N)
Closure == stable => Cardinality(Holders) = 1
\* wrong on purpose: an arbitrary start can have many privileges, so this
\* fails already in an initial state
FewPrivileges == Cardinality(Holders) <= 2
=============================================================================
