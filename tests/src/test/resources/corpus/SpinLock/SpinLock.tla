------------------------------ MODULE SpinLock ------------------------------
(* A test-and-set spinlock shared by a set of interchangeable processes.
   TestAndSet atomically reads the old value of the lock and sets it.
   Processes are model values, so the model can use symmetry reduction.  *)
EXTENDS Naturals, FiniteSets, TLC

CONSTANTS Procs, MaxEntries

ASSUME /\ Procs # {}
       /\ MaxEntries \in Nat

VARIABLES lock, pc, got, entries

vars == <<lock, pc, got, entries>>

TypeOK ==
  /\ lock \in BOOLEAN
  /\ pc \in [Procs -> {"spin", "test", "cs", "release"}]
  /\ got \in [Procs -> BOOLEAN]
  /\ entries \in 0..MaxEntries

Init ==
  /\ lock = FALSE
  /\ pc = [p \in Procs |-> "spin"]
  /\ got = [p \in Procs |-> FALSE]
  /\ entries = 0

TestAndSet(p) ==
  /\ pc[p] = "spin"
  /\ got' = [got EXCEPT ![p] = ~lock]     \* success iff lock was free
  /\ lock' = TRUE
  /\ pc' = [pc EXCEPT ![p] = "test"]
  /\ UNCHANGED entries

Test(p) ==
  /\ pc[p] = "test"
  /\ pc' = [pc EXCEPT ![p] = IF got[p] THEN "cs" ELSE "spin"]
  /\ UNCHANGED <<lock, got, entries>>

Critical(p) ==
  /\ pc[p] = "cs"
  /\ entries < MaxEntries
  /\ entries' = entries + 1
  /\ pc' = [pc EXCEPT ![p] = "release"]
  /\ UNCHANGED <<lock, got>>

Release(p) ==
  /\ pc[p] = "release"
  /\ lock' = FALSE
  /\ got' = [got EXCEPT ![p] = FALSE]
  /\ pc' = [pc EXCEPT ![p] = "spin"]
  /\ UNCHANGED entries

\* once the entry budget is spent, everybody stops: allowed terminal state
Done == /\ entries = MaxEntries
        /\ \A p \in Procs : pc[p] # "cs"
        /\ UNCHANGED vars

Next == \/ \E p \in Procs : \/ TestAndSet(p)
                            \/ Test(p)
                            \/ Critical(p)
                            \/ Release(p)
        \/ Done

Spec == Init /\ [][Next]_vars

MutualExclusion == Cardinality({p \in Procs : pc[p] \in {"cs", "release"}}) <= 1

LockHeldWhenInside == (\E p \in Procs : pc[p] \in {"cs", "release"}) => lock

Symm == Permutations(Procs)
=============================================================================
