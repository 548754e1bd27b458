----------------------------- MODULE CASCounter -----------------------------
(* A shared counter incremented by several threads, each Rounds times.
   Each increment reads the counter, then writes back read+1.  With the
   compare-and-swap the write fails (and is retried) if the counter moved;
   with UseCas = FALSE the plain write can lose updates.                 *)
EXTENDS Naturals

CONSTANTS Threads, Rounds, UseCas

ASSUME /\ Rounds \in Nat
       /\ UseCas \in BOOLEAN

VARIABLES counter, local, pc, done

vars == <<counter, local, pc, done>>

TypeOK ==
  /\ counter \in Nat
  /\ local \in [Threads -> Nat]
  /\ pc \in [Threads -> {"read", "write"}]
  /\ done \in [Threads -> 0..Rounds]

Init ==
  /\ counter = 0
  /\ local = [th \in Threads |-> 0]
  /\ pc = [th \in Threads |-> "read"]
  /\ done = [th \in Threads |-> 0]

Read(th) ==
  /\ pc[th] = "read"
  /\ done[th] < Rounds
  /\ local' = [local EXCEPT ![th] = counter]
  /\ pc' = [pc EXCEPT ![th] = "write"]
  /\ UNCHANGED <<counter, done>>

Write(th) ==
  /\ pc[th] = "write"
  /\ CASE UseCas /\ counter = local[th] ->
            /\ counter' = local[th] + 1
            /\ done' = [done EXCEPT ![th] = @ + 1]
       [] UseCas ->                              \* CAS failed: retry
            UNCHANGED <<counter, done>>
       [] OTHER ->                               \* blind write
            /\ counter' = local[th] + 1
            /\ done' = [done EXCEPT ![th] = @ + 1]
  /\ pc' = [pc EXCEPT ![th] = "read"]
  /\ UNCHANGED local

AllDone == \A th \in Threads : done[th] = Rounds

Terminated == AllDone /\ UNCHANGED vars

Next == (\E th \in Threads : Read(th) \/ Write(th)) \/ Terminated

Spec == Init /\ [][Next]_vars

Sum(f) ==
  LET S[D \in SUBSET DOMAIN f] ==
        IF D = {} THEN 0
        ELSE LET x == CHOOSE y \in D : TRUE IN f[x] + S[D \ {x}]
  IN  S[DOMAIN f]

NoLostUpdate == counter = Sum(done)
=============================================================================
