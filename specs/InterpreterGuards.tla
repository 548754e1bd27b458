-------------------------- MODULE InterpreterGuards --------------------------
(***************************************************************************)
(* PEP 788 interpreter guards (implemented in main for 3.15: gh-149101,    *)
(* PR #149116, commit 2b7c28a4, May 2026).                                 *)
(*                                                                         *)
(* A foreign C thread that wants to call into Python first takes a guard   *)
(* on the interpreter (PyInterpreterGuard_FromView on a view obtained      *)
(* earlier).  While any guard is open, the interpreter does not enter the  *)
(* stage of finalization in which attaching threads are hung.  Once        *)
(* finalization has started, taking a guard fails, forever.  A guard that  *)
(* is never closed makes finalization wait forever (documented: "If an     *)
(* interpreter guard is never closed, the interpreter will infinitely wait *)
(* when trying to enter finalization!").                                   *)
(*                                                                         *)
(* The counter interp->finalization_guards is one atomic word; the         *)
(* finalizer compare-exchanges it from 0 to the sentinel                   *)
(* _PyInterpreterGuard_GUARDS_NOT_ALLOWED.  Here the word is the pair      *)
(* (guards, gateClosed): gateClosed is the sentinel.                       *)
(*                                                                         *)
(* Processes: Fin, the main thread; Holders, foreign C threads, each       *)
(* running one callback: take a guard, PyThreadState_Ensure, run Python,   *)
(* PyThreadState_Release, close the guard.  Threads in Leakers never close *)
(* their guard and keep calling back into Python.                          *)
(*                                                                         *)
(* Action -> CPython source.  The guard functions are named as in         *)
(* Doc/c-api (main); their implementation file is not verified here (the   *)
(* research notes saw only the PR, so "Python/pystate.c" is a guess).      *)
(*   AcquireLoad(h), AcquireCas(h)  PyInterpreterGuard_FromView ->        *)
(*                   try_acquire_interp_guard: load the counter (the       *)
(*                   sentinel: NULL), then compare-exchange it to value+1; *)
(*                   a failed exchange loads again (PR #149116 review).    *)
(*   Ensure(h)       Python/pystate.c: PyThreadState_Ensure: create a      *)
(*                   tstate for the guard's interpreter (new_threadstate)  *)
(*                   and attach (_PyThreadState_Attach -> take_gil with    *)
(*                   its must-exit check).                                 *)
(*   Release(h)      Python/pystate.c: PyThreadState_Release: detach,      *)
(*                   PyThreadState_Clear and delete the tstate Ensure made.*)
(*   CloseGuard(h)   Python/pystate.c: PyInterpreterGuard_Close (counter   *)
(*                   - 1, wake the finalizer when it reaches 0).           *)
(*   FinBlockingIo, FinIoDone, FinMainReturns                              *)
(*                   the main program releases the GIL around I/O, then    *)
(*                   returns (Modules/main.c: pymain_run_python).          *)
(*   FinPreFinCalls  Python/pylifecycle.c: make_pre_finalization_calls:    *)
(*                   wait_for_thread_shutdown, _Py_FinishPendingCalls,     *)
(*                   _PyAtExit_Call.                                       *)
(*   FinTryCloseGate make_pre_finalization_calls: stop the world, then     *)
(*                   compare-exchange finalization_guards 0 -> NOT_ALLOWED;*)
(*                   on failure detach (release the GIL) and wait.         *)
(*   FinGuardsDrained the wait for finalization_guards == 0 ends; attach   *)
(*                   and go round the pre-finalization loop again.         *)
(*   FinSetFinalizing Python/pylifecycle.c: _PyInterpreterState_SetFinalizing,*)
(*                   _PyRuntimeState_SetFinalizing.                        *)
(*   FinDeleteTstates Python/pystate.c: _PyThreadState_RemoveExcept,       *)
(*                   _PyThreadState_SetShuttingDown, _PyThreadState_DeleteList*)
(*   FinDeleteInterp Python/pylifecycle.c: finalize_interp_delete ->       *)
(*                   Python/pystate.c: PyInterpreterState_Delete.          *)
(*                                                                         *)
(* Properties                                                              *)
(*   FinalizerExclusive      after _finalizing is set, no other thread is  *)
(*                           attached.                                     *)
(*   NoDanglingDeref         no thread touches a freed tstate or interp.   *)
(*   NoFinalizationUnderGuard (G1) the gate closes, and _finalizing is set,*)
(*                           only while no guard is open.                  *)
(*   GuardHolderNeverHung    a thread holding a guard is never hung.       *)
(*   GateOneWay              (G2, action property) once closed, the gate   *)
(*                           stays closed: every later AcquireLoad fails.  *)
(*   FinalizerTerminates     (liveness) holds when every guard is closed;  *)
(*                           a leaked guard violates it.                   *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS
    Holders,      \* model values: foreign threads that use guards
    Leakers,      \* subset of Holders that never close their guard
    GuardAcquire  \* "cas" (CPython) | "check_then_add" (mutation)

ASSUME Leakers \subseteq Holders
ASSUME GuardAcquire \in {"cas", "check_then_add"}

VARIABLES
    finPc,        \* the main thread
    gil,          \* "Fin", a holder, or "none"
    guards,       \* interp->finalization_guards (open guards)
    gateClosed,   \* the counter holds _PyInterpreterGuard_GUARDS_NOT_ALLOWED
    finalizing,   \* _finalizing != NULL
    interpFreed,  \* PyInterpreterState_Delete has run
    hPc,          \* holder program counters
    hTstate,      \* holder's tstate: "none", "live", "freed"
    hSeen         \* the counter value a holder loaded before its CAS

vars == <<finPc, gil, guards, gateClosed, finalizing, interpFreed, hPc,
          hTstate, hSeen>>

FinPcs == {"main", "main_io", "prefin", "gate", "wait_guards",
           "set_finalizing", "delete_tstates", "delete_interp", "done"}
HPcs == {"idle", "cas", "guarded", "attached", "released", "refused", "done",
         "hung", "crashed"}

\* The states in which h holds an open guard.
HoldsGuard(h) == hPc[h] \in {"guarded", "attached", "released"}

TypeOK ==
    /\ finPc \in FinPcs
    /\ gil \in {"Fin", "none"} \cup Holders
    /\ guards \in 0..Cardinality(Holders)
    /\ gateClosed \in BOOLEAN
    /\ finalizing \in BOOLEAN
    /\ interpFreed \in BOOLEAN
    /\ hPc \in [Holders -> HPcs]
    /\ hTstate \in [Holders -> {"none", "live", "freed"}]
    /\ hSeen \in [Holders -> 0..Cardinality(Holders)]

Init ==
    /\ finPc = "main"
    /\ gil = "Fin"
    /\ guards = 0
    /\ gateClosed = FALSE
    /\ finalizing = FALSE
    /\ interpFreed = FALSE
    /\ hPc = [h \in Holders |-> "idle"]
    /\ hTstate = [h \in Holders |-> "none"]
    /\ hSeen = [h \in Holders |-> 0]

-----------------------------------------------------------------------------
(* Foreign threads.                                                        *)

\* try_acquire_interp_guard: load the word; the sentinel means refused.  The
\* view is separate memory that outlives the interpreter, so this step never
\* touches the interpreter itself.
\* CPython 3.15-main: PyInterpreterGuard_FromView -> try_acquire_interp_guard: load the counter (Python/pystate.c)
AcquireLoad(h) ==
    /\ hPc[h] = "idle"
    /\ IF gateClosed
         THEN /\ hPc' = [hPc EXCEPT ![h] = "refused"]
              /\ UNCHANGED hSeen
         ELSE /\ hPc' = [hPc EXCEPT ![h] = "cas"]
              /\ hSeen' = [hSeen EXCEPT ![h] = guards]
    /\ UNCHANGED <<finPc, gil, guards, gateClosed, finalizing, interpFreed, hTstate>>

\* GuardAcquire = "cas": compare-exchange seen -> seen + 1; if the word moved
\* (another guard, or the finalizer's sentinel) go round and load again.
\* GuardAcquire = "check_then_add" (a mutation, not CPython): add 1 without
\* comparing, which is what a check followed by an atomic add does without
\* the RW lock of the PR's first draft.
\* CPython 3.15-main: try_acquire_interp_guard: compare-exchange value -> value + 1 (Python/pystate.c)
AcquireCas(h) ==
    /\ hPc[h] = "cas"
    /\ IF GuardAcquire = "check_then_add" \/ (~gateClosed /\ guards = hSeen[h])
         THEN /\ guards' = guards + 1
              /\ hPc' = [hPc EXCEPT ![h] = "guarded"]
         ELSE /\ hPc' = [hPc EXCEPT ![h] = "idle"]
              /\ UNCHANGED guards
    /\ UNCHANGED <<finPc, gil, gateClosed, finalizing, interpFreed, hTstate, hSeen>>

\* new_threadstate reads the interpreter; take_gil's must-exit check hangs
\* the thread if the interpreter is finalizing.
\* CPython 3.15-main: PyThreadState_Ensure: new_threadstate, _PyThreadState_Attach (Python/pystate.c)
Ensure(h) ==
    /\ hPc[h] \in {"guarded", "released"}
    /\ h \in Leakers \/ hPc[h] = "guarded"
    /\ gil = "none"
    /\ IF interpFreed
         THEN /\ hPc' = [hPc EXCEPT ![h] = "crashed"]
              /\ UNCHANGED <<gil, hTstate>>
       ELSE IF finalizing
         THEN /\ hPc' = [hPc EXCEPT ![h] = "hung"]
              /\ hTstate' = [hTstate EXCEPT ![h] = "live"]
              /\ UNCHANGED gil
       ELSE /\ gil' = h
            /\ hPc' = [hPc EXCEPT ![h] = "attached"]
            /\ hTstate' = [hTstate EXCEPT ![h] = "live"]
    /\ UNCHANGED <<hSeen, finPc, guards, gateClosed, finalizing, interpFreed>>

\* CPython 3.15-main: PyThreadState_Release: detach, PyThreadState_Clear, delete (Python/pystate.c)
Release(h) ==
    /\ hPc[h] = "attached"
    /\ IF hTstate[h] = "freed"
         THEN /\ hPc' = [hPc EXCEPT ![h] = "crashed"]
              /\ UNCHANGED <<gil, hTstate>>
         ELSE /\ gil' = "none"
              /\ hTstate' = [hTstate EXCEPT ![h] = "none"]
              /\ hPc' = [hPc EXCEPT ![h] = "released"]
    /\ UNCHANGED <<hSeen, finPc, guards, gateClosed, finalizing, interpFreed>>

\* CPython 3.15-main: PyInterpreterGuard_Close: decrement, wake the finalizer at 0 (Python/pystate.c)
CloseGuard(h) ==
    /\ hPc[h] = "released"
    /\ h \notin Leakers
    /\ guards' = guards - 1
    /\ hPc' = [hPc EXCEPT ![h] = "done"]
    /\ UNCHANGED <<hSeen, finPc, gil, gateClosed, finalizing, interpFreed, hTstate>>

-----------------------------------------------------------------------------
(* The main thread.                                                        *)

\* CPython 3.15-main: the main program releases the GIL around I/O (Modules/main.c)
FinBlockingIo ==
    /\ finPc = "main" /\ gil = "Fin"
    /\ gil' = "none"
    /\ finPc' = "main_io"
    /\ UNCHANGED <<hSeen, guards, gateClosed, finalizing, interpFreed, hPc, hTstate>>

\* CPython 3.15-main: the main program retakes the GIL (Modules/main.c)
FinIoDone ==
    /\ finPc = "main_io" /\ gil = "none"
    /\ gil' = "Fin"
    /\ finPc' = "prefin"
    /\ UNCHANGED <<hSeen, guards, gateClosed, finalizing, interpFreed, hPc, hTstate>>

\* CPython 3.15-main: pymain_run_python returns (Modules/main.c)
FinMainReturns ==
    /\ finPc = "main" /\ gil = "Fin"
    /\ finPc' = "prefin"
    /\ UNCHANGED <<hSeen, gil, guards, gateClosed, finalizing, interpFreed, hPc,
                   hTstate>>

\* CPython 3.15-main: make_pre_finalization_calls: threads, pending calls, atexit (Python/pylifecycle.c)
FinPreFinCalls ==
    /\ finPc = "prefin"
    /\ finPc' = "gate"
    /\ UNCHANGED <<hSeen, gil, guards, gateClosed, finalizing, interpFreed, hPc,
                   hTstate>>

\* CPython 3.15-main: make_pre_finalization_calls: compare-exchange finalization_guards 0 -> NOT_ALLOWED (Python/pylifecycle.c)
FinTryCloseGate ==
    /\ finPc = "gate"
    /\ IF guards = 0
         THEN /\ gateClosed' = TRUE
              /\ finPc' = "set_finalizing"
              /\ UNCHANGED gil
         ELSE /\ gil' = "none"
              /\ finPc' = "wait_guards"
              /\ UNCHANGED gateClosed
    /\ UNCHANGED <<hSeen, guards, finalizing, interpFreed, hPc, hTstate>>

\* CPython 3.15-main: make_pre_finalization_calls: the wait for finalization_guards == 0 ends (Python/pylifecycle.c)
FinGuardsDrained ==
    /\ finPc = "wait_guards"
    /\ guards = 0
    /\ gil = "none"
    /\ gil' = "Fin"
    /\ finPc' = "prefin"
    /\ UNCHANGED <<hSeen, guards, gateClosed, finalizing, interpFreed, hPc, hTstate>>

\* CPython 3.15-main: _PyInterpreterState_SetFinalizing, _PyRuntimeState_SetFinalizing (Python/pylifecycle.c)
FinSetFinalizing ==
    /\ finPc = "set_finalizing"
    /\ finalizing' = TRUE
    /\ finPc' = "delete_tstates"
    /\ UNCHANGED <<hSeen, gil, guards, gateClosed, interpFreed, hPc, hTstate>>

\* CPython 3.15-main: _PyThreadState_RemoveExcept, _PyThreadState_SetShuttingDown, _PyThreadState_DeleteList (Python/pystate.c)
FinDeleteTstates ==
    /\ finPc = "delete_tstates"
    /\ hTstate' = [h \in Holders |->
                     IF hTstate[h] = "live" THEN "freed" ELSE hTstate[h]]
    /\ finPc' = "delete_interp"
    /\ UNCHANGED <<hSeen, gil, guards, gateClosed, finalizing, interpFreed, hPc>>

\* CPython 3.15-main: finalize_interp_delete -> PyInterpreterState_Delete (Python/pylifecycle.c)
FinDeleteInterp ==
    /\ finPc = "delete_interp"
    /\ interpFreed' = TRUE
    /\ finPc' = "done"
    /\ UNCHANGED <<hSeen, gil, guards, gateClosed, finalizing, hPc, hTstate>>

-----------------------------------------------------------------------------
HNext(h) == AcquireLoad(h) \/ AcquireCas(h) \/ Ensure(h) \/ Release(h) \/ CloseGuard(h)

FinNext == FinBlockingIo \/ FinIoDone \/ FinMainReturns \/ FinPreFinCalls
           \/ FinTryCloseGate \/ FinGuardsDrained \/ FinSetFinalizing
           \/ FinDeleteTstates \/ FinDeleteInterp

Next ==
    \/ FinBlockingIo \/ FinIoDone \/ FinMainReturns \/ FinPreFinCalls
    \/ FinTryCloseGate \/ FinGuardsDrained \/ FinSetFinalizing
    \/ FinDeleteTstates \/ FinDeleteInterp
    \/ \E h \in Holders :
         AcquireLoad(h) \/ AcquireCas(h) \/ Ensure(h) \/ Release(h) \/ CloseGuard(h)

\* The GIL comes and goes, so waiting for it needs strong fairness.
Fairness == SF_vars(FinNext) /\ \A h \in Holders : SF_vars(HNext(h))

Spec == Init /\ [][Next]_vars /\ Fairness

-----------------------------------------------------------------------------
FinalizerExclusive ==
    finalizing =>
        /\ gil \in {"Fin", "none"}
        /\ \A h \in Holders : hPc[h] # "attached"

NoDanglingDeref == \A h \in Holders : hPc[h] # "crashed"

\* Stated on the holders' own states, not on the counter: it fails when the
\* counter and the holders disagree (GuardAcquire = "check_then_add").
NoFinalizationUnderGuard ==
    gateClosed => \A h \in Holders : ~HoldsGuard(h)

GuardHolderNeverHung == \A h \in Holders : hPc[h] # "hung"

GateOneWay == [][gateClosed => gateClosed']_vars

FinalizerTerminates == <>(finPc = "done")


-----------------------------------------------------------------------------
(* Witnesses: dangerous situations a fixed model must still reach.         *)

\* PEP 788: a guard holder is attached while the finalizer waits for guards;
\* a late holder is refused after the gate closed; the finalizer reaches
\* the gate with a guard open.
W_AttachedWhileFinalizerWaits ==
    \E h \in Holders : hPc[h] = "attached" /\ finPc = "wait_guards"
W_RefusedAfterGate == \E h \in Holders : hPc[h] = "refused"
W_GuardOpenAtGate == finPc = "gate" /\ guards > 0

\* The races the compare-exchange decides: a holder loaded the word and is
\* about to CAS after another guard moved it, or after the gate closed.
W_CasOnMovedCounter ==
    \E h \in Holders : hPc[h] = "cas" /\ ~gateClosed /\ guards # hSeen[h]
W_CasAfterGateClosed == \E h \in Holders : hPc[h] = "cas" /\ gateClosed

=============================================================================
