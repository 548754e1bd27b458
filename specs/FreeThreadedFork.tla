--------------------------- MODULE FreeThreadedFork ---------------------------
(***************************************************************************)
(* Free-threaded build (Py_GIL_DISABLED): what the child of os.fork()      *)
(* inherits.  fork() copies memory as it is at one instant; only the       *)
(* forking thread survives in the child.  Anything another thread was in   *)
(* the middle of changing is copied half-done, and any lock another thread *)
(* held stays locked forever in the child.                                 *)
(*                                                                         *)
(* gh-116522, PR #116607 (colesbury, March 2024, 3.13) made                *)
(* PyOS_BeforeFork (1) stop the world, so no Python thread is between two  *)
(* bytecodes' worth of object updates, and (2) then take the runtime lock  *)
(* HEAD_LOCK(&_PyRuntime), which protects data that stop-the-world does    *)
(* not: a C thread that is creating a thread state                         *)
(* (PyGILState_Ensure -> new_threadstate) holds HEAD_LOCK while it is not  *)
(* attached, so stop-the-world does not wait for it.                       *)
(*                                                                         *)
(* Switches: StwBeforeFork (1) and HeadLockBeforeFork (2).  Before the fix *)
(* neither existed in the free-threaded build (the GIL, which used to make *)
(* fork safe, is gone there).                                              *)
(*                                                                         *)
(* Processes: F, the thread calling os.fork(); P, a Python thread that     *)
(* mutates objects while attached; C, a foreign C thread that calls        *)
(* PyGILState_Ensure once.                                                 *)
(*                                                                         *)
(* Action -> CPython source                                                *)
(*   PMutateBegin/End  P updates an object (several stores, no eval-       *)
(*                     breaker check in between; e.g. a dict resize).      *)
(*   PDetach, PBeginAttach, PAttach, PWake, PSuspend                       *)
(*                     Python/pystate.c: _PyThreadState_Detach,            *)
(*                     _PyThreadState_Attach (tstate_try_attach /          *)
(*                     tstate_wait_attach), _PyThreadState_Suspend on      *)
(*                     _PY_EVAL_PLEASE_STOP_BIT (Python/ceval_gil.c:       *)
(*                     _Py_HandlePending).                                 *)
(*   CLockHead         Python/pystate.c: PyGILState_Ensure ->              *)
(*                     new_threadstate: HEAD_LOCK(runtime).                *)
(*   CUnlockHead       new_threadstate: init_threadstate (state SUSPENDED  *)
(*                     if a stop-the-world is requested, else DETACHED),   *)
(*                     add_threadstate, HEAD_UNLOCK.                       *)
(*   CAttach, CWake    PyGILState_Ensure -> PyEval_RestoreThread ->        *)
(*                     _PyThreadState_Attach.                              *)
(*   FStopWorld, FStopWorldPark, FWorldStopped                             *)
(*                     Modules/posixmodule.c: PyOS_BeforeFork ->           *)
(*                     Python/pystate.c: _PyEval_StopTheWorldAll           *)
(*                     (stop_the_world takes HEAD_LOCK to scan the list).  *)
(*   FLockHead         Modules/posixmodule.c: PyOS_BeforeFork ->           *)
(*                     HEAD_LOCK(&_PyRuntime).                             *)
(*   FFork             Modules/posixmodule.c: os_fork_impl -> fork().      *)
(*   FAfterForkParent  Modules/posixmodule.c: PyOS_AfterFork_Parent:       *)
(*                     HEAD_UNLOCK, _PyEval_StartTheWorldAll.              *)
(*                     (The child restarts the world inside                *)
(*                     _PyThreadState_DeleteExcept, which takes HEAD_LOCK: *)
(*                     it deadlocks if the lock was inherited locked.)     *)
(*                                                                         *)
(* Property ForkSafe: the child inherits no half-updated object and no     *)
(* HEAD_LOCK held by a thread that does not exist in the child.            *)
(***************************************************************************)
EXTENDS Naturals

CONSTANTS
    StwBeforeFork,       \* PyOS_BeforeFork stops the world
    HeadLockBeforeFork   \* PyOS_BeforeFork then takes HEAD_LOCK

ASSUME StwBeforeFork \in BOOLEAN /\ HeadLockBeforeFork \in BOOLEAN

Others == {"P", "C"}

VARIABLES
    fPc,         \* the forking thread
    headLock,    \* holder of HEAD_LOCK: "none", "F", "C"
    stwReq,      \* a stop-the-world is requested
    st,          \* tstate->state of P and C ("none": C has no tstate yet)
    pc,          \* program counters of P and C
    pleaseStop,  \* _PY_EVAL_PLEASE_STOP_BIT of P and C
    child        \* what the child inherited: "none" before the fork, then
                 \* "clean", "half_updated" or "head_lock_held"

vars == <<fPc, headLock, stwReq, st, pc, pleaseStop, child>>

TypeOK ==
    /\ fPc \in {"running", "stw_wait", "lock_head", "fork", "after", "done"}
    /\ headLock \in {"none", "F", "C"}
    /\ stwReq \in BOOLEAN
    /\ st \in [Others -> {"none", "attached", "detached", "suspended"}]
    /\ pc \in [Others -> {"idle", "creating", "running", "mutating",
                          "blocking", "attach", "parked", "done"}]
    /\ pleaseStop \in [Others -> BOOLEAN]
    /\ child \in {"none", "clean", "half_updated", "head_lock_held"}

Init ==
    /\ fPc = "running"
    /\ headLock = "none"
    /\ stwReq = FALSE
    /\ st = [t \in Others |-> IF t = "P" THEN "attached" ELSE "none"]
    /\ pc = [t \in Others |-> IF t = "P" THEN "running" ELSE "idle"]
    /\ pleaseStop = [t \in Others |-> FALSE]
    /\ child = "none"

-----------------------------------------------------------------------------
(* Attach and detach, shared by P and C.                                   *)

\* CPython 3.13-main: _PyThreadState_Detach (Python/pystate.c)
Detach(t) ==
    /\ pc[t] = "running" /\ ~pleaseStop[t]
    /\ st' = [st EXCEPT ![t] = "detached"]
    /\ pc' = [pc EXCEPT ![t] = IF t = "C" THEN "done" ELSE "blocking"]
    /\ UNCHANGED <<fPc, headLock, stwReq, pleaseStop, child>>

\* CPython 3.13-main: _PyThreadState_Suspend (Python/pystate.c)
Suspend(t) ==
    /\ pc[t] = "running" /\ pleaseStop[t]
    /\ st' = [st EXCEPT ![t] = "suspended"]
    /\ pleaseStop' = [pleaseStop EXCEPT ![t] = FALSE]
    /\ pc' = [pc EXCEPT ![t] = "attach"]
    /\ UNCHANGED <<fPc, headLock, stwReq, child>>

\* CPython 3.13-main: _PyThreadState_Attach succeeds (Python/pystate.c)
Attach(t) ==
    /\ pc[t] = "attach"
    /\ IF st[t] = "detached"
         THEN /\ st' = [st EXCEPT ![t] = "attached"]
              /\ pc' = [pc EXCEPT ![t] = "running"]
         ELSE /\ pc' = [pc EXCEPT ![t] = "parked"]   \* SUSPENDED
              /\ UNCHANGED st
    /\ UNCHANGED <<fPc, headLock, stwReq, pleaseStop, child>>

\* CPython 3.13-main: tstate_wait_attach wakes (Python/pystate.c)
Wake(t) ==
    /\ pc[t] = "parked" /\ st[t] = "detached"
    /\ st' = [st EXCEPT ![t] = "attached"]
    /\ pc' = [pc EXCEPT ![t] = "running"]
    /\ UNCHANGED <<fPc, headLock, stwReq, pleaseStop, child>>

(* P only.                                                                 *)

\* CPython 3.13-main: an attached thread begins an update of several stores, e.g. a dict resize (Objects/dictobject.c)
PMutateBegin ==
    /\ pc["P"] = "running" /\ ~pleaseStop["P"]
    /\ pc' = [pc EXCEPT !["P"] = "mutating"]
    /\ UNCHANGED <<fPc, headLock, stwReq, st, pleaseStop, child>>

\* CPython 3.13-main: the update is complete (Objects/dictobject.c)
PMutateEnd ==
    /\ pc["P"] = "mutating"
    /\ pc' = [pc EXCEPT !["P"] = "running"]
    /\ UNCHANGED <<fPc, headLock, stwReq, st, pleaseStop, child>>

\* CPython 3.13-main: _PyThreadState_Attach (Python/pystate.c)
PBeginAttach ==
    /\ pc["P"] = "blocking"
    /\ pc' = [pc EXCEPT !["P"] = "attach"]
    /\ UNCHANGED <<fPc, headLock, stwReq, st, pleaseStop, child>>

(* C only: PyGILState_Ensure creates its thread state under HEAD_LOCK.     *)

\* CPython 3.13-main: PyGILState_Ensure -> new_threadstate: HEAD_LOCK while unattached (Python/pystate.c)
CLockHead ==
    /\ pc["C"] = "idle"
    /\ headLock = "none"
    /\ headLock' = "C"
    /\ pc' = [pc EXCEPT !["C"] = "creating"]
    /\ UNCHANGED <<fPc, stwReq, st, pleaseStop, child>>

\* CPython 3.13-main: new_threadstate: HEAD_UNLOCK (Python/pystate.c)
CUnlockHead ==
    /\ pc["C"] = "creating"
    /\ headLock' = "none"
    /\ st' = [st EXCEPT !["C"] = IF stwReq THEN "suspended" ELSE "detached"]
    /\ pc' = [pc EXCEPT !["C"] = "attach"]
    /\ UNCHANGED <<fPc, stwReq, pleaseStop, child>>

-----------------------------------------------------------------------------
(* The forking thread F.                                                   *)

Parked(s) == [t \in Others |-> IF s[t] = "detached" THEN "suspended" ELSE s[t]]
Asked == [t \in Others |-> pleaseStop[t] \/ st[t] = "attached"]

\* CPython 3.13-main: PyOS_BeforeFork -> _PyEval_StopTheWorldAll (Modules/posixmodule.c, Python/pystate.c)
FStopWorld ==
    /\ fPc = "running" /\ StwBeforeFork
    /\ headLock = "none"       \* stop_the_world scans under HEAD_LOCK
    /\ stwReq' = TRUE
    /\ st' = Parked(st)
    /\ pleaseStop' = Asked
    /\ fPc' = "stw_wait"
    /\ UNCHANGED <<headLock, pc, child>>

\* CPython 3.13-main: stop_the_world: park on the countdown (Python/pystate.c)
FStopWorldPark ==
    /\ fPc = "stw_wait"
    /\ headLock = "none"
    /\ \E t \in Others :
         st[t] = "detached" \/ (st[t] = "attached" /\ ~pleaseStop[t])
    /\ st' = Parked(st)
    /\ pleaseStop' = Asked
    /\ UNCHANGED <<fPc, headLock, stwReq, pc, child>>

\* CPython 3.13-main: stop_the_world: every thread suspended (Python/pystate.c)
FWorldStopped ==
    /\ fPc = "stw_wait"
    /\ \A t \in Others : st[t] \in {"none", "suspended"}
    /\ fPc' = "lock_head"
    /\ UNCHANGED <<headLock, stwReq, st, pc, pleaseStop, child>>

\* CPython 3.13-main: PyOS_BeforeFork: HEAD_LOCK (Modules/posixmodule.c)
FLockHead ==
    /\ fPc = IF StwBeforeFork THEN "lock_head" ELSE "running"
    /\ HeadLockBeforeFork
    /\ headLock = "none"
    /\ headLock' = "F"
    /\ fPc' = "fork"
    /\ UNCHANGED <<stwReq, st, pc, pleaseStop, child>>

\* Without HEAD_LOCK in PyOS_BeforeFork, F forks straight after the
\* stop-the-world (or at once, without it).
FForkReady ==
    IF HeadLockBeforeFork THEN fPc = "fork"
    ELSE fPc = IF StwBeforeFork THEN "lock_head" ELSE "running"

\* CPython 3.13-main: os.fork -> fork() (Modules/posixmodule.c)
FFork ==
    /\ FForkReady
    /\ child' = IF pc["P"] = "mutating" THEN "half_updated"
                ELSE IF headLock = "C" THEN "head_lock_held"
                ELSE "clean"
    /\ fPc' = "after"
    /\ UNCHANGED <<headLock, stwReq, st, pc, pleaseStop>>

\* CPython 3.13-main: PyOS_AfterFork_Parent: HEAD_UNLOCK, start the world (Modules/posixmodule.c)
FAfterForkParent ==
    /\ fPc = "after"
    /\ headLock' = IF headLock = "F" THEN "none" ELSE headLock
    /\ stwReq' = FALSE
    /\ st' = [t \in Others |-> IF st[t] = "suspended" THEN "detached" ELSE st[t]]
    /\ fPc' = "done"
    /\ UNCHANGED <<pc, pleaseStop, child>>

-----------------------------------------------------------------------------
Next ==
    \/ FStopWorld \/ FStopWorldPark \/ FWorldStopped \/ FLockHead \/ FFork
    \/ FAfterForkParent
    \/ PMutateBegin \/ PMutateEnd \/ PBeginAttach \/ CLockHead \/ CUnlockHead
    \/ \E t \in Others : Detach(t) \/ Suspend(t) \/ Attach(t) \/ Wake(t)

FNext == FStopWorld \/ FStopWorldPark \/ FWorldStopped \/ FLockHead \/ FFork
         \/ FAfterForkParent

PNext == PMutateBegin \/ PMutateEnd \/ PBeginAttach
         \/ Detach("P") \/ Suspend("P") \/ Attach("P") \/ Wake("P")

CNext == CLockHead \/ CUnlockHead
         \/ Detach("C") \/ Suspend("C") \/ Attach("C") \/ Wake("C")

\* F's steps wait for moments (HEAD_LOCK free, everyone suspended) that
\* come and go: strong fairness.  P and C are scheduled fairly, each on
\* its own.
Fairness == SF_vars(FNext) /\ WF_vars(PNext) /\ WF_vars(CNext)

Spec == Init /\ [][Next]_vars /\ Fairness

-----------------------------------------------------------------------------
ForkSafe == child \in {"none", "clean"}

ForkCompletes == <>(fPc = "done")


-----------------------------------------------------------------------------
(* Witnesses: dangerous situations a fixed model must still reach.         *)

\* gh-116522: F asks for a stop-the-world while P is half way through a
\* mutation, and while C holds HEAD_LOCK in new_threadstate.
W_StopRequestedWhileMutating == fPc = "stw_wait" /\ pc["P"] = "mutating"
W_HeadLockHeldDuringStop == fPc = "stw_wait" /\ headLock = "C"

=============================================================================
