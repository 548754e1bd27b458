--------------------------- MODULE EndInterpreter ---------------------------
(***************************************************************************)
(* Ending a subinterpreter S with Py_EndInterpreter, optionally from       *)
(* inside the runtime's own Py_FinalizeEx, with the GIL hand-off at the    *)
(* granularity of Python/ceval_gil.c.  GIL build, one GIL shared by both   *)
(* interpreters (a legacy subinterpreter; with its own GIL the steps are   *)
(* the same, only the lock differs).                                       *)
(*                                                                         *)
(* OS threads and their thread states                                      *)
(*   Main     the main OS thread.  Its current tstate `mainTs` is TMain    *)
(*            (main interpreter) or TSub (S's tstate, the one passed to    *)
(*            Py_EndInterpreter).                                          *)
(*   Workers  non-daemon threading.Thread threads of S (tstate id = thread *)
(*            id).  Each is blocked in I/O when the model starts.          *)
(*   Foreign  C threads that create a tstate of S with PyThreadState_New   *)
(*            and enter with PyEval_AcquireThread.                         *)
(*                                                                         *)
(* Actions and the CPython code they stand for                             *)
(*   TakeGilC1, TakeGilLock, TakeGilWake, TakeGilTimeout, TakeGilC3Exit:   *)
(*     Python/ceval_gil.c take_gil: C1, MUTEX_LOCK, COND_TIMED_WAIT,       *)
(*     C2 / SET_GIL_DROP_REQUEST, `_ready` + C3 (tstate_must_exit /        *)
(*     _PyThreadState_MustExit, Python/pystate.c)                          *)
(*   DropGilRelease, DropGilForceSwitch, DropGilSwitched:                  *)
(*     Python/ceval_gil.c drop_gil: release, then the FORCE_SWITCHING      *)
(*     block, which reads interp->ceval.gil_drop_request after             *)
(*     MUTEX_UNLOCK (gh-104341: skipped on a final release since 3.12)     *)
(*   ThreadExit        PyThread_exit_thread (Python/thread_pthread.h)      *)
(*   Workers (Modules/_threadmodule.c t_bootstrap / thread_run,            *)
(*            Lib/threading.py Thread._bootstrap_inner):                   *)
(*     WRestoreThread   Py_END_ALLOW_THREADS -> PyEval_RestoreThread       *)
(*     WAttach          PyThreadState_Swap after take_gil                  *)
(*     WFinishFunction  the target returns; _bootstrap_inner's `finally`   *)
(*                      calls self._delete(): the thread leaves            *)
(*                      threading._active                                  *)
(*     WTailYield       the rest of _bootstrap_inner is bytecode: the eval *)
(*                      loop may drop the GIL (drop_gil, then take_gil)    *)
(*     WDeleteCurrent   PyThreadState_Clear + _PyThreadState_DeleteCurrent *)
(*                      -> tstate_delete_common: unlink under HEAD_LOCK,   *)
(*                      tstate->on_delete = release_sentinel releases the  *)
(*                      thread's _tstate_lock (bpo-36402 fix), then        *)
(*                      drop_gil on the final release                      *)
(*     FreeOwnTstate    free_threadstate at the end of DeleteCurrent       *)
(*   C threads (Python/pystate.c):                                         *)
(*     CNewTstate       PyThreadState_New(interp): new_threadstate links    *)
(*                      the tstate under HEAD_LOCK; PyEval_AcquireThread   *)
(*     CAttach          _PyThreadState_Attach after take_gil               *)
(*     CRelease         PyThreadState_Clear + PyThreadState_DeleteCurrent  *)
(*   Main (Python/pylifecycle.c):                                          *)
(*     MainSetRuntimeFinalizing  Py_FinalizeEx: _PyRuntimeState_Set-       *)
(*                      Finalizing(runtime, tstate) (+ _finalizing_id,     *)
(*                      gh-109793)                                         *)
(*     MainSwapToSub    PyThreadState_Swap(tsub): _PyThreadState_Swap      *)
(*                      releases the GIL for TMain ...                     *)
(*     MainSwapAcquire  ... and _PyEval_AcquireLock(tsub) -> take_gil      *)
(*                      (as finalize_subinterpreters does in 3.13+, or an  *)
(*                      atexit callback / destructor in 3.12)              *)
(*     EndWaitThreads   Py_EndInterpreter -> wait_for_thread_shutdown ->   *)
(*                      threading._shutdown: the pick finds no thread to   *)
(*                      wait for (3.7: _pickSomeNonDaemonThread over       *)
(*                      _active; 3.8+: _shutdown_locks)                    *)
(*     EndJoinBlock(w)  ... w to wait for: Thread.join (3.7) or            *)
(*                      lock.acquire() (3.8+) on w's _tstate_lock, with    *)
(*                      the GIL released                                   *)
(*     EndJoinDone      ... the lock was released: retake the GIL and pick *)
(*                      again                                              *)
(*     EndCheckLastThread  `if (tstate != interp->threads.head ||          *)
(*                      tstate->next != NULL) Py_FatalError("not the last  *)
(*                      thread")`                                          *)
(*     EndSetFinalizing _PyInterpreterState_SetFinalizing(interp, tstate)  *)
(*     EndReleaseGil, EndRetakeGil  threading._shutdown and               *)
(*                      finalize_modules run Python code; the eval loop or *)
(*                      an I/O call drops and retakes the GIL              *)
(*     EndTeardownDone  _PyImport_FiniCore, finalize_interp_clear          *)
(*     EndInterpDelete  finalize_interp_delete -> PyInterpreterState_Delete*)
(*                      : detach (GIL released), zapthreads frees S's      *)
(*                      tstates, free_interpreter                          *)
(*     EndSwapBack, EndFinish  the caller's PyThreadState_Swap back to the *)
(*                      main interpreter's tstate (take_gil)               *)
(*   Terminated         nothing left to do                                 *)
(*                                                                         *)
(* Bugs: bpo-36402 (not the last thread), gh-104341 (drop_gil reads the    *)
(* freed interpreter after a final release; PR #104437 must-exit reads     *)
(* the interpreter's own flag), gh-109793 (the finalizing main thread      *)
(* exits when it switches to a subinterpreter tstate), and the dangling    *)
(* tstate->interp read of _PyThreadState_MustExit (gh-110052 class).       *)
(***************************************************************************)
EXTENDS Naturals

CONSTANTS
    Main, Workers,
    Foreign,           \* C threads that create a tstate for S with
                       \* PyThreadState_New and enter with PyEval_AcquireThread
    TMain, TSub,       \* model values: Main's two thread states
    InterpS,           \* model value: the subinterpreter's PyInterpreterState
    None,
    \* ---- scenario and version switches ----
    RuntimeFinalizing,         \* Main ends S from inside Py_FinalizeEx
    ShutdownWaitsForTstate,    \* bpo-36402 fix: _shutdown waits on _tstate_lock
                               \* (released at tstate deletion), not on _active
    DropFlagInInterp,          \* 3.9+: gil_drop_request lives in interp->ceval
    FinalReleaseSkipsForceSwitch, \* gh-104341 fix: drop_gil(tstate=NULL / final)
    FinalizingIdCheck,         \* gh-109793 fix: _finalizing_id == this thread
    InterpFlagInMustExit       \* PR #104437 (gh-104341): must-exit also reads
                               \* tstate->interp->_finalizing

OSThreads == {Main} \cup Workers \cup Foreign
TStates   == {TMain, TSub} \cup Workers \cup Foreign
Objects   == TStates \cup {InterpS}

\* Models must respect this (a definition rather than an ASSUME, to stay
\* inside the code generator's fragment; TypeOK includes it).
ConstantsOK == Main \notin Workers \cup Foreign /\ Workers \cap Foreign = {}

VARIABLES
    pc, ret, final,
    mainTs,       \* the tstate current on Main's OS thread
    owner,        \* OS thread holding the GIL, or None
    lastHolder,   \* gil->last_holder (a tstate)
    dropReq,      \* gil_drop_request
    drq,          \* drq[x]: take_gil's local drop_requested
    runtimeFin,   \* _PyRuntime._finalizing
    interpFin,    \* S->_finalizing
    linkedS,      \* S->threads list
    freed,        \* freed tstates / interpreter
    active,       \* workers still in threading._active
    tlock,        \* workers whose _tstate_lock is still held
    eStep,        \* where Main is in Py_FinalizeEx / Py_EndInterpreter
    fatal,        \* "none" or the Py_FatalError message
    fault,        \* <<>> or <<thread, site>>: the first read of freed memory
    joining       \* the worker whose _tstate_lock Main waits on, or None

vars == <<pc, ret, final, mainTs, owner, lastHolder, dropReq, drq,
          runtimeFin, interpFin, linkedS, freed, active, tlock, eStep, fatal,
          fault, joining>>

Pcs == {"run", "m_swap2", "m_nogil", "e_joinwait", "e_retake", "done",
        "tg_c1", "tg_lock", "tg_wait", "tg_c3exit",
        "dg_release", "dg_force", "dg_switchwait", "x_exit", "dead",
        "w_io", "w_attach", "w_py", "w_tail", "w_tail2", "free_self",
        "c_idle", "c_attach", "c_py"}
EndSteps == {"runtime", "swap", "wait", "check", "setfin", "teardown",
             "delete", "swapback", "finish", "done"}
Sites == {"drop_gil read request", "drop_gil reset request", "take_gil",
          "take_gil C1", "take_gil C2", "attach", "tstate_delete_common",
          "new_threadstate"}

TypeOK ==
    /\ ConstantsOK
    /\ pc \in [OSThreads -> Pcs]
    /\ ret \in [OSThreads -> Pcs]
    /\ final \in [OSThreads -> BOOLEAN]
    /\ mainTs \in {TMain, TSub}
    /\ owner \in OSThreads \cup {None}
    /\ lastHolder \in TStates \cup {None}
    /\ dropReq \in BOOLEAN
    /\ drq \in [OSThreads -> BOOLEAN]
    /\ runtimeFin \in {None, TMain}
    /\ interpFin \in {None, TSub}
    /\ linkedS \subseteq {TSub} \cup Workers \cup Foreign
    /\ freed \subseteq Objects
    /\ active \subseteq Workers
    /\ tlock \subseteq Workers
    /\ eStep \in EndSteps
    /\ fatal \in {"none", "not the last thread"}
    /\ fault \in {<<>>} \cup {<<t, s>> : t \in OSThreads, s \in Sites}
    /\ joining \in Workers \cup {None}

-----------------------------------------------------------------------------

CurTs(x) == IF x = Main THEN mainTs ELSE x

\* The interpreter whose memory holds the drop request x's tstate uses.
InterpOf(x) == IF CurTs(x) = TMain THEN {} ELSE {InterpS}

\* tstate_must_exit / _PyThreadState_MustExit: the runtime flag first; if
\* it is unset, from 3.12 (PR #104437) the flag of tstate->interp.  gh-109793
\* exempts the thread whose id was recorded with the flag.
MustExit(x) ==
    IF runtimeFin # None
    THEN runtimeFin # CurTs(x) /\ ~(FinalizingIdCheck /\ x = Main)
    ELSE /\ InterpFlagInMustExit /\ CurTs(x) # TMain
         /\ interpFin # None /\ interpFin # CurTs(x)
         /\ ~(FinalizingIdCheck /\ x = Main)
\* "XXX This isn't completely safe from daemon threads, since tstate might
\* be a dangling pointer": the interp branch reads tstate->interp.
MustExitReadsOf(x) ==
    IF InterpFlagInMustExit /\ runtimeFin = None /\ CurTs(x) # TMain
    THEN {CurTs(x), InterpS} ELSE {}

Faulted(x, objs, s) ==
    IF fault = <<>> /\ objs \cap freed # {} THEN <<x, s>> ELSE fault

CallTakeGil(x, r) ==
    /\ pc' = [pc EXCEPT ![x] = "tg_c1"]
    /\ ret' = [ret EXCEPT ![x] = r]
CallDropGil(x, fin, r) ==
    /\ pc' = [pc EXCEPT ![x] = "dg_release"]
    /\ ret' = [ret EXCEPT ![x] = r]
    /\ final' = [final EXCEPT ![x] = fin]

\* The process runs: no Py_FatalError, and the main thread has not exited
\* (PyThread_exit_thread on the main thread ends the process, status 0).
Running == fatal = "none" /\ pc[Main] # "dead"

\* ... and someone still has work to do.
Alive == Running /\ (eStep # "done" \/ \E w \in Workers \cup Foreign : pc[w] \notin {"done", "dead"})

-----------------------------------------------------------------------------
(* take_gil: C1, C2, C3 present (3.9+) *)

\* The `_ready` section, C3 included.  pre: read earlier in the same step.
Ready(x, pre) ==
    /\ owner' = x
    /\ lastHolder' = CurTs(x)
    /\ fault' = Faulted(x, pre \cup MustExitReadsOf(x), "take_gil")
    /\ IF MustExit(x)
       THEN /\ pc' = [pc EXCEPT ![x] = "tg_c3exit"]
            /\ UNCHANGED dropReq
       ELSE /\ pc' = [pc EXCEPT ![x] = ret[x]]
            /\ dropReq' = FALSE

\* CPython 3.9-main: take_gil entry, check point C1 (Python/ceval_gil.h <= 3.11, Python/ceval_gil.c 3.12+)
TakeGilC1(x) ==
    /\ Running
    /\ pc[x] = "tg_c1"
    /\ pc' = [pc EXCEPT ![x] = IF MustExit(x) THEN "x_exit" ELSE "tg_lock"]
    /\ fault' = Faulted(x, MustExitReadsOf(x), "take_gil C1")
    /\ UNCHANGED <<joining, ret, final, mainTs, owner, lastHolder, dropReq, drq,
                   runtimeFin, interpFin, linkedS, freed, active, tlock, eStep,
                   fatal>>

\* CPython 3.9-main: take_gil: MUTEX_LOCK, test gil->locked (Python/ceval_gil.h <= 3.11, Python/ceval_gil.c 3.12+)
TakeGilLock(x) ==
    /\ Running
    /\ pc[x] = "tg_lock"
    /\ IF owner = None
       THEN Ready(x, {CurTs(x)})
       ELSE /\ pc' = [pc EXCEPT ![x] = "tg_wait"]
            /\ fault' = Faulted(x, {CurTs(x)}, "take_gil")
            /\ UNCHANGED <<owner, lastHolder, dropReq>>
    /\ drq' = [drq EXCEPT ![x] = FALSE]
    /\ UNCHANGED <<joining, ret, final, mainTs, runtimeFin, interpFin, linkedS,
                   freed, active, tlock, eStep, fatal>>

\* CPython 3.9-main: take_gil: signalled, the _ready section with C3 (Python/ceval_gil.h <= 3.11, Python/ceval_gil.c 3.12+)
TakeGilWake(x) ==
    /\ Running
    /\ pc[x] = "tg_wait" /\ owner = None
    /\ Ready(x, {})
    /\ UNCHANGED <<joining, ret, final, mainTs, drq, runtimeFin, interpFin, linkedS,
                   freed, active, tlock, eStep, fatal>>

\* CPython 3.9-main: take_gil: timed out, C2, SET_GIL_DROP_REQUEST (Python/ceval_gil.h <= 3.11, Python/ceval_gil.c 3.12+)
TakeGilTimeout(x) ==
    /\ Running
    /\ pc[x] = "tg_wait" /\ owner # None
    /\ IF MustExit(x)
       THEN /\ pc' = [pc EXCEPT ![x] = "x_exit"]
            \* gh-96387 fix (3.9.15/3.10.8/3.11): withdraw our own request
            /\ dropReq' = IF drq[x] THEN FALSE ELSE dropReq
            /\ UNCHANGED drq
       ELSE /\ dropReq' = TRUE
            /\ drq' = [drq EXCEPT ![x] = TRUE]
            /\ UNCHANGED pc
    /\ fault' = Faulted(x, MustExitReadsOf(x), "take_gil C2")
    /\ UNCHANGED <<joining, ret, final, mainTs, owner, lastHolder, runtimeFin,
                   interpFin, linkedS, freed, active, tlock, eStep, fatal>>

\* Up to 3.13 C3 passes the tstate itself to drop_gil (not a final release).
\* CPython 3.9-main: take_gil after C3: drop_gil, exit (Python/ceval_gil.h <= 3.11, Python/ceval_gil.c 3.12+)
TakeGilC3Exit(x) ==
    /\ Running
    /\ pc[x] = "tg_c3exit"
    /\ CallDropGil(x, FALSE, "x_exit")
    /\ UNCHANGED <<joining, mainTs, owner, lastHolder, dropReq, drq, runtimeFin,
                   interpFin, linkedS, freed, active, tlock, eStep, fatal, fault>>

-----------------------------------------------------------------------------
(* drop_gil *)

\* CPython 3.7-main: drop_gil: release, COND_SIGNAL, MUTEX_UNLOCK (Python/ceval_gil.h <= 3.11, Python/ceval_gil.c 3.12+)
DropGilRelease(x) ==
    /\ Running
    /\ pc[x] = "dg_release"
    /\ owner' = None
    /\ lastHolder' = CurTs(x)
    /\ pc' = [pc EXCEPT ![x] = IF final[x] /\ FinalReleaseSkipsForceSwitch
                               THEN ret[x] ELSE "dg_force"]
    /\ UNCHANGED <<joining, ret, final, mainTs, dropReq, drq, runtimeFin, interpFin,
                   linkedS, freed, active, tlock, eStep, fatal, fault>>

\* `if (_Py_atomic_load_relaxed(&ceval->gil_drop_request) && tstate != NULL)`:
\* ceval is interp memory from 3.9 on, read after MUTEX_UNLOCK.
\* CPython 3.7-main: drop_gil, FORCE_SWITCHING block, skipped on a final release 3.12+ (Python/ceval_gil.h <= 3.11, Python/ceval_gil.c 3.12+)
DropGilForceSwitch(x) ==
    /\ Running
    /\ pc[x] = "dg_force"
    /\ LET readObjs == IF DropFlagInInterp THEN InterpOf(x) ELSE {}
       IN IF dropReq /\ lastHolder = CurTs(x) /\ ~final[x]
          THEN /\ fault' = Faulted(x, readObjs \cup {CurTs(x)}, "drop_gil reset request")
               /\ dropReq' = FALSE
               /\ pc' = [pc EXCEPT ![x] = "dg_switchwait"]
          ELSE /\ fault' = Faulted(x, readObjs, "drop_gil read request")
               /\ pc' = [pc EXCEPT ![x] = ret[x]]
               /\ UNCHANGED dropReq
    /\ UNCHANGED <<joining, ret, final, mainTs, owner, lastHolder, drq, runtimeFin,
                   interpFin, linkedS, freed, active, tlock, eStep, fatal>>

\* CPython 3.7-main: drop_gil, COND_WAIT(switch_cond) returns (Python/ceval_gil.h <= 3.11, Python/ceval_gil.c 3.12+)
DropGilSwitched(x) ==
    /\ Running
    /\ pc[x] = "dg_switchwait" /\ lastHolder # CurTs(x)
    /\ pc' = [pc EXCEPT ![x] = ret[x]]
    /\ UNCHANGED <<joining, ret, final, mainTs, owner, lastHolder, dropReq, drq,
                   runtimeFin, interpFin, linkedS, freed, active, tlock, eStep,
                   fatal, fault>>

\* PyThread_exit_thread.  On Main this ends the process with status 0.
\* CPython 3.7-3.13: PyThread_exit_thread (Python/thread_pthread.h)
ThreadExit(x) ==
    /\ Running
    /\ pc[x] = "x_exit"
    /\ pc' = [pc EXCEPT ![x] = "dead"]
    /\ UNCHANGED <<joining, ret, final, mainTs, owner, lastHolder, dropReq, drq,
                   runtimeFin, interpFin, linkedS, freed, active, tlock, eStep,
                   fatal, fault>>

-----------------------------------------------------------------------------
(* Non-daemon worker threads of S *)

\* CPython 3.7-main: PyEval_RestoreThread at Py_END_ALLOW_THREADS (Python/ceval.c <= 3.11, Python/ceval_gil.c 3.12+)
WRestoreThread(w) ==
    /\ Running
    /\ pc[w] = "w_io"
    /\ CallTakeGil(w, "w_attach")
    /\ UNCHANGED <<joining, final, mainTs, owner, lastHolder, dropReq, drq, runtimeFin,
                   interpFin, linkedS, freed, active, tlock, eStep, fatal, fault>>

\* CPython 3.7-main: PyThreadState_Swap / _PyThreadState_Attach after take_gil (Python/pystate.c)
WAttach(w) ==
    /\ Running
    /\ pc[w] = "w_attach"
    /\ pc' = [pc EXCEPT ![w] = "w_py"]
    /\ fault' = Faulted(w, {w}, "attach")
    /\ UNCHANGED <<joining, ret, final, mainTs, owner, lastHolder, dropReq, drq,
                   runtimeFin, interpFin, linkedS, freed, active, tlock, eStep,
                   fatal>>

\* CPython 3.7-main: Thread._bootstrap_inner, finally: self._delete() (Lib/threading.py)
WFinishFunction(w) ==
    /\ Running
    /\ pc[w] = "w_py"
    /\ active' = active \ {w}
    /\ pc' = [pc EXCEPT ![w] = "w_tail"]
    /\ UNCHANGED <<joining, ret, final, mainTs, owner, lastHolder, dropReq, drq,
                   runtimeFin, interpFin, linkedS, freed, tlock, eStep, fatal,
                   fault>>

\* CPython 3.7-main: the eval loop drops the GIL in _bootstrap_inner's tail (Python/ceval.c)
WTailYield(w) ==
    /\ Running
    /\ pc[w] = "w_tail"
    /\ CallDropGil(w, FALSE, "w_tail2")
    /\ UNCHANGED <<joining, mainTs, owner, lastHolder, dropReq, drq, runtimeFin,
                   interpFin, linkedS, freed, active, tlock, eStep, fatal, fault>>

\* CPython 3.7-main: take_gil back in that tail (Python/ceval.c)
WTailRetake(w) ==
    /\ Running
    /\ pc[w] = "w_tail2"
    /\ CallTakeGil(w, "w_tail")
    /\ UNCHANGED <<joining, final, mainTs, owner, lastHolder, dropReq, drq, runtimeFin,
                   interpFin, linkedS, freed, active, tlock, eStep, fatal, fault>>

\* CPython 3.7-main: thread_run / t_bootstrap: PyThreadState_Clear, _PyThreadState_DeleteCurrent -> tstate_delete_common, release_sentinel (Python/pystate.c, Modules/_threadmodule.c)
WDeleteCurrent(w) ==
    /\ Running
    /\ pc[w] = "w_tail"
    /\ linkedS' = linkedS \ {w}
    /\ tlock' = tlock \ {w}
    /\ fault' = Faulted(w, {w, InterpS}, "tstate_delete_common")
    /\ CallDropGil(w, TRUE, "free_self")
    /\ UNCHANGED <<joining, mainTs, owner, lastHolder, dropReq, drq, runtimeFin,
                   interpFin, freed, active, eStep, fatal>>

\* CPython 3.7-main: free_threadstate at the end of _PyThreadState_DeleteCurrent (Python/pystate.c)
FreeOwnTstate(w) ==
    /\ Running
    /\ pc[w] = "free_self"
    /\ freed' = freed \cup {w}
    /\ pc' = [pc EXCEPT ![w] = "done"]
    /\ UNCHANGED <<joining, ret, final, mainTs, owner, lastHolder, dropReq, drq,
                   runtimeFin, interpFin, linkedS, active, tlock, eStep, fatal,
                   fault>>

-----------------------------------------------------------------------------
(* C threads of S: PyThreadState_New(interp) + PyEval_AcquireThread, run
   Python, PyThreadState_Clear + PyThreadState_DeleteCurrent *)

\* CPython 3.12-main: PyThreadState_New -> new_threadstate, PyEval_AcquireThread (Python/pystate.c)
CNewTstate(c) ==
    /\ Running
    /\ pc[c] = "c_idle"
    /\ linkedS' = linkedS \cup {c}
    /\ fault' = Faulted(c, {InterpS}, "new_threadstate")
    /\ CallTakeGil(c, "c_attach")
    /\ UNCHANGED <<joining, final, mainTs, owner, lastHolder, dropReq, drq, runtimeFin,
                   interpFin, freed, active, tlock, eStep, fatal>>

\* CPython 3.12-main: _PyThreadState_Attach after take_gil (Python/pystate.c)
CAttach(c) ==
    /\ Running
    /\ pc[c] = "c_attach"
    /\ pc' = [pc EXCEPT ![c] = "c_py"]
    /\ fault' = Faulted(c, {c}, "attach")
    /\ UNCHANGED <<joining, ret, final, mainTs, owner, lastHolder, dropReq, drq, runtimeFin,
                   interpFin, linkedS, freed, active, tlock, eStep, fatal>>

\* CPython 3.12-main: PyThreadState_Clear, PyThreadState_DeleteCurrent (Python/pystate.c)
CRelease(c) ==
    /\ Running
    /\ pc[c] = "c_py"
    /\ linkedS' = linkedS \ {c}
    /\ fault' = Faulted(c, {c, InterpS}, "tstate_delete_common")
    /\ CallDropGil(c, TRUE, "free_self")
    /\ UNCHANGED <<joining, mainTs, owner, lastHolder, dropReq, drq, runtimeFin, interpFin,
                   freed, active, tlock, eStep, fatal>>

-----------------------------------------------------------------------------
(* Main: Py_FinalizeEx (optional), then Py_EndInterpreter(tsub) *)

\* CPython 3.12-main: Py_FinalizeEx: _PyRuntimeState_SetFinalizing with _finalizing_id (Python/pylifecycle.c)
MainSetRuntimeFinalizing ==
    /\ Running
    /\ pc[Main] = "run" /\ eStep = "runtime"
    /\ runtimeFin' = TMain
    /\ eStep' = "swap"
    /\ UNCHANGED <<joining, pc, ret, final, mainTs, owner, lastHolder, dropReq, drq,
                   interpFin, linkedS, freed, active, tlock, fatal, fault>>

\* CPython 3.12-main: PyThreadState_Swap(tsub) -> _PyThreadState_Swap releases the GIL (Python/pystate.c)
MainSwapToSub ==
    /\ Running
    /\ pc[Main] = "run" /\ eStep = "swap"
    /\ CallDropGil(Main, FALSE, "m_swap2")
    /\ UNCHANGED <<joining, mainTs, owner, lastHolder, dropReq, drq, runtimeFin,
                   interpFin, linkedS, freed, active, tlock, eStep, fatal, fault>>

\* CPython 3.12-main: PyThreadState_Swap(tsub) -> _PyEval_AcquireLock -> take_gil (Python/pystate.c)
MainSwapAcquire ==
    /\ Running
    /\ pc[Main] = "m_swap2"
    /\ mainTs' = TSub
    /\ eStep' = "wait"
    /\ CallTakeGil(Main, "run")
    /\ UNCHANGED <<joining, final, owner, lastHolder, dropReq, drq, runtimeFin,
                   interpFin, linkedS, freed, active, tlock, fatal, fault>>

\* threading._shutdown (Lib/threading.py) is Python code run by Main with the
\* GIL held.  The threads it still waits for:
\*  3.7 (before bpo-36402): `_pickSomeNonDaemonThread()` enumerates
\*      threading._active and keeps those `is_alive()`, which polls the
\*      thread's _tstate_lock (Thread._wait_for_tstate_lock(False)).  A
\*      worker leaves _active in _bootstrap_inner's `finally: self._delete()`
\*      before its tstate is deleted, so it drops out of view early.
\*  3.8+ (468e5fec): every _tstate_lock in _shutdown_locks, held until
\*      tstate_delete_common's release_sentinel.
\* Either way Thread.join / lock.acquire waits on the _tstate_lock.
Visible == IF ShutdownWaitsForTstate THEN tlock ELSE active \cap tlock

\* The pick found nothing: _shutdown returns (wait_for_thread_shutdown).
\* CPython 3.7-main: Py_EndInterpreter -> wait_for_thread_shutdown -> threading._shutdown finds nothing to join (Python/pylifecycle.c, Lib/threading.py)
EndWaitThreads ==
    /\ Running
    /\ pc[Main] = "run" /\ eStep = "wait" /\ Visible = {}
    /\ eStep' = "check"
    /\ UNCHANGED <<joining, pc, ret, final, mainTs, owner, lastHolder, dropReq, drq,
                   runtimeFin, interpFin, linkedS, freed, active, tlock, fatal,
                   fault>>

\* t.join() (3.7) / lock.acquire() (3.8+) on w's _tstate_lock: the lock
\* acquire releases the GIL (Py_BEGIN_ALLOW_THREADS in acquire_timed).
\* CPython 3.7-main: threading._shutdown: Thread.join 3.7, lock.acquire on _shutdown_locks 3.8+ (Lib/threading.py)
EndJoinBlock(w) ==
    /\ Running
    /\ pc[Main] = "run" /\ eStep = "wait" /\ w \in Visible
    /\ joining' = w
    /\ CallDropGil(Main, FALSE, "e_joinwait")
    /\ UNCHANGED <<joining, mainTs, owner, lastHolder, dropReq, drq, runtimeFin,
                   interpFin, linkedS, freed, active, tlock, eStep, fatal, fault>>

\* The _tstate_lock was released: retake the GIL; _shutdown picks again.
\* CPython 3.7-main: threading._shutdown: the _tstate_lock acquire returns (Lib/threading.py)
EndJoinDone ==
    /\ Running
    /\ pc[Main] = "e_joinwait" /\ joining \notin tlock
    /\ joining' = None
    /\ CallTakeGil(Main, "run")
    /\ UNCHANGED <<joining, final, mainTs, owner, lastHolder, dropReq, drq, runtimeFin,
                   interpFin, linkedS, freed, active, tlock, eStep, fatal, fault>>

\* CPython 3.7-3.13: Py_EndInterpreter: Py_FatalError("not the last thread") (Python/pylifecycle.c)
EndCheckLastThread ==
    /\ Running
    /\ pc[Main] = "run" /\ eStep = "check"
    /\ IF linkedS # {TSub}
       THEN /\ fatal' = "not the last thread"
            /\ eStep' = "done"
            /\ pc' = [pc EXCEPT ![Main] = "done"]
       ELSE /\ eStep' = "setfin"
            /\ UNCHANGED <<fatal, pc>>
    /\ UNCHANGED <<joining, ret, final, mainTs, owner, lastHolder, dropReq, drq,
                   runtimeFin, interpFin, linkedS, freed, active, tlock, fault>>

\* CPython 3.12-main: Py_EndInterpreter: _PyInterpreterState_SetFinalizing (Python/pylifecycle.c)
EndSetFinalizing ==
    /\ Running
    /\ pc[Main] = "run" /\ eStep = "setfin"
    /\ interpFin' = TSub
    /\ eStep' = "teardown"
    /\ UNCHANGED <<joining, pc, ret, final, mainTs, owner, lastHolder, dropReq, drq,
                   runtimeFin, linkedS, freed, active, tlock, fatal, fault>>

\* CPython 3.7-main: the eval loop drops the GIL in threading._shutdown or finalize_modules (Python/ceval.c)
EndReleaseGil ==
    /\ Running
    /\ pc[Main] = "run" /\ eStep \in {"wait", "teardown"}
    /\ CallDropGil(Main, FALSE, "e_retake")
    /\ UNCHANGED <<joining, mainTs, owner, lastHolder, dropReq, drq, runtimeFin,
                   interpFin, linkedS, freed, active, tlock, eStep, fatal, fault>>

\* CPython 3.7-main: take_gil back in that code (Python/ceval.c)
EndRetakeGil ==
    /\ Running
    /\ pc[Main] = "e_retake"
    /\ CallTakeGil(Main, "run")
    /\ UNCHANGED <<joining, final, mainTs, owner, lastHolder, dropReq, drq, runtimeFin,
                   interpFin, linkedS, freed, active, tlock, eStep, fatal, fault>>

\* CPython 3.9-main: Py_EndInterpreter: finalize_modules, finalize_interp_clear (Python/pylifecycle.c)
EndTeardownDone ==
    /\ Running
    /\ pc[Main] = "run" /\ eStep = "teardown"
    /\ eStep' = "delete"
    /\ UNCHANGED <<joining, pc, ret, final, mainTs, owner, lastHolder, dropReq, drq,
                   runtimeFin, interpFin, linkedS, freed, active, tlock, fatal,
                   fault>>

\* PyInterpreterState_Delete: the current tstate is detached (the GIL is
\* released), zapthreads frees every tstate still linked (TSub included),
\* then the interpreter is freed.
\* CPython 3.9-main: finalize_interp_delete -> PyInterpreterState_Delete, zapthreads (Python/pylifecycle.c, Python/pystate.c)
EndInterpDelete ==
    /\ Running
    /\ pc[Main] = "run" /\ eStep = "delete"
    /\ freed' = freed \cup linkedS \cup {InterpS}
    /\ linkedS' = {}
    /\ owner' = None
    /\ eStep' = "swapback"
    /\ pc' = [pc EXCEPT ![Main] = "m_nogil"]
    /\ UNCHANGED <<joining, ret, final, mainTs, lastHolder, dropReq, drq, runtimeFin,
                   interpFin, active, tlock, fatal, fault>>

\* The caller of Py_EndInterpreter switches back to the main interpreter:
\* PyThreadState_Swap(main tstate) -> take_gil.
\* CPython 3.7-main: the caller's PyThreadState_Swap back to the main tstate (Python/pystate.c)
EndSwapBack ==
    /\ Running
    /\ pc[Main] = "m_nogil" /\ eStep = "swapback"
    /\ mainTs' = TMain
    /\ eStep' = "finish"
    /\ CallTakeGil(Main, "run")
    /\ UNCHANGED <<joining, final, owner, lastHolder, dropReq, drq, runtimeFin,
                   interpFin, linkedS, freed, active, tlock, fatal, fault>>

\* Back in the main interpreter: nothing of S is left to model.
\* CPython 3.7-main: Py_EndInterpreter has returned to its caller (Python/pylifecycle.c)
EndFinish ==
    /\ Running
    /\ pc[Main] = "run" /\ eStep = "finish"
    /\ eStep' = "done"
    /\ pc' = [pc EXCEPT ![Main] = "done"]
    /\ UNCHANGED <<joining, ret, final, mainTs, owner, lastHolder, dropReq, drq,
                   runtimeFin, interpFin, linkedS, freed, active, tlock, fatal,
                   fault>>

\* CPython 3.7-main: nothing left to run (Python/pylifecycle.c)
Terminated ==
    /\ ~Alive
    /\ UNCHANGED vars

-----------------------------------------------------------------------------

Init ==
    /\ pc = [x \in OSThreads |-> CASE x = Main      -> "run"
                                   [] x \in Workers -> "w_io"
                                   [] OTHER         -> "c_idle"]
    /\ ret = [x \in OSThreads |-> "run"]
    /\ final = [x \in OSThreads |-> FALSE]
    /\ mainTs = IF RuntimeFinalizing THEN TMain ELSE TSub
    /\ owner = Main
    /\ lastHolder = IF RuntimeFinalizing THEN TMain ELSE TSub
    /\ dropReq = FALSE
    /\ drq = [x \in OSThreads |-> FALSE]
    /\ runtimeFin = None
    /\ interpFin = None
    /\ linkedS = {TSub} \cup Workers
    /\ freed = {}
    /\ active = Workers
    /\ tlock = Workers
    /\ eStep = IF RuntimeFinalizing THEN "runtime" ELSE "wait"
    /\ fatal = "none"
    /\ fault = <<>>
    /\ joining = None

GilStep(x) == \/ TakeGilC1(x) \/ TakeGilLock(x) \/ TakeGilWake(x)
              \/ TakeGilTimeout(x) \/ TakeGilC3Exit(x) \/ DropGilRelease(x)
              \/ DropGilForceSwitch(x) \/ DropGilSwitched(x) \/ ThreadExit(x)

MainStep == \/ MainSetRuntimeFinalizing \/ MainSwapToSub \/ MainSwapAcquire
            \/ EndWaitThreads \/ (\E w \in Workers : EndJoinBlock(w)) \/ EndJoinDone
            \/ EndCheckLastThread \/ EndSetFinalizing \/ EndReleaseGil
            \/ EndRetakeGil \/ EndTeardownDone \/ EndInterpDelete
            \/ EndSwapBack \/ EndFinish

WorkerStep(w) == \/ WRestoreThread(w) \/ WAttach(w) \/ WFinishFunction(w)
                 \/ WTailYield(w) \/ WTailRetake(w) \/ WDeleteCurrent(w)
                 \/ FreeOwnTstate(w)

ForeignStep(c) == \/ CNewTstate(c) \/ CAttach(c) \/ CRelease(c) \/ FreeOwnTstate(c)

Next ==
    \/ \E x \in OSThreads : TakeGilC1(x)
    \/ \E x \in OSThreads : TakeGilLock(x)
    \/ \E x \in OSThreads : TakeGilWake(x)
    \/ \E x \in OSThreads : TakeGilTimeout(x)
    \/ \E x \in OSThreads : TakeGilC3Exit(x)
    \/ \E x \in OSThreads : DropGilRelease(x)
    \/ \E x \in OSThreads : DropGilForceSwitch(x)
    \/ \E x \in OSThreads : DropGilSwitched(x)
    \/ \E x \in OSThreads : ThreadExit(x)
    \/ \E w \in Workers : WRestoreThread(w)
    \/ \E w \in Workers : WAttach(w)
    \/ \E w \in Workers : WFinishFunction(w)
    \/ \E w \in Workers : WTailYield(w)
    \/ \E w \in Workers : WTailRetake(w)
    \/ \E w \in Workers : WDeleteCurrent(w)
    \/ \E c \in Foreign : CNewTstate(c)
    \/ \E c \in Foreign : CAttach(c)
    \/ \E c \in Foreign : CRelease(c)
    \/ \E x \in OSThreads : FreeOwnTstate(x)
    \/ MainSetRuntimeFinalizing
    \/ MainSwapToSub
    \/ MainSwapAcquire
    \/ EndWaitThreads
    \/ \E w \in Workers : EndJoinBlock(w)
    \/ EndJoinDone
    \/ EndCheckLastThread
    \/ EndSetFinalizing
    \/ EndReleaseGil
    \/ EndRetakeGil
    \/ EndTeardownDone
    \/ EndInterpDelete
    \/ EndSwapBack
    \/ EndFinish
    \/ Terminated

\* Main's own progress (not its GIL round trips or its join wait).
EndProgress == \/ MainSetRuntimeFinalizing \/ MainSwapToSub \/ EndWaitThreads
               \/ EndCheckLastThread \/ EndSetFinalizing \/ EndTeardownDone
               \/ EndInterpDelete \/ EndSwapBack \/ EndFinish

\* A worker's own progress out of its Python code.
WorkerProgress(w) == WFinishFunction(w) \/ WDeleteCurrent(w)

\* Weak fairness: the OS scheduler runs every runnable thread.  Strong
\* fairness on the progress steps: the Python code of finalize_modules and
\* of a worker's _bootstrap_inner is finite, so neither drops and retakes
\* the GIL forever.
Fairness == /\ WF_vars(MainStep \/ GilStep(Main))
            /\ \A w \in Workers : WF_vars(WorkerStep(w) \/ GilStep(w))
            /\ SF_vars(EndProgress)
            /\ \A w \in Workers : SF_vars(WorkerProgress(w))
            /\ \A c \in Foreign : WF_vars(ForeignStep(c) \/ GilStep(c))

Spec == Init /\ [][Next]_vars /\ Fairness

-----------------------------------------------------------------------------
(* Properties *)

\* gh-109793: the thread running Py_FinalizeEx never exits itself.
FinalizerNeverExits == pc[Main] # "dead"

\* bpo-36402: Py_EndInterpreter never hits "not the last thread".
NoFatalError == fatal = "none"

\* gh-104341: no step reads freed memory.
NoDanglingDeref == fault = <<>>

\* The same, restricted to the must-exit predicate's reads (C1, C2).  A
\* behaviour whose first bad read is elsewhere keeps going.
NoDanglingDerefInMustExit ==
    fault = <<>> \/ fault[2] \notin {"take_gil C1", "take_gil C2"}

\* Once S->_finalizing is set no worker of S runs Python code.
FinalizerExclusive ==
    interpFin # None =>
        \A x \in Workers \cup Foreign : pc[x] \notin {"w_py", "w_tail", "c_py"}

SingleGILHolder ==
    \A x \in OSThreads :
        (\/ x = Main /\ pc[Main] = "run"
         \/ x # Main /\ pc[x] \in {"w_py", "w_tail", "c_py"}) => owner = x

\* Py_EndInterpreter (and Py_FinalizeEx) get to the end.
EndTerminates == <>(eStep = "done")

-----------------------------------------------------------------------------
(* Witnesses: dangerous situations a fixed model must still reach (see     *)
(* GilFinalize.tla; `finalspec check` requires ~W to be violated).         *)

\* gh-104341: a worker is still in drop_gil's final release or about to
\* free its own tstate while Py_EndInterpreter has set S->_finalizing.
W_WorkerReleasingWhileEnding ==
    \E w \in Workers : pc[w] \in {"dg_release", "dg_force", "free_self"}
                       /\ interpFin # None

\* PR #104437: a C thread entered S after the last-thread check and was
\* trapped by the must-exit check.
W_ForeignTrapped == \E c \in Foreign : pc[c] \in {"x_exit", "dead"}

\* gh-109793: Main, with TSub current, is at take_gil's C1 while the runtime
\* is finalizing (the finalizing-id exemption must let it through).
W_MainAtC1WithSubTstate ==
    pc[Main] = "tg_c1" /\ mainTs = TSub /\ runtimeFin # None

\* bpo-36402: a worker has left threading._active and is still running its
\* tail (tstate not yet deleted).
W_WorkerTailAfterActive ==
    \E w \in Workers : pc[w] \in {"w_tail", "w_tail2"} /\ w \notin active

=============================================================================
