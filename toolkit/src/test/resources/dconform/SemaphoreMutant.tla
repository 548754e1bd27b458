------------------------------ MODULE SemaphoreMutant -----------------------------
(* Mutants of the corpus's Semaphore, for conform tests: TLC's graph of this spec is compared with
   the machine of the original, so the comparison must report a mismatch. InitCount # Permits
   changes the initial state; Threshold > 0 blocks P while permits remain.

   A counting semaphore with Permits permits guarding a resource.  P blocks
   while the count is zero; V returns a permit.  Blocked processes sit in
   a wait set and are woken by V, which hands the permit over directly.  *)
EXTENDS Naturals, FiniteSets

CONSTANTS Procs, Permits, InitCount, Threshold

ASSUME Permits \in 1..Cardinality(Procs)

VARIABLES count, pc, blocked

vars == <<count, pc, blocked>>

TypeOK ==
  /\ count \in 0..Permits
  /\ pc \in [Procs -> {"out", "in", "blocked"}]
  /\ blocked \subseteq Procs

Inside == {p \in Procs : pc[p] = "in"}

Init ==
  /\ count = InitCount
  /\ pc = [p \in Procs |-> "out"]
  /\ blocked = {}

P(p) ==
  /\ pc[p] = "out"
  /\ IF count > Threshold
       THEN /\ count' = count - 1
            /\ pc' = [pc EXCEPT ![p] = "in"]
            /\ UNCHANGED blocked
       ELSE /\ pc' = [pc EXCEPT ![p] = "blocked"]
            /\ blocked' = blocked \cup {p}
            /\ UNCHANGED count

\* V wakes some blocked process if there is one, else bumps the count
V(p) ==
  /\ pc[p] = "in"
  /\ \/ /\ blocked = {}
        /\ count' = count + 1
        /\ pc' = [pc EXCEPT ![p] = "out"]
        /\ UNCHANGED blocked
     \/ \E q \in blocked :
           /\ pc' = [pc EXCEPT ![p] = "out", ![q] = "in"]
           /\ blocked' = blocked \ {q}
           /\ UNCHANGED count

Next == \E p \in Procs : P(p) \/ V(p)

Spec == Init /\ [][Next]_vars

Bounded == Cardinality(Inside) <= Permits

Accounting == count + Cardinality(Inside) = Permits

BlockedOnlyWhenFull == blocked # {} => count = 0

BlockedConsistent == blocked = {p \in Procs : pc[p] = "blocked"}

\* wrong on purpose when Permits > 1
Exclusive == Cardinality(Inside) <= 1
=============================================================================
