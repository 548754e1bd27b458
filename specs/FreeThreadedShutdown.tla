------------------------- MODULE FreeThreadedShutdown -------------------------
(***************************************************************************)
(* Free-threaded build (Py_GIL_DISABLED): how Py_FinalizeEx deletes the    *)
(* thread states of daemon threads that are still running.                 *)
(*                                                                         *)
(* With no GIL, daemon threads run in parallel with the finalizer.  The    *)
(* only thing that keeps them out is the per-thread state word             *)
(* tstate->state (ATTACHED, DETACHED, SUSPENDED, and since 3.14            *)
(* SHUTTING_DOWN) together with stop-the-world.                            *)
(*                                                                         *)
(* Switches                                                                *)
(*   StwBeforeDelete   gh-116522, PR #116607 (3.13): stop the world before *)
(*                     unlinking and deleting the other thread states.     *)
(*                     FALSE = 3.13 development before March 2024: the     *)
(*                     finalizer clears a tstate whose thread is running.  *)
(*   ShuttingDownState gh-124149 / gh-124878, PR #130649 (3.14): a         *)
(*                     refcount on the tstate (2: the list and the OS      *)
(*                     thread), the state _Py_THREAD_SHUTTING_DOWN set on  *)
(*                     every removed tstate together with an unpark, and a *)
(*                     must-exit predicate that reads tstate->state.       *)
(*                     FALSE = 3.13: a daemon that stop-the-world left     *)
(*                     SUSPENDED stays parked on &tstate->state, which     *)
(*                     DeleteList frees.                                   *)
(*                                                                         *)
(* Action -> CPython source                                                *)
(*   TDetach(t)        Python/pystate.c: _PyThreadState_Detach ->          *)
(*                     detach_thread (state := DETACHED).                  *)
(*   TSuspend(t)       Python/ceval_gil.c: _Py_HandlePending sees          *)
(*                     _PY_EVAL_PLEASE_STOP_BIT -> Python/pystate.c:       *)
(*                     _PyThreadState_Suspend (state := SUSPENDED,         *)
(*                     countdown), then _PyThreadState_Attach again.       *)
(*   TBeginAttach(t)   the blocking call returns; Py_END_ALLOW_THREADS.    *)
(*   TAttach(t)        Python/pystate.c: _PyThreadState_Attach ->          *)
(*                     _PyEval_AcquireLock -> Python/ceval_gil.c: take_gil *)
(*                     check C1 (_PyThreadState_MustExit), then            *)
(*                     tstate_try_attach (CAS DETACHED -> ATTACHED) or     *)
(*                     tstate_wait_attach (park while SUSPENDED; 3.14:     *)
(*                     _PyThreadState_HangThread on SHUTTING_DOWN).        *)
(*   TWake(t)          Python/pystate.c: tstate_wait_attach after          *)
(*                     _PyParkingLot_Park returns: re-read the state.      *)
(*   FinStopWorld      Python/pystate.c: _PyEval_StopTheWorldAll ->        *)
(*                     stop_the_world: requested = 1, park_detached_threads*)
(*                     (DETACHED -> SUSPENDED, PLEASE_STOP on ATTACHED).   *)
(*   FinStopWorldPark  stop_the_world loop: park_detached_threads again.   *)
(*   FinWorldStopped   stop_the_world: countdown reached 0,                *)
(*                     world_stopped = 1.                                  *)
(*   FinSetFinalizing  Python/pylifecycle.c: _Py_Finalize ->               *)
(*                     _PyInterpreterState_SetFinalizing,                  *)
(*                     _PyRuntimeState_SetFinalizing.                      *)
(*   FinRemoveExcept   Python/pystate.c: _PyThreadState_RemoveExcept       *)
(*                     (unlink under HEAD_LOCK); before PR #116607 the     *)
(*                     unlink half of _PyThreadState_DeleteExcept.         *)
(*   FinSetShuttingDown Python/pystate.c: _PyThreadState_SetShuttingDown   *)
(*                     (state := SHUTTING_DOWN, _PyParkingLot_UnparkAll).  *)
(*   FinStartWorld     Python/pystate.c: _PyEval_StartTheWorldAll ->       *)
(*                     start_the_world: only threads still in the list go  *)
(*                     SUSPENDED -> DETACHED and are unparked.             *)
(*   FinClear          Python/pystate.c: _PyThreadState_DeleteList ->      *)
(*                     PyThreadState_Clear (destructors run).              *)
(*   FinRelease        Python/pystate.c: _PyThreadState_DeleteList ->      *)
(*                     free_threadstate (3.13) or decref_threadstate (3.14)*)
(*                                                                         *)
(* Properties                                                              *)
(*   ExclusiveDuringDelete (row 11) a thread state is cleared or freed     *)
(*                     only while its thread is not running Python code.   *)
(*   NoDanglingDeref   no thread reads or writes its freed tstate.         *)
(*   NoParkedOnFreed   (row 12) no thread is parked on the state word of a *)
(*                     freed tstate.                                       *)
(*   FinalizerTerminates (liveness) the finalizer finishes deleting.       *)
(***************************************************************************)
EXTENDS Naturals

CONSTANTS
    Daemons,            \* model values: daemon threads still running
    StwBeforeDelete,    \* gh-116522 fix
    ShuttingDownState   \* gh-124878 fix (refcount + SHUTTING_DOWN)

ASSUME StwBeforeDelete \in BOOLEAN /\ ShuttingDownState \in BOOLEAN

VARIABLES
    finPc,       \* the finalizing thread
    finalizing,  \* _PyRuntime._finalizing != NULL
    st,          \* tstate->state of each daemon's tstate
    pc,          \* daemon program counters
    pleaseStop,  \* _PY_EVAL_PLEASE_STOP_BIT in the daemon's eval breaker
    linked,      \* the tstate is in interp->threads
    del,         \* deletion progress: "pending", "cleared", "released"
    refcnt,      \* _PyThreadStateImpl.refcount (3.14)
    freed        \* the tstate memory has been freed

vars == <<finPc, finalizing, st, pc, pleaseStop, linked, del, refcnt, freed>>

States == {"attached", "detached", "suspended", "shutting_down"}
TPcs == {"running", "blocking", "attach", "parked", "hung", "exited",
         "crashed"}
FinPcs == {"main", "stw_wait", "set_finalizing", "remove", "shut_down",
           "start_world", "delete", "done"}

TypeOK ==
    /\ finPc \in FinPcs
    /\ finalizing \in BOOLEAN
    /\ st \in [Daemons -> States]
    /\ pc \in [Daemons -> TPcs]
    /\ pleaseStop \in [Daemons -> BOOLEAN]
    /\ linked \in [Daemons -> BOOLEAN]
    /\ del \in [Daemons -> {"pending", "cleared", "released"}]
    /\ refcnt \in [Daemons -> 0..2]
    /\ freed \in [Daemons -> BOOLEAN]

Init ==
    /\ finPc = "main"
    /\ finalizing = FALSE
    /\ st = [t \in Daemons |-> "attached"]
    /\ pc = [t \in Daemons |-> "running"]
    /\ pleaseStop = [t \in Daemons |-> FALSE]
    /\ linked = [t \in Daemons |-> TRUE]
    /\ del = [t \in Daemons |-> "pending"]
    /\ refcnt = [t \in Daemons |-> 2]
    /\ freed = [t \in Daemons |-> FALSE]

\* A step of thread t that reads or writes its own tstate: if the memory is
\* already freed the thread crashes instead.
Crash(t) ==
    /\ pc' = [pc EXCEPT ![t] = "crashed"]
    /\ UNCHANGED <<st, refcnt, freed>>

\* 3.14: drop one reference; the last one frees.
Decref(t) ==
    /\ refcnt' = [refcnt EXCEPT ![t] = @ - 1]
    /\ freed' = [freed EXCEPT ![t] = (refcnt[t] = 1)]

-----------------------------------------------------------------------------
(* Daemon threads.                                                         *)

\* CPython 3.13-main: _PyThreadState_Detach (Python/pystate.c)
TDetach(t) ==
    /\ pc[t] = "running" /\ ~pleaseStop[t]
    /\ IF freed[t] THEN Crash(t)
       ELSE /\ st' = [st EXCEPT ![t] = "detached"]
            /\ pc' = [pc EXCEPT ![t] = "blocking"]
            /\ UNCHANGED <<refcnt, freed>>
    /\ UNCHANGED <<finPc, finalizing, pleaseStop, linked, del>>

\* CPython 3.13-main: _PyThreadState_Suspend, decrement the stop countdown (Python/pystate.c)
TSuspend(t) ==
    /\ pc[t] = "running" /\ pleaseStop[t]
    /\ IF freed[t] THEN Crash(t) /\ UNCHANGED pleaseStop
       ELSE /\ st' = [st EXCEPT ![t] = "suspended"]
            /\ pleaseStop' = [pleaseStop EXCEPT ![t] = FALSE]
            /\ pc' = [pc EXCEPT ![t] = "attach"]
            /\ UNCHANGED <<refcnt, freed>>
    /\ UNCHANGED <<finPc, finalizing, linked, del>>

\* CPython 3.13-main: _PyThreadState_Attach: CAS DETACHED -> ATTACHED or park (Python/pystate.c)
TBeginAttach(t) ==
    /\ pc[t] = "blocking"
    /\ pc' = [pc EXCEPT ![t] = "attach"]
    /\ UNCHANGED <<finPc, finalizing, st, pleaseStop, linked, del, refcnt,
                   freed>>

\* 3.13: C1 reads only _PyRuntime._finalizing and exits the thread
\* (PyThread_exit_thread) without touching the tstate.  3.14: C1 reads
\* tstate->state, as does the CAS.
\* CPython 3.13-main: _PyThreadState_Attach succeeds (Python/pystate.c)
TAttach(t) ==
    /\ pc[t] = "attach"
    /\ IF ~ShuttingDownState /\ finalizing
         THEN /\ pc' = [pc EXCEPT ![t] = "exited"]
              /\ UNCHANGED <<st, refcnt, freed>>
       ELSE IF freed[t] THEN Crash(t)
       ELSE CASE st[t] = "detached" ->
                   /\ st' = [st EXCEPT ![t] = "attached"]
                   /\ pc' = [pc EXCEPT ![t] = "running"]
                   /\ UNCHANGED <<refcnt, freed>>
              [] st[t] = "suspended" ->
                   /\ pc' = [pc EXCEPT ![t] = "parked"]
                   /\ UNCHANGED <<st, refcnt, freed>>
              [] st[t] = "shutting_down" ->
                   /\ pc' = [pc EXCEPT ![t] = "hung"]
                   /\ Decref(t)
                   /\ UNCHANGED st
              [] st[t] = "attached" ->   \* cannot happen: only t attaches
                   UNCHANGED <<pc, st, refcnt, freed>>
    /\ UNCHANGED <<finPc, finalizing, pleaseStop, linked, del>>

\* Woken by an unpark once the state word is no longer SUSPENDED.
\* CPython 3.13-main: tstate_wait_attach wakes: SHUTTING_DOWN hangs 3.14+ (Python/pystate.c)
TWake(t) ==
    /\ pc[t] = "parked"
    /\ st[t] # "suspended"
    /\ IF freed[t] THEN Crash(t)
       ELSE IF st[t] = "shutting_down"
         THEN /\ pc' = [pc EXCEPT ![t] = "hung"]
              /\ Decref(t)
              /\ UNCHANGED st
         ELSE /\ st' = [st EXCEPT ![t] = "attached"]
              /\ pc' = [pc EXCEPT ![t] = "running"]
              /\ UNCHANGED <<refcnt, freed>>
    /\ UNCHANGED <<finPc, finalizing, pleaseStop, linked, del>>

-----------------------------------------------------------------------------
(* The finalizing thread.                                                  *)

\* park_detached_threads over the threads still in the list.
Parked(s) == [t \in Daemons |->
                IF linked[t] /\ s[t] = "detached" THEN "suspended" ELSE s[t]]
Asked == [t \in Daemons |->
            pleaseStop[t] \/ (linked[t] /\ st[t] = "attached")]

\* CPython 3.13-main: _PyEval_StopTheWorldAll: request the stop (Python/pystate.c)
FinStopWorld ==
    /\ finPc = "main" /\ StwBeforeDelete
    /\ st' = Parked(st)
    /\ pleaseStop' = Asked
    /\ finPc' = "stw_wait"
    /\ UNCHANGED <<finalizing, pc, linked, del, refcnt, freed>>

\* CPython 3.13-main: stop_the_world: park on the countdown (Python/pystate.c)
FinStopWorldPark ==
    /\ finPc = "stw_wait"
    /\ \E t \in Daemons :
         linked[t] /\ (st[t] = "detached" \/ (st[t] = "attached" /\ ~pleaseStop[t]))
    /\ st' = Parked(st)
    /\ pleaseStop' = Asked
    /\ UNCHANGED <<finPc, finalizing, pc, linked, del, refcnt, freed>>

\* CPython 3.13-main: stop_the_world: every thread suspended (Python/pystate.c)
FinWorldStopped ==
    /\ finPc = "stw_wait"
    /\ \A t \in Daemons : linked[t] => st[t] = "suspended"
    /\ finPc' = "set_finalizing"
    /\ UNCHANGED <<finalizing, st, pc, pleaseStop, linked, del, refcnt, freed>>

\* CPython 3.13-main: _PyInterpreterState_SetFinalizing, _PyRuntimeState_SetFinalizing (Python/pylifecycle.c)
FinSetFinalizing ==
    /\ finPc = IF StwBeforeDelete THEN "set_finalizing" ELSE "main"
    /\ finalizing' = TRUE
    /\ finPc' = "remove"
    /\ UNCHANGED <<st, pc, pleaseStop, linked, del, refcnt, freed>>

\* CPython 3.13-main: _PyThreadState_RemoveExcept (Python/pystate.c)
FinRemoveExcept ==
    /\ finPc = "remove"
    /\ linked' = [t \in Daemons |-> FALSE]
    /\ finPc' = IF ShuttingDownState THEN "shut_down"
                ELSE IF StwBeforeDelete THEN "start_world"
                ELSE "delete"
    /\ UNCHANGED <<finalizing, st, pc, pleaseStop, del, refcnt, freed>>

\* CPython 3.14-main: _PyThreadState_SetShuttingDown (Python/pystate.c)
FinSetShuttingDown ==
    /\ finPc = "shut_down"
    /\ st' = [t \in Daemons |-> "shutting_down"]
    /\ finPc' = IF StwBeforeDelete THEN "start_world" ELSE "delete"
    /\ UNCHANGED <<finalizing, pc, pleaseStop, linked, del, refcnt, freed>>

\* CPython 3.13-main: _PyEval_StartTheWorldAll (Python/pystate.c)
FinStartWorld ==
    /\ finPc = "start_world"
    /\ st' = [t \in Daemons |->
                IF linked[t] /\ st[t] = "suspended" THEN "detached" ELSE st[t]]
    /\ finPc' = "delete"
    /\ UNCHANGED <<finalizing, pc, pleaseStop, linked, del, refcnt, freed>>

\* _PyThreadState_DeleteList walks the list in order: Clear, then release,
\* one tstate at a time.  CHOOSE fixes the order.
\* CPython 3.13-main: _PyThreadState_DeleteList: PyThreadState_Clear (Python/pystate.c)
FinClear ==
    /\ finPc = "delete"
    /\ \A u \in Daemons : del[u] # "cleared"
    /\ \E u \in Daemons : del[u] = "pending"
    /\ LET t == CHOOSE u \in Daemons : del[u] = "pending"
       IN del' = [del EXCEPT ![t] = "cleared"]
    /\ UNCHANGED <<finPc, finalizing, st, pc, pleaseStop, linked, refcnt,
                   freed>>

\* CPython 3.13-main: _PyThreadState_DeleteList: free_threadstate 3.13, decref_threadstate 3.14+ (Python/pystate.c)
FinRelease ==
    /\ finPc = "delete"
    /\ \E u \in Daemons : del[u] = "cleared"
    /\ LET t == CHOOSE u \in Daemons : del[u] = "cleared"
       IN /\ del' = [del EXCEPT ![t] = "released"]
          /\ IF ShuttingDownState
               THEN Decref(t)
               ELSE /\ freed' = [freed EXCEPT ![t] = TRUE]
                    /\ UNCHANGED refcnt
          /\ finPc' = IF \A u \in Daemons \ {t} : del[u] = "released"
                        THEN "done" ELSE "delete"
    /\ UNCHANGED <<finalizing, st, pc, pleaseStop, linked>>

-----------------------------------------------------------------------------
TNext(t) == TDetach(t) \/ TSuspend(t) \/ TBeginAttach(t) \/ TAttach(t)
            \/ TWake(t)

FinNext == FinStopWorld \/ FinStopWorldPark \/ FinWorldStopped
           \/ FinSetFinalizing \/ FinRemoveExcept \/ FinSetShuttingDown
           \/ FinStartWorld \/ FinClear \/ FinRelease

Next ==
    \/ FinStopWorld \/ FinStopWorldPark \/ FinWorldStopped
    \/ FinSetFinalizing \/ FinRemoveExcept \/ FinSetShuttingDown
    \/ FinStartWorld \/ FinClear \/ FinRelease
    \/ \E t \in Daemons :
         TDetach(t) \/ TSuspend(t) \/ TBeginAttach(t) \/ TAttach(t)
         \/ TWake(t)

\* FinWorldStopped is enabled only at moments when every daemon is
\* suspended, hence strong fairness for the finalizer.
Fairness == SF_vars(FinNext) /\ \A t \in Daemons : WF_vars(TNext(t))

Spec == Init /\ [][Next]_vars /\ Fairness

-----------------------------------------------------------------------------
ExclusiveDuringDelete ==
    \A t \in Daemons : del[t] # "pending" => pc[t] # "running"

NoDanglingDeref == \A t \in Daemons : pc[t] # "crashed"

NoParkedOnFreed == \A t \in Daemons : pc[t] = "parked" => ~freed[t]

FinalizerTerminates == <>(finPc = "done")


-----------------------------------------------------------------------------
(* Witnesses: dangerous situations a fixed model must still reach.         *)

\* gh-124149 / gh-116522: a daemon parked in tstate_wait_attach while the
\* finalizer is deleting (or has deleted) its tstate.
W_ParkedWhileDeleted == \E t \in Daemons : pc[t] = "parked" /\ del[t] # "pending"

\* gh-124149 fix: a parked daemon sees SHUTTING_DOWN.
W_ParkedSeesShuttingDown ==
    \E t \in Daemons : pc[t] = "parked" /\ st[t] = "shutting_down"

\* gh-124878 refcount: a hung thread's tstate is later freed.
W_HungThenFreed == \E t \in Daemons : pc[t] = "hung" /\ freed[t]

=============================================================================
