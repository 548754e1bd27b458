---------------------------- MODULE StwLockOrder ----------------------------
(***************************************************************************)
(* gh-137433: free-threaded build, Py_FinalizeEx deadlocks with a daemon   *)
(* thread that starts a per-interpreter stop-the-world (memray: it turns   *)
(* profiling on or off) while the main thread stops the whole runtime.     *)
(*                                                                         *)
(* Two locks guard stop-the-world (Python/pystate.c, stop_the_world):      *)
(*   imx   interp->stoptheworld.mutex, a PyMutex (the per-interpreter      *)
(*         request's own lock);                                            *)
(*   rw    runtime->stoptheworld_mutex, a PyRWMutex: a global request      *)
(*         takes it exclusively (W), a per-interpreter one shared (R).     *)
(* Before PR #137735 stop_the_world takes its stw->mutex first, then rw    *)
(* (stored 3.14 source, read).  A thread blocked on either lock parks      *)
(* detached; woken, it re-attaches first, and since 3.14 a tstate marked   *)
(* _Py_THREAD_SHUTTING_DOWN hangs there (_PyThreadState_HangThread),       *)
(* keeping every lock it already holds.                                    *)
(*                                                                         *)
(* The report (gh-137433, colesbury): M stops the world (W), D takes imx   *)
(* and blocks on R; M finalizes (D is marked), starts the world (W freed), *)
(* D wakes and hangs holding imx; M's _PyGC_CollectNoFail stops the        *)
(* interpreter's world and blocks on imx for ever.  PR #137735 swaps the   *)
(* order (rw first); a hang while waiting for rw then holds nothing.       *)
(*                                                                         *)
(* Processes: M (main thread, from _PyEval_StopTheWorldAll in _Py_Finalize *)
(* to process exit), D (a daemon that starts _PyEval_StopTheWorld(interp)  *)
(* any number of times).  Left out: the global stw->mutex (only global     *)
(* requests take it; there is one), HEAD_LOCK and the countdown (a request *)
(* is "stopped" once the other thread is detached), 3.13 (no hang: D       *)
(* would park for ever on its deleted tstate, gh-124149, holding the same  *)
(* lock).                                                                  *)
(*                                                                         *)
(* Switch                                                                  *)
(*   LockOrder  "mutex_first": stw->mutex then rw (3.13 to 3.14 before PR  *)
(*              #137735); "rw_first": the fix.                             *)
(*                                                                         *)
(* Deadlock (TLC's check): the process always exits.                       *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANT LockOrder

ASSUME LockOrder \in {"mutex_first", "rw_first"}

VARIABLES
    mPc,       \* the main thread
    dPc,       \* the daemon
    imx,       \* owner of interp->stoptheworld.mutex: "M", "D" or "none"
    rwW,       \* M holds runtime->stoptheworld_mutex exclusively
    rwR,       \* the threads that hold it shared
    mStopped,  \* M's global stop-the-world is in force
    dStopped,  \* D's per-interpreter stop-the-world is in force
    marked     \* D's tstate is _Py_THREAD_SHUTTING_DOWN

vars == <<mPc, dPc, imx, rwW, rwR, mStopped, dStopped, marked>>

MPcs == {"stw_all", "stw_wait", "stw_park", "finalize", "start_all", "gc1",
         "gc_wait1", "gc2", "gc_wait2", "gc_run", "exit", "done"}
DPcs == {"running", "suspended", "wait1", "lock2", "wait2",
         "holds", "work", "hung"}

TypeOK ==
    /\ mPc \in MPcs /\ dPc \in DPcs
    /\ imx \in {"M", "D", "none"}
    /\ rwW \in BOOLEAN /\ rwR \subseteq {"M", "D"}
    /\ mStopped \in BOOLEAN /\ dStopped \in BOOLEAN /\ marked \in BOOLEAN

Init ==
    /\ mPc = "stw_all"
    /\ dPc = "running"
    /\ imx = "none"
    /\ rwW = FALSE
    /\ rwR = {}
    /\ mStopped = FALSE
    /\ dStopped = FALSE
    /\ marked = FALSE

\* Attached threads: a stop-the-world request waits until the other thread
\* is not one of them (it parks it, or it suspends at its eval breaker).
DAttached == dPc \in {"running", "lock2", "holds", "work"}
MAttached == mPc \in {"stw_all", "stw_park", "finalize", "start_all", "gc1",
                      "gc2", "gc_run", "exit"}

\* The per-interpreter request's locks, in the order stop_the_world takes them.
First == IF LockOrder = "mutex_first" THEN "imx" ELSE "rw"
Second == IF LockOrder = "mutex_first" THEN "rw" ELSE "imx"

\* A per-interpreter request can take lock l (rw in shared mode).
Free(l) == IF l = "imx" THEN imx = "none" ELSE ~rwW

TakeImx(l, p) == IF l = "imx" THEN p ELSE imx
TakeR(l, p) == IF l = "rw" THEN rwR \cup {p} ELSE rwR

-----------------------------------------------------------------------------
(* The main thread                                                          *)

\* _PyEval_StopTheWorldAll: W mode; blocked by any reader (parks detached).
\* CPython 3.13-main: _Py_Finalize -> _PyEval_StopTheWorldAll -> stop_the_world: _PyRWMutex_Lock (Python/pystate.c, Python/lock.c)
MStwAll ==
    /\ mPc = "stw_all"
    /\ IF rwR = {}
       THEN /\ rwW' = TRUE /\ mPc' = "stw_park"
       ELSE /\ mPc' = "stw_wait" /\ UNCHANGED rwW
    /\ UNCHANGED <<dPc, imx, rwR, mStopped, dStopped, marked>>

\* Woken when the readers are gone; re-attaching waits while D's world is stopped.
\* CPython 3.13-main: _PyRWMutex_Lock after _PyParkingLot_Park returns (Python/lock.c)
MStwWake ==
    /\ mPc = "stw_wait" /\ rwR = {} /\ ~dStopped
    /\ rwW' = TRUE /\ mPc' = "stw_park"
    /\ UNCHANGED <<dPc, imx, rwR, mStopped, dStopped, marked>>

\* The countdown reaches 0 once D is detached (parked or suspended).
\* CPython 3.13-main: stop_the_world: park_detached_threads, world_stopped = 1 (Python/pystate.c)
MWorldStopped ==
    /\ mPc = "stw_park" /\ ~DAttached
    /\ mStopped' = TRUE /\ mPc' = "finalize"
    /\ UNCHANGED <<dPc, imx, rwW, rwR, dStopped, marked>>

\* CPython 3.14-main: _Py_Finalize: SetFinalizing, _PyThreadState_RemoveExcept, _PyThreadState_SetShuttingDown (Python/pylifecycle.c)
MFinalize ==
    /\ mPc = "finalize"
    /\ marked' = TRUE /\ mPc' = "start_all"
    /\ UNCHANGED <<dPc, imx, rwW, rwR, mStopped, dStopped>>

\* CPython 3.13-main: _PyEval_StartTheWorldAll -> start_the_world: _PyRWMutex_Unlock (Python/pystate.c)
MStartAll ==
    /\ mPc = "start_all"
    /\ mStopped' = FALSE /\ rwW' = FALSE /\ mPc' = "gc1"
    /\ UNCHANGED <<dPc, imx, rwR, dStopped, marked>>

\* _PyGC_CollectNoFail stops the interpreter's world: first lock.
\* CPython 3.13-main: _PyGC_CollectNoFail -> _PyEval_StopTheWorld(interp) -> stop_the_world, first lock (Python/gc_free_threading.c, Python/pystate.c)
MGcLock1 ==
    /\ mPc = "gc1"
    /\ IF Free(First)
       THEN /\ imx' = TakeImx(First, "M") /\ rwR' = TakeR(First, "M")
            /\ mPc' = "gc2"
       ELSE /\ mPc' = "gc_wait1" /\ UNCHANGED <<imx, rwR>>
    /\ UNCHANGED <<dPc, rwW, mStopped, dStopped, marked>>

\* CPython 3.13-main: PyMutex_Lock / _PyRWMutex_RLock after the park (Python/lock.c)
MGcWake1 ==
    /\ mPc = "gc_wait1" /\ Free(First) /\ ~dStopped
    /\ imx' = TakeImx(First, "M") /\ rwR' = TakeR(First, "M")
    /\ mPc' = "gc2"
    /\ UNCHANGED <<dPc, rwW, mStopped, dStopped, marked>>

\* CPython 3.13-main: stop_the_world, second lock (Python/pystate.c)
MGcLock2 ==
    /\ mPc = "gc2"
    /\ IF Free(Second)
       THEN /\ imx' = TakeImx(Second, "M") /\ rwR' = TakeR(Second, "M")
            /\ mPc' = "gc_run"
       ELSE /\ mPc' = "gc_wait2" /\ UNCHANGED <<imx, rwR>>
    /\ UNCHANGED <<dPc, rwW, mStopped, dStopped, marked>>

\* CPython 3.13-main: PyMutex_Lock / _PyRWMutex_RLock after the park (Python/lock.c)
MGcWake2 ==
    /\ mPc = "gc_wait2" /\ Free(Second) /\ ~dStopped
    /\ imx' = TakeImx(Second, "M") /\ rwR' = TakeR(Second, "M")
    /\ mPc' = "gc_run"
    /\ UNCHANGED <<dPc, rwW, mStopped, dStopped, marked>>

\* The interpreter's world stops (D detached), the GC runs, the world starts.
\* CPython 3.13-main: stop_the_world, the collection, start_the_world: unlock both (Python/pystate.c, Python/gc_free_threading.c)
MGcRun ==
    /\ mPc = "gc_run" /\ ~DAttached
    /\ imx' = "none" /\ rwR' = rwR \ {"M"}
    /\ mPc' = "exit"
    /\ UNCHANGED <<dPc, rwW, mStopped, dStopped, marked>>

\* CPython 3.13-main: _Py_Finalize returns, Py_Exit -> exit() (Python/pylifecycle.c)
MExit ==
    /\ mPc = "exit"
    /\ mPc' = "done"
    /\ UNCHANGED <<dPc, imx, rwW, rwR, mStopped, dStopped, marked>>

\* CPython 3.13-main: the process has exited (Python/pylifecycle.c)
Exited ==
    /\ mPc = "done"
    /\ UNCHANGED vars

-----------------------------------------------------------------------------
(* The daemon                                                               *)

\* M's request (global, or its GC's per-interpreter one) suspends D at its
\* eval breaker.
\* CPython 3.13-main: _Py_HandlePending sees _PY_EVAL_PLEASE_STOP_BIT -> _PyThreadState_Suspend (Python/ceval_gil.c, Python/pystate.c)
DSuspend ==
    /\ dPc = "running" /\ mPc \in {"stw_park", "gc_run"}
    /\ dPc' = "suspended"
    /\ UNCHANGED <<mPc, imx, rwW, rwR, mStopped, dStopped, marked>>

\* Re-attach after the world restarts; 3.14 hangs a SHUTTING_DOWN tstate.
\* CPython 3.14-main: _PyThreadState_Attach -> tstate_wait_attach, _PyThreadState_HangThread (Python/pystate.c)
DResume ==
    /\ dPc = "suspended" /\ ~mStopped /\ mPc # "gc_run"
    /\ dPc' = IF marked THEN "hung" ELSE "running"
    /\ UNCHANGED <<mPc, imx, rwW, rwR, mStopped, dStopped, marked>>

\* D turns profiling on or off: _PyEval_StopTheWorld(interp), first lock.
\* CPython 3.13-main: _PyEval_StopTheWorld(interp) -> stop_the_world, first lock (Python/pystate.c)
DLock1 ==
    /\ dPc = "running"
    /\ IF Free(First)
       THEN /\ imx' = TakeImx(First, "D") /\ rwR' = TakeR(First, "D")
            /\ dPc' = "lock2"
       ELSE /\ dPc' = "wait1" /\ UNCHANGED <<imx, rwR>>
    /\ UNCHANGED <<mPc, rwW, mStopped, dStopped, marked>>

\* Woken: re-attach first (hang if marked), then take the lock.
\* CPython 3.14-main: _PyParkingLot_Park returns -> _PyThreadState_Attach / _PyThreadState_HangThread (Python/parking_lot.c, Python/pystate.c)
DWake1 ==
    /\ dPc = "wait1" /\ Free(First) /\ ~mStopped
    /\ IF marked
       THEN /\ dPc' = "hung" /\ UNCHANGED <<imx, rwR>>
       ELSE /\ imx' = TakeImx(First, "D") /\ rwR' = TakeR(First, "D")
            /\ dPc' = "lock2"
    /\ UNCHANGED <<mPc, rwW, mStopped, dStopped, marked>>

\* CPython 3.13-main: stop_the_world, second lock (Python/pystate.c)
DLock2 ==
    /\ dPc = "lock2"
    /\ IF Free(Second)
       THEN /\ imx' = TakeImx(Second, "D") /\ rwR' = TakeR(Second, "D")
            /\ dPc' = "holds"
       ELSE /\ dPc' = "wait2" /\ UNCHANGED <<imx, rwR>>
    /\ UNCHANGED <<mPc, rwW, mStopped, dStopped, marked>>

\* Woken holding the first lock: a marked tstate hangs with it.
\* CPython 3.14-main: _PyParkingLot_Park returns -> _PyThreadState_Attach / _PyThreadState_HangThread (Python/parking_lot.c, Python/pystate.c)
DWake2 ==
    /\ dPc = "wait2" /\ Free(Second) /\ ~mStopped
    /\ IF marked
       THEN /\ dPc' = "hung" /\ UNCHANGED <<imx, rwR>>
       ELSE /\ imx' = TakeImx(Second, "D") /\ rwR' = TakeR(Second, "D")
            /\ dPc' = "holds"
    /\ UNCHANGED <<mPc, rwW, mStopped, dStopped, marked>>

\* CPython 3.13-main: stop_the_world: world_stopped once M is detached (Python/pystate.c)
DWorldStopped ==
    /\ dPc = "holds" /\ ~MAttached
    /\ dStopped' = TRUE /\ dPc' = "work"
    /\ UNCHANGED <<mPc, imx, rwW, rwR, mStopped, marked>>

\* CPython 3.13-main: _PyEval_StartTheWorld(interp) -> start_the_world: unlock both (Python/pystate.c)
DStartWorld ==
    /\ dPc = "work"
    /\ dStopped' = FALSE /\ imx' = "none" /\ rwR' = rwR \ {"D"}
    /\ dPc' = "running"
    /\ UNCHANGED <<mPc, rwW, mStopped, marked>>

Next ==
    \/ MStwAll \/ MStwWake \/ MWorldStopped \/ MFinalize \/ MStartAll
    \/ MGcLock1 \/ MGcWake1 \/ MGcLock2 \/ MGcWake2 \/ MGcRun \/ MExit
    \/ Exited
    \/ DSuspend \/ DResume \/ DLock1 \/ DWake1 \/ DLock2 \/ DWake2
    \/ DWorldStopped \/ DStartWorld

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
(* Witnesses: dangerous situations a passing model must still reach.       *)

\* D waits for the runtime lock while M holds it exclusively (the report's
\* first half).
W_DaemonWaitsForRw ==
    /\ rwW
    /\ \/ dPc = "wait1" /\ First = "rw"
       \/ dPc = "wait2" /\ Second = "rw"

\* D hung during finalization while M still has its GC to do.
W_DaemonHungBeforeGc == dPc = "hung" /\ mPc \in {"gc1", "gc_wait1", "gc2", "gc_wait2", "gc_run"}

=============================================================================
