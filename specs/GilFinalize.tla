---------------------------- MODULE GilFinalize ----------------------------
(***************************************************************************)
(* The GIL hand-off and the main interpreter's Py_FinalizeEx, at the       *)
(* granularity of the real code, for the GIL (non free-threaded) build.    *)
(*                                                                         *)
(* Processes                                                               *)
(*   Main      the main thread; it holds the GIL and runs Py_FinalizeEx.   *)
(*   Daemons   daemon threads with a bound tstate.  They loop: blocking    *)
(*             I/O with the GIL released, then back into Python.  Those in *)
(*             AcquireThreads are C threads that re-enter through          *)
(*             PyEval_AcquireThread; the others through                    *)
(*             PyEval_RestoreThread (Py_END_ALLOW_THREADS).                *)
(*   Foreign   C threads with no tstate that call PyGILState_Ensure once,  *)
(*             run Python, and call PyGILState_Release.                    *)
(*   Spawned   threads that Main starts with _thread.start_new_thread      *)
(*             while it runs Python code (atexit) before SetFinalizing.    *)
(*                                                                         *)
(* Actions and the CPython code they stand for                             *)
(*   take_gil (Python/ceval_gil.c: take_gil, one action per step that runs *)
(*   atomically under gil->mutex):                                         *)
(*     TakeGilC1       entry check point C1 (bpo-39877 fix 2)              *)
(*     TakeGilLock     `interp = tstate->interp`, MUTEX_LOCK, test locked  *)
(*     TakeGilWake     COND_TIMED_WAIT signalled, GIL free: _ready section *)
(*     TakeGilTimeout  COND_TIMED_WAIT timed out while the GIL stayed      *)
(*                     locked: check point C2 (bpo-39877 fix 4), else      *)
(*                     SET_GIL_DROP_REQUEST and drop_requested = 1         *)
(*     (both TakeGilLock and TakeGilWake end in the `_ready` section:      *)
(*      locked = 1, last_holder, switch_cond signal, check point C3,       *)
(*      RESET_GIL_DROP_REQUEST, tstate->async_exc / holds_gil)             *)
(*     TakeGilC3Exit   C3 said "must exit": MUTEX_UNLOCK, drop_gil, then   *)
(*                     exit/hang.  Up to 3.13 drop_gil gets the (maybe     *)
(*                     dangling) tstate; 3.14 passes NULL, final_release   *)
(*   drop_gil (Python/ceval_gil.c: drop_gil, drop_gil_impl):               *)
(*     DropGilRelease     last_holder = tstate unless final_release,       *)
(*                        locked = 0, COND_SIGNAL, MUTEX_UNLOCK            *)
(*     DropGilForceSwitch FORCE_SWITCHING block: read the drop request     *)
(*                        (interp flag <= 3.12, the tstate's eval-breaker  *)
(*                        bit >= 3.13), and if last_holder == tstate reset *)
(*                        it and COND_WAIT(switch_cond)                    *)
(*     DropGilSwitched    woken by the next taker (last_holder changed)    *)
(*   ThreadExit        PyThread_exit_thread (<= 3.13.7) or                 *)
(*                     PyThread_hang_thread / _PyThreadState_HangThread    *)
(*                     (>= 3.13.8 / 3.14, with decref_threadstate)         *)
(*   Daemons (Python/ceval.c, Python/pystate.c):                           *)
(*     DRestoreThread  PyEval_RestoreThread / PyEval_AcquireThread entry:  *)
(*                     3.8 reads tstate->interp->runtime (bpo-36710); the  *)
(*                     bpo-39877 fix 1 checks _PyRuntime before take_gil   *)
(*     DPostAcquire    code after take_gil in the caller: the 3.2-3.8      *)
(*                     `if finalizing && tstate != finalizing: drop_gil;   *)
(*                     exit` (bpo-1856, bpo-36475), then                   *)
(*                     PyThreadState_Swap / _PyThreadState_Attach          *)
(*     DSaveThread     PyEval_SaveThread (Py_BEGIN_ALLOW_THREADS): detach, *)
(*                     drop_gil.  It also stands for the eval loop's       *)
(*                     drop-request path (drop_gil, then take_gil)         *)
(*     DLockStdout, DUnlockStdout   Modules/_io/bufferedio.c:              *)
(*                     _enter_buffered_busy / LEAVE_BUFFERED on sys.stdout *)
(*   Foreign threads (Python/pystate.c: PyGILState_Ensure/Release):        *)
(*     EnsureCheck     3.14: hang if autoInterpreterState == NULL          *)
(*     EnsureNewTstate new_threadstate(autoInterpreterState, GILSTATE)     *)
(*                     under HEAD_LOCK, then PyEval_RestoreThread          *)
(*     EnsureAttach    _PyThreadState_Attach / Swap after take_gil         *)
(*     GilStateRelease PyThreadState_Clear + _PyThreadState_DeleteCurrent  *)
(*                     (unlink, drop_gil final_release)                    *)
(*     FreeOwnTstate   free_threadstate at the end of DeleteCurrent        *)
(*   Spawned threads (Modules/_threadmodule.c):                            *)
(*     FinSpawn        do_start_new_thread: _PyThreadState_New links the   *)
(*                     new tstate, PyThread_start_new_thread               *)
(*     ThreadRunStart  thread_run entry: the gh-108987 MustExit check      *)
(*                     (only with the fix 517cd82e)                        *)
(*     ThreadRunBind   _PyThreadState_Bind (writes tstate->thread_id),     *)
(*                     then PyEval_AcquireThread                           *)
(*     ThreadRunAttach after take_gil: the thread runs its function        *)
(*     ThreadRunFinish PyThreadState_Clear + _PyThreadState_DeleteCurrent  *)
(*   Main (Python/pylifecycle.c: Py_FinalizeEx / _Py_Finalize):            *)
(*     FinReleaseGil   while running Python code (threading._shutdown,     *)
(*                     atexit, destructors, module teardown) the eval loop *)
(*                     or an I/O call drops the GIL...                     *)
(*     FinRetakeGil    ... and takes it back                               *)
(*     FinSetFinalizing  _PyRuntimeState_SetFinalizing (+ the interp flag) *)
(*     FinRemoveExcept _PyThreadState_DeleteExcept's unlink (3.9-3.12) or  *)
(*                     _PyThreadState_RemoveExcept (3.13+), HEAD_LOCK      *)
(*     FinSetShuttingDown the 3.14 _PyThreadState_SetShuttingDown loop     *)
(*     FinClearTstate  PyThreadState_Clear(p) for one removed tstate       *)
(*     FinFreeTstate   free_threadstate(p) (<= 3.13) / decref (3.14)       *)
(*     FinDeleteDone   end of the DeleteExcept / DeleteList loop           *)
(*     FinFlushStdFiles, FinLockAcquired, FinLockTimeout  flush_std_files  *)
(*                     -> buffered_flush -> _enter_buffered_busy; since    *)
(*                     bpo-23309 a 1 s timed acquire, then Py_FatalError   *)
(*     FinInterpDelete finalize_interp_delete: _PyGILState_Fini            *)
(*                     (autoInterpreterState = NULL), and in 3.12+         *)
(*                     PyInterpreterState_Delete detaches the current      *)
(*                     tstate, which releases the GIL                      *)
(*     FinZapThreads   zapthreads: frees every tstate still linked, then   *)
(*                     free_interpreter (the main interp is static 3.12+); *)
(*                     in <= 3.8 this is also where daemon tstates die     *)
(*     FinExit         Py_FinalizeEx returns, exit(): all threads vanish   *)
(*   Terminated        stuttering after the process is gone                *)
(*                                                                         *)
(* Bugs reproduced: bpo-1856, bpo-36475, bpo-39877 (fixes 1-4),            *)
(* bpo-33608/gh-110052, gh-96387, gh-108987, bpo-23309/gh-129536,          *)
(* gh-124619, gh-154175, and the GIL-build side of gh-124878.              *)
(* See docs/specs.md and docs/bugs.md.                                     *)
(*                                                                         *)
(* Abstractions (why they are sound for these properties):                 *)
(*  - gil->mutex is not a variable: every step below is one critical       *)
(*    section of it, so TLC's interleaving of whole steps is the same      *)
(*    serialization the mutex gives.                                       *)
(*  - switch_number is not kept.  A timed-out waiter that saw a switch     *)
(*    just waits again, a step that changes nothing; letting it post a     *)
(*    drop request instead is what the same waiter would do one interval   *)
(*    later, so no new states are reachable.                               *)
(*  - A single drop-request flag: the interpreter's gil_drop_request       *)
(*    (<= 3.12) or the eval-breaker bit of the holder (3.13+).  In 3.13+   *)
(*    every successful acquire clears the acquirer's own bit, which is     *)
(*    the single flag here while one thread at a time holds the GIL.       *)
(*  - One tstate per thread; the tstate id is the thread id.  `freed`      *)
(*    holds the ids of freed tstates and of the freed interpreter.         *)
(*    A step that reads memory in `freed` records itself in `fault`.       *)
(***************************************************************************)
EXTENDS Naturals

CONSTANTS
    Main, Daemons, AcquireThreads, Foreign, Spawned, StdoutUsers,
    Interp,        \* model value: the main PyInterpreterState
    None,          \* model value: NULL
    \* ---- version switches (see docs/specs.md for each version) ----
    PostCheck,              \* SUBSET {"Restore","Acquire"}: callers that check
                            \* must-exit after take_gil (3.2-3.8)
    EntryReadsInterp,       \* 3.8: RestoreThread/AcquireThread read
                            \* tstate->interp->runtime on entry (bpo-36710)
    PreCheck,               \* bpo-39877 fix 1: check _PyRuntime before take_gil
    GilChecks,              \* SUBSET {"C1","C2","C3"} inside take_gil
    C3BeforeTstateUse,      \* bpo-39877 fix 3: C3 before reading tstate->async_exc
    C3FinalRelease,         \* 3.14+: C3 calls drop_gil(interp, NULL, 1); up to
                            \* 3.13 it passes the (maybe dangling) tstate
    TakeGilReadsInterp,     \* 3.9+: take_gil reads tstate->interp (bpo-33608)
    MustExitReads,          \* "runtime" (3.9-3.13) | "tstate" (3.14 state field)
    DropFlagIn,             \* where gil_drop_request lives: "runtime" (<= 3.8),
                            \* "interp" (3.9-3.12), "tstate" (3.13+)
    DropBitReadAfterRelease,\* drop_gil reads the request after MUTEX_UNLOCK
                            \* (FALSE = the gh-154175 fix)
    DeleteTiming,           \* "zap" (<= 3.8), "early" (3.9-3.12 DeleteExcept),
                            \* "list" (3.13 RemoveExcept+DeleteList),
                            \* "refcount" (3.14 + SetShuttingDown, decref)
    ExitAction,             \* "exit" (PyThread_exit_thread) | "hang"
    ResetDropRequestOnExit, \* gh-96387 fix at C2
    InterpDeleteReleasesGil,\* 3.12+: PyInterpreterState_Delete drops the GIL
    MainInterpStatic,       \* 3.12+: the main interpreter is never freed
    EnsureHangCheck,        \* 3.14: PyGILState_Ensure hangs if autoInterp is NULL
    EnsureRefusesWhenFinalizing, \* proposed gh-124619 fix (not merged)
    ThreadRunEarlyCheck,    \* gh-108987 fix in thread_run
    ShutdownLockTimeout     \* bpo-23309 fix: timed acquire at shutdown

Threads == {Main} \cup Daemons \cup Foreign \cup Spawned
Others  == Threads \ {Main}
Objects == Threads \cup {Interp}

\* Models must respect this (a definition rather than an ASSUME, to stay inside
\* the code generator's fragment; TypeOK includes it).
ConstantsOK ==
    /\ Main \notin Daemons \cup Foreign \cup Spawned
    /\ AcquireThreads \subseteq Daemons /\ StdoutUsers \subseteq Daemons
    /\ PostCheck \subseteq {"Restore", "Acquire"}
    /\ GilChecks \subseteq {"C1", "C2", "C3"}
    /\ MustExitReads \in {"runtime", "tstate"}
    /\ DropFlagIn \in {"runtime", "interp", "tstate"}
    /\ DeleteTiming \in {"zap", "early", "list", "refcount"}
    /\ ExitAction \in {"exit", "hang"}

VARIABLES
    pc,          \* pc[t]: where thread t is
    ret,         \* ret[t]: where take_gil / drop_gil return to
    final,       \* final[t]: the final_release argument of drop_gil
    drq,         \* drq[t]: take_gil's local drop_requested
    sawReq,      \* sawReq[t]: the drop request read before MUTEX_UNLOCK (gh-154175 fix)
    ts,          \* ts[t]: tstate->state: "none" (not created), "detached",
                 \*   "attached", "shutting_down"
    refs,        \* refs[t]: the 3.14 tstate refcount (starts at 2)
    linked,      \* interp->threads list
    freed,       \* freed tstates and interpreter
    owner,       \* the thread that holds the GIL (gil->locked), or None
    lastHolder,  \* gil->last_holder
    dropReq,     \* gil_drop_request / _PY_GIL_DROP_REQUEST_BIT
    finalizing,  \* _PyRuntime._finalizing
    finStep,     \* the step of Py_FinalizeEx that Main is at
    finCur,      \* the tstate DeleteExcept/DeleteList is clearing, or None
    toDelete,    \* removed tstates not yet freed by DeleteExcept/DeleteList
    autoInterp,  \* gilstate.autoInterpreterState != NULL
    stdoutLock,  \* holder of sys.stdout's BufferedWriter lock, or None
    fault        \* <<>> or <<thread, site>>: the first read of freed memory

vars == <<pc, ret, final, drq, sawReq, ts, refs, linked, freed, owner,
          lastHolder, dropReq, finalizing, finStep, finCur, toDelete,
          autoInterp, stdoutLock, fault>>

\* Main's steps of Py_FinalizeEx, in order.  "atexit" stands for everything
\* before SetFinalizing that runs Python code (threading._shutdown, atexit
\* callbacks); "teardown" for the module teardown and GC after it.
FinSteps == {"atexit", "remove", "shutdown", "delete", "teardown",
             "interp_delete", "zap", "exit", "done", "fatal"}
PyPcs    == {"d_py", "f_py", "s_py"}
Pcs == {"run", "m_retake", "m_lockwait", "nogil", "done",
        "tg_c1", "tg_lock", "tg_wait", "tg_c3exit",
        "dg_release", "dg_force", "dg_switchwait",
        "x_exit", "dead", "hung",
        "d_io", "d_post", "d_py",
        "f_idle", "f_new", "f_attach", "f_py",
        "s_unborn", "s_boot", "s_bind", "s_attach", "s_py", "free_self"}
Sites == {"RestoreThread entry", "take_gil C1", "take_gil tstate->interp",
          "drop_gil after C3",
          "take_gil drop request", "take_gil C3", "take_gil after acquire",
          "drop_gil read request", "drop_gil reset request", "attach",
          "detach", "thread_run check", "thread_run entry", "_PyThreadState_Bind",
          "new_threadstate(NULL)", "new_threadstate", "hang decref",
          "PyThreadState_Clear"}

TypeOK ==
    /\ ConstantsOK
    /\ pc \in [Threads -> Pcs]
    /\ ret \in [Threads -> Pcs]
    /\ final \in [Threads -> BOOLEAN]
    /\ drq \in [Threads -> BOOLEAN]
    /\ sawReq \in [Threads -> BOOLEAN]
    /\ ts \in [Threads -> {"none", "detached", "attached", "shutting_down"}]
    /\ refs \in [Threads -> 0..2]
    /\ linked \subseteq Threads
    /\ freed \subseteq Objects
    /\ owner \in Threads \cup {None}
    /\ lastHolder \in Threads \cup {None}
    /\ dropReq \in BOOLEAN
    /\ finalizing \in {None, Main}
    /\ finStep \in FinSteps
    /\ finCur \in Others \cup {None}
    /\ toDelete \subseteq Others
    /\ autoInterp \in BOOLEAN
    /\ stdoutLock \in Daemons \cup {None}
    /\ fault \in {<<>>} \cup {<<t, s>> : t \in Threads, s \in Sites}

-----------------------------------------------------------------------------
(* Helpers *)

\* The process still exists (Py_FinalizeEx has not returned to exit(), and
\* no fatal error aborted it).
Alive == finStep \notin {"done", "fatal"}

\* The "must exit" predicate of the version: tstate_must_exit (3.9-3.11),
\* _PyThreadState_MustExit (3.12/3.13: the runtime flag is set for the main
\* interpreter, so the tstate->interp read is never reached), and the 3.14
\* `tstate->state == _Py_THREAD_SHUTTING_DOWN`.
MustExit(t) == IF MustExitReads = "runtime"
               THEN finalizing # None /\ finalizing # t
               ELSE ts[t] = "shutting_down"
MustExitReadsOf(t) == IF MustExitReads = "tstate" THEN {t} ELSE {}

\* The memory that holds the drop request for tstate t.
DropFlagOf(t) == CASE DropFlagIn = "runtime" -> {}
                   [] DropFlagIn = "interp"  -> {Interp}
                   [] OTHER                  -> {t}
\* RESET_GIL_DROP_REQUEST(tstate->interp) (3.9-3.12), unset tstate's bit (3.13+)
ResetReadsOf(t) == CASE DropFlagIn = "runtime" -> {}
                     [] DropFlagIn = "interp"  -> {t, Interp}
                     [] OTHER                  -> {t}

\* fault' for a step of t that reads the objects objs at code site s.
Faulted(t, objs, s) ==
    IF fault = <<>> /\ objs \cap freed # {} THEN <<t, s>> ELSE fault

\* Entering a subroutine: take_gil or drop_gil, returning to r.
CallTakeGil(t, r) ==
    /\ pc' = [pc EXCEPT ![t] = "tg_c1"]
    /\ ret' = [ret EXCEPT ![t] = r]
CallDropGil(t, fin, r) ==
    /\ pc' = [pc EXCEPT ![t] = "dg_release"]
    /\ ret' = [ret EXCEPT ![t] = r]
    /\ final' = [final EXCEPT ![t] = fin]

\* Freeing (or, in 3.14, dropping one reference to) tstate p.
Release(p) ==
    IF DeleteTiming = "refcount"
    THEN /\ refs' = [refs EXCEPT ![p] = @ - 1]
         /\ freed' = IF refs[p] = 1 THEN freed \cup {p} ELSE freed
    ELSE /\ freed' = freed \cup {p}
         /\ UNCHANGED refs

\* The `_ready` section of take_gil: one critical section of gil->mutex.
\* C3 (bpo-39877 fix 2) is evaluated after locked = 1 and last_holder; before
\* fix 3 tstate->async_exc was read first.  Without C3 (<= 3.8) the caller
\* checks after take_gil returns (DPostAcquire).
\* pre: what the same step read before MUTEX_LOCK (tstate->interp).
Ready(t, pre) ==
    /\ owner' = t
    /\ lastHolder' = t
    /\ IF "C3" \in GilChecks /\ MustExit(t)
       THEN /\ fault' = IF fault = <<>> /\ pre \cap freed # {}
                        THEN <<t, "take_gil tstate->interp">>
                        ELSE Faulted(t, MustExitReadsOf(t) \cup
                                        (IF C3BeforeTstateUse THEN {} ELSE {t}),
                                     "take_gil C3")
            /\ pc' = [pc EXCEPT ![t] = "tg_c3exit"]
            /\ UNCHANGED dropReq
       ELSE /\ fault' = IF fault = <<>> /\ pre \cap freed # {}
                        THEN <<t, "take_gil tstate->interp">>
                        ELSE Faulted(t, {t} \cup DropFlagOf(t), "take_gil after acquire")
            /\ dropReq' = FALSE
            /\ pc' = [pc EXCEPT ![t] = ret[t]]

-----------------------------------------------------------------------------
(* take_gil *)

\* CPython 3.2-main: take_gil entry, must-exit check C1 from 3.9 (Python/ceval_gil.h <= 3.11, Python/ceval_gil.c 3.12+)
TakeGilC1(t) ==
    /\ Alive /\ pc[t] = "tg_c1"
    /\ IF "C1" \in GilChecks
       THEN /\ fault' = Faulted(t, MustExitReadsOf(t), "take_gil C1")
            /\ pc' = [pc EXCEPT ![t] = IF MustExit(t) THEN "x_exit" ELSE "tg_lock"]
       ELSE /\ pc' = [pc EXCEPT ![t] = "tg_lock"]
            /\ UNCHANGED fault
    /\ UNCHANGED <<ret, final, drq, sawReq, ts, refs, linked, freed, owner,
                   lastHolder, dropReq, finalizing, finStep, finCur, toDelete,
                   autoInterp, stdoutLock>>

\* interp = tstate->interp; gil = ...; MUTEX_LOCK(gil->mutex); if !locked goto _ready
\* CPython 3.2-main: take_gil: interp = tstate->interp (3.9+), MUTEX_LOCK, test gil->locked (Python/ceval_gil.h <= 3.11, Python/ceval_gil.c 3.12+)
TakeGilLock(t) ==
    /\ Alive /\ pc[t] = "tg_lock"
    /\ IF owner = None
       THEN /\ Ready(t, IF TakeGilReadsInterp THEN {t} ELSE {})
       ELSE /\ pc' = [pc EXCEPT ![t] = "tg_wait"]
            /\ fault' = Faulted(t, IF TakeGilReadsInterp THEN {t} ELSE {},
                                "take_gil tstate->interp")
            /\ UNCHANGED <<owner, lastHolder, dropReq>>
    /\ drq' = [drq EXCEPT ![t] = FALSE]
    /\ UNCHANGED <<ret, final, sawReq, ts, refs, linked, freed, finalizing,
                   finStep, finCur, toDelete, autoInterp, stdoutLock>>

\* COND_TIMED_WAIT returned (signalled) and the GIL is free.
\* CPython 3.2-main: take_gil: COND_TIMED_WAIT signalled, the _ready section, C3 from 3.9 (Python/ceval_gil.h <= 3.11, Python/ceval_gil.c 3.12+)
TakeGilWake(t) ==
    /\ Alive /\ pc[t] = "tg_wait" /\ owner = None
    /\ Ready(t, {})
    /\ UNCHANGED <<ret, final, drq, sawReq, ts, refs, linked, freed, finalizing,
                   finStep, finCur, toDelete, autoInterp, stdoutLock>>

\* COND_TIMED_WAIT timed out, the GIL is still locked and did not switch.
\* CPython 3.2-main: take_gil: timed out, C2 from 3.9 (a36adfa6), SET_GIL_DROP_REQUEST (Python/ceval_gil.h <= 3.11, Python/ceval_gil.c 3.12+)
TakeGilTimeout(t) ==
    /\ Alive /\ pc[t] = "tg_wait" /\ owner # None
    /\ IF "C2" \in GilChecks /\ MustExit(t)
       THEN /\ fault' = Faulted(t, MustExitReadsOf(t), "take_gil C2")
            /\ pc' = [pc EXCEPT ![t] = "x_exit"]
            \* gh-96387: withdraw our own request before leaving
            /\ dropReq' = IF ResetDropRequestOnExit /\ drq[t] THEN FALSE ELSE dropReq
            /\ UNCHANGED drq
       ELSE /\ fault' = Faulted(t, (IF "C2" \in GilChecks THEN MustExitReadsOf(t) ELSE {})
                                   \cup DropFlagOf(owner),
                                "take_gil drop request")
            /\ dropReq' = TRUE
            /\ drq' = [drq EXCEPT ![t] = TRUE]
            /\ UNCHANGED pc
    /\ UNCHANGED <<ret, final, sawReq, ts, refs, linked, freed, owner, lastHolder,
                   finalizing, finStep, finCur, toDelete, autoInterp, stdoutLock>>

\* After C3 said "must exit": MUTEX_UNLOCK, drop_gil, then exit or hang.
\* 3.12+ passes no tstate (final release) because it may be dangling.
\* CPython 3.9-main: take_gil after C3: MUTEX_UNLOCK, drop_gil, then exit or hang (Python/ceval_gil.h <= 3.11, Python/ceval_gil.c 3.12+)
TakeGilC3Exit(t) ==
    /\ Alive /\ pc[t] = "tg_c3exit"
    /\ CallDropGil(t, C3FinalRelease, "x_exit")
    /\ UNCHANGED <<drq, sawReq, ts, refs, linked, freed, owner, lastHolder,
                   dropReq, finalizing, finStep, finCur, toDelete, autoInterp,
                   stdoutLock, fault>>

-----------------------------------------------------------------------------
(* drop_gil *)

\* The code site of drop_gil's request read: after C3 (the thread is on its
\* way out, gh-124878) or an ordinary release (gh-154175).
DropSite(t) == IF ret[t] = "x_exit" THEN "drop_gil after C3" ELSE "drop_gil read request"

\* CPython 3.2-main: drop_gil / drop_gil_impl: release, COND_SIGNAL, MUTEX_UNLOCK (Python/ceval_gil.h <= 3.11, Python/ceval_gil.c 3.12+)
DropGilRelease(t) ==
    /\ Alive /\ pc[t] = "dg_release"
    /\ owner' = None
    /\ lastHolder' = IF final[t] THEN lastHolder ELSE t
    \* gh-154175 fix: read the request while still holding the GIL (the
    \* variable is only kept when the fix is on, so as not to split states)
    /\ sawReq' = IF DropBitReadAfterRelease THEN sawReq
                 ELSE [sawReq EXCEPT ![t] = dropReq]
    /\ fault' = IF ~DropBitReadAfterRelease /\ ~final[t]
                THEN Faulted(t, DropFlagOf(t), DropSite(t)) ELSE fault
    /\ pc' = [pc EXCEPT ![t] = IF final[t] THEN ret[t] ELSE "dg_force"]
    /\ UNCHANGED <<ret, final, drq, ts, refs, linked, freed, dropReq, finalizing,
                   finStep, finCur, toDelete, autoInterp, stdoutLock>>

\* #ifdef FORCE_SWITCHING: if the request is set, lock switch_mutex; if nobody
\* took the GIL yet (last_holder == tstate), reset the request and wait.
\* CPython 3.2-main: drop_gil, FORCE_SWITCHING block (Python/ceval_gil.h <= 3.11, Python/ceval_gil.c 3.12+)
DropGilForceSwitch(t) ==
    /\ Alive /\ pc[t] = "dg_force"
    /\ LET req == IF DropBitReadAfterRelease THEN dropReq ELSE sawReq[t]
           readObjs == IF DropBitReadAfterRelease THEN DropFlagOf(t) ELSE {}
       IN IF req /\ lastHolder = t
          THEN /\ fault' = IF fault = <<>> /\ readObjs \cap freed # {}
                           THEN <<t, DropSite(t)>>
                           ELSE Faulted(t, ResetReadsOf(t),
                                        IF ret[t] = "x_exit" THEN "drop_gil after C3"
                                        ELSE "drop_gil reset request")
               /\ dropReq' = FALSE
               /\ pc' = [pc EXCEPT ![t] = "dg_switchwait"]
          ELSE /\ fault' = Faulted(t, readObjs, DropSite(t))
               /\ pc' = [pc EXCEPT ![t] = ret[t]]
               /\ UNCHANGED dropReq
    /\ UNCHANGED <<ret, final, drq, sawReq, ts, refs, linked, freed, owner,
                   lastHolder, finalizing, finStep, finCur, toDelete, autoInterp,
                   stdoutLock>>

\* COND_WAIT(switch_cond) returns once a taker changed last_holder and signalled.
\* CPython 3.2-main: drop_gil, COND_WAIT(switch_cond) returns (Python/ceval_gil.h <= 3.11, Python/ceval_gil.c 3.12+)
DropGilSwitched(t) ==
    /\ Alive /\ pc[t] = "dg_switchwait" /\ lastHolder # t
    /\ pc' = [pc EXCEPT ![t] = ret[t]]
    /\ UNCHANGED <<ret, final, drq, sawReq, ts, refs, linked, freed, owner,
                   lastHolder, dropReq, finalizing, finStep, finCur, toDelete,
                   autoInterp, stdoutLock, fault>>

\* PyThread_exit_thread: the thread is gone, its locks stay held.
\* PyThread_hang_thread: blocks forever; 3.14 first drops the OS thread's
\* reference to its tstate (_PyThreadState_HangThread).
\* CPython 3.2-main: PyThread_exit_thread, PyThread_hang_thread 3.13.8+ (Python/thread_pthread.h), _PyThreadState_HangThread 3.14+ (Python/pystate.c)
ThreadExit(t) ==
    /\ Alive /\ pc[t] = "x_exit"
    /\ IF ExitAction = "hang" /\ DeleteTiming = "refcount" /\ ts[t] # "none"
       THEN /\ Release(t)
            /\ fault' = Faulted(t, {t}, "hang decref")
       ELSE UNCHANGED <<refs, freed, fault>>
    /\ pc' = [pc EXCEPT ![t] = IF ExitAction = "exit" THEN "dead" ELSE "hung"]
    /\ UNCHANGED <<ret, final, drq, sawReq, ts, linked, owner, lastHolder,
                   dropReq, finalizing, finStep, finCur, toDelete, autoInterp,
                   stdoutLock>>

-----------------------------------------------------------------------------
(* Daemon threads *)

EntryOf(d) == IF d \in AcquireThreads THEN "Acquire" ELSE "Restore"

\* Py_END_ALLOW_THREADS -> PyEval_RestoreThread(tstate), or
\* PyEval_AcquireThread(tstate) from a C thread.
\* CPython 3.2-main: PyEval_RestoreThread / PyEval_AcquireThread entry (Python/ceval.c <= 3.11, Python/ceval_gil.c 3.12+)
DRestoreThread(d) ==
    /\ Alive /\ pc[d] = "d_io"
    /\ fault' = Faulted(d, IF EntryReadsInterp THEN {d, Interp} ELSE {},
                        "RestoreThread entry")
    /\ IF PreCheck /\ finalizing # None /\ finalizing # d
       THEN /\ pc' = [pc EXCEPT ![d] = "x_exit"]
            /\ UNCHANGED ret
       ELSE CallTakeGil(d, "d_post")
    /\ UNCHANGED <<final, drq, sawReq, ts, refs, linked, freed, owner, lastHolder,
                   dropReq, finalizing, finStep, finCur, toDelete, autoInterp,
                   stdoutLock>>

\* Back from take_gil: the 3.2-3.8 post-acquire check (reads only the
\* global), then PyThreadState_Swap / _PyThreadState_Attach.
\* CPython 3.2-main: after take_gil in PyEval_RestoreThread / PyEval_AcquireThread; the post-acquire exit 3.2-3.8 (Python/ceval.c <= 3.11, Python/ceval_gil.c 3.12+)
DPostAcquire(d) ==
    /\ Alive /\ pc[d] = "d_post"
    /\ IF EntryOf(d) \in PostCheck /\ finalizing # None /\ finalizing # d
       THEN /\ CallDropGil(d, FALSE, "x_exit")
            /\ UNCHANGED <<ts, fault>>
       ELSE /\ pc' = [pc EXCEPT ![d] = "d_py"]
            /\ ts' = [ts EXCEPT ![d] = "attached"]
            /\ fault' = Faulted(d, {d}, "attach")
            /\ UNCHANGED <<ret, final>>
    /\ UNCHANGED <<drq, sawReq, refs, linked, freed, owner, lastHolder, dropReq,
                   finalizing, finStep, finCur, toDelete, autoInterp, stdoutLock>>

\* Py_BEGIN_ALLOW_THREADS -> PyEval_SaveThread: detach, then drop_gil.
\* CPython 3.2-main: PyEval_SaveThread (Python/ceval.c <= 3.11, Python/ceval_gil.c 3.12+)
DSaveThread(d) ==
    /\ Alive /\ pc[d] = "d_py"
    /\ ts' = [ts EXCEPT ![d] = "detached"]
    /\ fault' = Faulted(d, {d}, "detach")
    /\ CallDropGil(d, FALSE, "d_io")
    /\ UNCHANGED <<drq, sawReq, refs, linked, freed, owner, lastHolder, dropReq,
                   finalizing, finStep, finCur, toDelete, autoInterp, stdoutLock>>

\* print() to sys.stdout: the BufferedWriter lock is taken with the GIL held
\* and kept across the write(2), which releases the GIL (DSaveThread).
\* Both are Python-level steps: with a drop request pending, the eval loop's
\* eval_breaker check drops the GIL first (DSaveThread stands for that).
\* CPython 3.2-main: _enter_buffered_busy (Modules/_io/bufferedio.c)
DLockStdout(d) ==
    /\ Alive /\ pc[d] = "d_py" /\ d \in StdoutUsers /\ stdoutLock = None
    /\ ~dropReq
    /\ stdoutLock' = d
    /\ UNCHANGED <<pc, ret, final, drq, sawReq, ts, refs, linked, freed, owner,
                   lastHolder, dropReq, finalizing, finStep, finCur, toDelete,
                   autoInterp, fault>>

\* CPython 3.2-main: LEAVE_BUFFERED (Modules/_io/bufferedio.c)
DUnlockStdout(d) ==
    /\ Alive /\ pc[d] = "d_py" /\ stdoutLock = d /\ ~dropReq
    /\ stdoutLock' = None
    /\ UNCHANGED <<pc, ret, final, drq, sawReq, ts, refs, linked, freed, owner,
                   lastHolder, dropReq, finalizing, finStep, finCur, toDelete,
                   autoInterp, fault>>

-----------------------------------------------------------------------------
(* Foreign C threads: PyGILState_Ensure / PyGILState_Release *)

\* CPython 3.12-main: PyGILState_Ensure, the autoInterpreterState check, hang 3.14+ (Python/pystate.c)
EnsureCheck(f) ==
    /\ Alive /\ pc[f] = "f_idle"
    /\ pc' = [pc EXCEPT ![f] = IF EnsureHangCheck /\ ~autoInterp THEN "hung" ELSE "f_new"]
    /\ UNCHANGED <<ret, final, drq, sawReq, ts, refs, linked, freed, owner,
                   lastHolder, dropReq, finalizing, finStep, finCur, toDelete,
                   autoInterp, stdoutLock, fault>>

\* tcur = new_threadstate(autoInterpreterState) under HEAD_LOCK, then
\* PyEval_RestoreThread(tcur).  Before 3.14 a NULL autoInterpreterState is
\* only asserted, so a release build dereferences NULL.
\* CPython 3.12-main: PyGILState_Ensure -> new_threadstate, PyEval_RestoreThread (Python/pystate.c)
EnsureNewTstate(f) ==
    /\ Alive /\ pc[f] = "f_new"
    /\ IF EnsureRefusesWhenFinalizing /\ finalizing # None
       THEN \* proposed fix: under HEAD_LOCK, refuse (hang) once finalizing
            /\ pc' = [pc EXCEPT ![f] = "hung"]
            /\ UNCHANGED <<ret, ts, refs, linked, freed, fault>>
       ELSE IF ~autoInterp
       THEN \* re-reads autoInterpreterState: NULL after _PyGILState_Fini
            /\ fault' = IF fault = <<>> THEN <<f, "new_threadstate(NULL)">> ELSE fault
            /\ UNCHANGED <<pc, ret, ts, refs, linked, freed>>
       ELSE /\ fault' = Faulted(f, {Interp}, "new_threadstate")
            /\ linked' = linked \cup {f}
            /\ freed' = freed \ {f}
            /\ ts' = [ts EXCEPT ![f] = "detached"]
            /\ refs' = [refs EXCEPT ![f] = 2]
            /\ CallTakeGil(f, "f_attach")
    /\ UNCHANGED <<final, drq, sawReq, owner, lastHolder, dropReq, finalizing,
                   finStep, finCur, toDelete, autoInterp, stdoutLock>>

\* CPython 3.12-main: PyGILState_Ensure after take_gil: _PyThreadState_Attach / Swap (Python/pystate.c)
EnsureAttach(f) ==
    /\ Alive /\ pc[f] = "f_attach"
    /\ pc' = [pc EXCEPT ![f] = "f_py"]
    /\ ts' = [ts EXCEPT ![f] = "attached"]
    /\ fault' = Faulted(f, {f}, "attach")
    /\ UNCHANGED <<ret, final, drq, sawReq, refs, linked, freed, owner,
                   lastHolder, dropReq, finalizing, finStep, finCur, toDelete,
                   autoInterp, stdoutLock>>

\* gilstate_counter reaches 0: PyThreadState_Clear, then
\* _PyThreadState_DeleteCurrent: unlink under HEAD_LOCK and drop_gil with
\* final_release, then free.
\* CPython 3.12-main: PyGILState_Release -> PyThreadState_Clear, _PyThreadState_DeleteCurrent (Python/pystate.c)
GilStateRelease(f) ==
    /\ Alive /\ pc[f] = "f_py"
    /\ linked' = linked \ {f}
    /\ ts' = [ts EXCEPT ![f] = "detached"]
    /\ fault' = Faulted(f, {f}, "PyThreadState_Clear")
    /\ CallDropGil(f, TRUE, "free_self")
    /\ UNCHANGED <<drq, sawReq, refs, freed, owner, lastHolder, dropReq,
                   finalizing, finStep, finCur, toDelete, autoInterp, stdoutLock>>

\* CPython 3.2-main: free_threadstate at the end of _PyThreadState_DeleteCurrent (Python/pystate.c)
FreeOwnTstate(t) ==
    /\ Alive /\ pc[t] = "free_self"
    /\ freed' = freed \cup {t}
    /\ pc' = [pc EXCEPT ![t] = "done"]
    /\ UNCHANGED <<ret, final, drq, sawReq, ts, refs, linked, owner, lastHolder,
                   dropReq, finalizing, finStep, finCur, toDelete, autoInterp,
                   stdoutLock, fault>>

-----------------------------------------------------------------------------
(* Threads started with _thread.start_new_thread: thread_run *)

\* The gh-108987 check (517cd82e, 3.11.6+/3.12.1+): the first statement of
\* thread_run.  Without the fix there is no such statement: thread_run's
\* first statement is the bind (ThreadRunBind from "s_boot").
\* CPython 3.11.6-main: thread_run, the gh-108987 must-exit check (Modules/_threadmodule.c)
ThreadRunStart(s) ==
    /\ Alive /\ pc[s] = "s_boot" /\ ThreadRunEarlyCheck
    /\ fault' = Faulted(s, MustExitReadsOf(s), "thread_run check")
    \* exit: leak the bootstate on purpose, never touch the tstate
    /\ pc' = [pc EXCEPT ![s] = IF MustExit(s) THEN "done" ELSE "s_bind"]
    /\ UNCHANGED <<ret, final, drq, sawReq, ts, refs, linked, freed, owner,
                   lastHolder, dropReq, finalizing, finStep, finCur, toDelete,
                   autoInterp, stdoutLock>>

\* _PyThreadState_Bind(tstate) writes thread_id etc.; then PyEval_AcquireThread.
\* Reached from "s_boot" when thread_run has no check (before 517cd82e):
\* then the bind is the thread's first touch of its tstate, the site the
\* report names ("thread_run entry").
\* CPython 3.11-main: thread_run: _PyThreadState_Bind (3.12+) or the tstate->thread_id writes (3.11), PyEval_AcquireThread (Modules/_threadmodule.c)
ThreadRunBind(s) ==
    /\ Alive
    /\ \/ pc[s] = "s_bind"
       \/ pc[s] = "s_boot" /\ ~ThreadRunEarlyCheck
    /\ fault' = Faulted(s, {s}, IF pc[s] = "s_boot" THEN "thread_run entry"
                                ELSE "_PyThreadState_Bind")
    /\ CallTakeGil(s, "s_attach")
    /\ UNCHANGED <<final, drq, sawReq, ts, refs, linked, freed, owner, lastHolder,
                   dropReq, finalizing, finStep, finCur, toDelete, autoInterp,
                   stdoutLock>>

\* CPython 3.11-main: thread_run after PyEval_AcquireThread (Modules/_threadmodule.c)
ThreadRunAttach(s) ==
    /\ Alive /\ pc[s] = "s_attach"
    /\ pc' = [pc EXCEPT ![s] = "s_py"]
    /\ ts' = [ts EXCEPT ![s] = "attached"]
    /\ fault' = Faulted(s, {s}, "attach")
    /\ UNCHANGED <<ret, final, drq, sawReq, refs, linked, freed, owner,
                   lastHolder, dropReq, finalizing, finStep, finCur, toDelete,
                   autoInterp, stdoutLock>>

\* CPython 3.11-main: thread_run: PyThreadState_Clear, _PyThreadState_DeleteCurrent (Modules/_threadmodule.c)
ThreadRunFinish(s) ==
    /\ Alive /\ pc[s] = "s_py"
    /\ linked' = linked \ {s}
    /\ ts' = [ts EXCEPT ![s] = "detached"]
    /\ fault' = Faulted(s, {s}, "PyThreadState_Clear")
    /\ CallDropGil(s, TRUE, "free_self")
    /\ UNCHANGED <<drq, sawReq, refs, freed, owner, lastHolder, dropReq,
                   finalizing, finStep, finCur, toDelete, autoInterp, stdoutLock>>

-----------------------------------------------------------------------------
(* Main: Py_FinalizeEx *)

\* Steps at which Main is executing Python code (and so may drop the GIL):
\* atexit and threading._shutdown, destructors run by PyThreadState_Clear,
\* module teardown.
FinRunsPython == \/ finStep \in {"atexit", "teardown"}
                 \/ finStep = "delete" /\ finCur # None

\* CPython 3.2-main: the eval loop drop request or I/O in code Py_FinalizeEx runs (Python/ceval.c)
FinReleaseGil ==
    /\ pc[Main] = "run" /\ FinRunsPython
    /\ CallDropGil(Main, FALSE, "m_retake")
    /\ UNCHANGED <<drq, sawReq, ts, refs, linked, freed, owner, lastHolder,
                   dropReq, finalizing, finStep, finCur, toDelete, autoInterp,
                   stdoutLock, fault>>

\* CPython 3.2-main: take_gil back in that code (Python/ceval.c)
FinRetakeGil ==
    /\ pc[Main] = "m_retake"
    /\ CallTakeGil(Main, "run")
    /\ UNCHANGED <<final, drq, sawReq, ts, refs, linked, freed, owner, lastHolder,
                   dropReq, finalizing, finStep, finCur, toDelete, autoInterp,
                   stdoutLock, fault>>

\* An atexit callback calls _thread.start_new_thread(f): _PyThreadState_New
\* links the tstate, then the OS thread is started.
\* CPython 3.11-main: thread_PyThread_start_new_thread / do_start_new_thread: _PyThreadState_New, PyThread_start_new_thread (Modules/_threadmodule.c)
FinSpawn(s) ==
    /\ pc[Main] = "run" /\ finStep = "atexit" /\ pc[s] = "s_unborn"
    /\ pc' = [pc EXCEPT ![s] = "s_boot"]
    /\ ts' = [ts EXCEPT ![s] = "detached"]
    /\ refs' = [refs EXCEPT ![s] = 2]
    /\ linked' = linked \cup {s}
    /\ UNCHANGED <<ret, final, drq, sawReq, freed, owner, lastHolder, dropReq,
                   finalizing, finStep, finCur, toDelete, autoInterp, stdoutLock,
                   fault>>

\* _PyInterpreterState_SetFinalizing then _PyRuntimeState_SetFinalizing
\* (3.12+; one _PyRuntimeState_SetFinalizing before): adjacent statements,
\* one step.  For the main interpreter a must-exit check between them falls
\* back to tstate->interp->_finalizing and decides the same (docs/specs.md,
\* 1.1).  3.12's `interp->finalizing = 1` at the top of Py_FinalizeEx has no
\* step: only the thread-start check of 3.12.0-3.12.2 reads it, and finStep
\* "atexit" already covers all of Main's Python code before this step.
\* CPython 3.2-main: Py_FinalizeEx: _PyRuntimeState_SetFinalizing, _PyInterpreterState_SetFinalizing 3.12+ (Python/pylifecycle.c)
FinSetFinalizing ==
    /\ pc[Main] = "run" /\ finStep = "atexit"
    /\ finalizing' = Main
    /\ finStep' = IF DeleteTiming = "zap" THEN "teardown" ELSE "remove"
    /\ UNCHANGED <<pc, ret, final, drq, sawReq, ts, refs, linked, freed, owner,
                   lastHolder, dropReq, finCur, toDelete, autoInterp, stdoutLock,
                   fault>>

\* CPython 3.9-main: _PyThreadState_DeleteExcept unlink 3.9-3.12, _PyThreadState_RemoveExcept 3.13+ (Python/pystate.c)
FinRemoveExcept ==
    /\ pc[Main] = "run" /\ finStep = "remove"
    /\ toDelete' = linked \ {Main}
    /\ linked' = linked \cap {Main}
    /\ finStep' = IF DeleteTiming = "refcount" THEN "shutdown" ELSE "delete"
    /\ UNCHANGED <<pc, ret, final, drq, sawReq, ts, refs, freed, owner,
                   lastHolder, dropReq, finalizing, finCur, autoInterp,
                   stdoutLock, fault>>

\* CPython 3.14-main: Py_FinalizeEx: _PyThreadState_SetShuttingDown loop (Python/pylifecycle.c)
FinSetShuttingDown ==
    /\ pc[Main] = "run" /\ finStep = "shutdown"
    /\ ts' = [t \in Threads |-> IF t \in toDelete THEN "shutting_down" ELSE ts[t]]
    /\ finStep' = "delete"
    /\ UNCHANGED <<pc, ret, final, drq, sawReq, refs, linked, freed, owner,
                   lastHolder, dropReq, finalizing, finCur, toDelete, autoInterp,
                   stdoutLock, fault>>

\* CPython 3.9-main: PyThreadState_Clear(p) in _PyThreadState_DeleteExcept / _PyThreadState_DeleteList (Python/pystate.c)
FinClearTstate(p) ==
    /\ pc[Main] = "run" /\ finStep = "delete" /\ finCur = None /\ p \in toDelete
    /\ finCur' = p
    /\ fault' = Faulted(Main, {p}, "PyThreadState_Clear")
    /\ UNCHANGED <<pc, ret, final, drq, sawReq, ts, refs, linked, freed, owner,
                   lastHolder, dropReq, finalizing, finStep, toDelete,
                   autoInterp, stdoutLock>>

\* CPython 3.9-main: free_threadstate / decref_threadstate 3.14+ in the delete loop (Python/pystate.c)
FinFreeTstate ==
    /\ pc[Main] = "run" /\ finStep = "delete" /\ finCur # None
    /\ Release(finCur)
    /\ toDelete' = toDelete \ {finCur}
    /\ finCur' = None
    /\ UNCHANGED <<pc, ret, final, drq, sawReq, ts, linked, owner, lastHolder,
                   dropReq, finalizing, finStep, autoInterp, stdoutLock, fault>>

\* CPython 3.9-main: end of _PyThreadState_DeleteExcept / _PyThreadState_DeleteList (Python/pystate.c)
FinDeleteDone ==
    /\ pc[Main] = "run" /\ finStep = "delete" /\ finCur = None /\ toDelete = {}
    /\ finStep' = "teardown"
    /\ UNCHANGED <<pc, ret, final, drq, sawReq, ts, refs, linked, freed, owner,
                   lastHolder, dropReq, finalizing, finCur, toDelete,
                   autoInterp, stdoutLock, fault>>

AfterTeardown == IF DeleteTiming = "zap" THEN "zap" ELSE "interp_delete"

\* flush_std_files: buffered_flush takes the BufferedWriter lock.
\* CPython 3.2-main: flush_std_files (Python/pylifecycle.c) -> buffered_flush (Modules/_io/bufferedio.c)
FinFlushStdFiles ==
    /\ pc[Main] = "run" /\ finStep = "teardown"
    /\ IF stdoutLock = None
       THEN /\ finStep' = AfterTeardown
            /\ UNCHANGED <<pc, ret, final>>
       ELSE \* _enter_buffered_busy: Py_BEGIN_ALLOW_THREADS, then wait for the lock
            /\ CallDropGil(Main, FALSE, "m_lockwait")
            /\ UNCHANGED finStep
    /\ UNCHANGED <<drq, sawReq, ts, refs, linked, freed, owner, lastHolder,
                   dropReq, finalizing, finCur, toDelete, autoInterp,
                   stdoutLock, fault>>

\* CPython 3.2-main: _enter_buffered_busy gets the lock (Modules/_io/bufferedio.c)
FinLockAcquired ==
    /\ pc[Main] = "m_lockwait" /\ stdoutLock = None
    /\ finStep' = AfterTeardown
    /\ CallTakeGil(Main, "run")
    /\ UNCHANGED <<final, drq, sawReq, ts, refs, linked, freed, owner, lastHolder,
                   dropReq, finalizing, finCur, toDelete, autoInterp, stdoutLock,
                   fault>>

\* bpo-23309: "could not acquire lock for <_io.BufferedWriter name='<stdout>'>
\* at interpreter shutdown, possibly due to daemon threads" -> Py_FatalError.
\* CPython 3.5-main: _enter_buffered_busy: 1 s timed acquire, Py_FatalError (Modules/_io/bufferedio.c)
FinLockTimeout ==
    /\ pc[Main] = "m_lockwait" /\ ShutdownLockTimeout /\ stdoutLock # None
    /\ finStep' = "fatal"
    /\ pc' = [pc EXCEPT ![Main] = "done"]
    /\ UNCHANGED <<ret, final, drq, sawReq, ts, refs, linked, freed, owner,
                   lastHolder, dropReq, finalizing, finCur, toDelete, autoInterp,
                   stdoutLock, fault>>

\* CPython 3.9-main: finalize_interp_delete: _PyGILState_Fini, PyInterpreterState_Delete (Python/pylifecycle.c)
FinInterpDelete ==
    /\ pc[Main] = "run" /\ finStep = "interp_delete"
    /\ autoInterp' = FALSE
    /\ finStep' = "zap"
    /\ IF InterpDeleteReleasesGil
       THEN CallDropGil(Main, DeleteTiming \in {"early"}, "nogil")
       ELSE UNCHANGED <<pc, ret, final>>
    /\ UNCHANGED <<drq, sawReq, ts, refs, linked, freed, owner, lastHolder,
                   dropReq, finalizing, finCur, toDelete, stdoutLock, fault>>

\* CPython 3.2-main: PyInterpreterState_Delete -> zapthreads, free_interpreter (Python/pystate.c)
FinZapThreads ==
    /\ pc[Main] \in {"run", "nogil"} /\ finStep = "zap"
    /\ freed' = freed \cup (linked \ {Main})
                      \cup (IF MainInterpStatic THEN {} ELSE {Interp})
    /\ linked' = linked \cap {Main}
    /\ finStep' = "exit"
    /\ UNCHANGED <<pc, ret, final, drq, sawReq, ts, refs, owner, lastHolder,
                   dropReq, finalizing, finCur, toDelete, autoInterp,
                   stdoutLock, fault>>

\* CPython 3.2-main: Py_FinalizeEx returns, Py_Exit -> exit() (Python/pylifecycle.c)
FinExit ==
    /\ pc[Main] \in {"run", "nogil"} /\ finStep = "exit"
    /\ finStep' = "done"
    /\ pc' = [pc EXCEPT ![Main] = "done"]
    /\ UNCHANGED <<ret, final, drq, sawReq, ts, refs, linked, freed, owner,
                   lastHolder, dropReq, finalizing, finCur, toDelete,
                   autoInterp, stdoutLock, fault>>

\* The process is gone (or aborted); keeps TLC's deadlock check for real hangs.
\* CPython 3.2-main: after exit() or Py_FatalError nothing runs (Python/pylifecycle.c)
Terminated ==
    /\ ~Alive
    /\ UNCHANGED vars

-----------------------------------------------------------------------------

Init ==
    /\ pc = [t \in Threads |-> CASE t = Main       -> "run"
                                 [] t \in Daemons  -> "d_io"
                                 [] t \in Foreign  -> "f_idle"
                                 [] OTHER          -> "s_unborn"]
    /\ ret = [t \in Threads |-> "run"]
    /\ final = [t \in Threads |-> FALSE]
    /\ drq = [t \in Threads |-> FALSE]
    /\ sawReq = [t \in Threads |-> FALSE]
    /\ ts = [t \in Threads |-> IF t = Main THEN "attached"
                               ELSE IF t \in Daemons THEN "detached" ELSE "none"]
    /\ refs = [t \in Threads |-> IF t \in {Main} \cup Daemons THEN 2 ELSE 0]
    /\ linked = {Main} \cup Daemons
    /\ freed = {}
    /\ owner = Main
    /\ lastHolder = Main
    /\ dropReq = FALSE
    /\ finalizing = None
    /\ finStep = "atexit"
    /\ finCur = None
    /\ toDelete = {}
    /\ autoInterp = TRUE
    /\ stdoutLock = None
    /\ fault = <<>>

\* Thread-generic steps (take_gil, drop_gil, exit): any thread.
GilStep(t) == \/ TakeGilC1(t) \/ TakeGilLock(t) \/ TakeGilWake(t)
              \/ TakeGilTimeout(t) \/ TakeGilC3Exit(t)
              \/ DropGilRelease(t) \/ DropGilForceSwitch(t) \/ DropGilSwitched(t)
              \/ ThreadExit(t)

MainStep == \/ FinReleaseGil \/ FinRetakeGil \/ \E s \in Spawned : FinSpawn(s)
            \/ FinSetFinalizing \/ FinRemoveExcept \/ FinSetShuttingDown
            \/ \E p \in Others : FinClearTstate(p)
            \/ FinFreeTstate \/ FinDeleteDone \/ FinFlushStdFiles
            \/ FinLockAcquired \/ FinLockTimeout \/ FinInterpDelete
            \/ FinZapThreads \/ FinExit

ThreadStep(t) ==
    \/ GilStep(t)
    \/ t = Main /\ MainStep
    \/ t \in Daemons /\ (DRestoreThread(t) \/ DPostAcquire(t) \/ DSaveThread(t)
                         \/ DLockStdout(t) \/ DUnlockStdout(t))
    \/ t \in Foreign /\ (EnsureCheck(t) \/ EnsureNewTstate(t) \/ EnsureAttach(t)
                         \/ GilStateRelease(t))
    \/ t \in Spawned /\ (ThreadRunStart(t) \/ ThreadRunBind(t)
                         \/ ThreadRunAttach(t) \/ ThreadRunFinish(t))
    \/ FreeOwnTstate(t)

Next ==
    \/ \E t \in Threads : TakeGilC1(t)
    \/ \E t \in Threads : TakeGilLock(t)
    \/ \E t \in Threads : TakeGilWake(t)
    \/ \E t \in Threads : TakeGilTimeout(t)
    \/ \E t \in Threads : TakeGilC3Exit(t)
    \/ \E t \in Threads : DropGilRelease(t)
    \/ \E t \in Threads : DropGilForceSwitch(t)
    \/ \E t \in Threads : DropGilSwitched(t)
    \/ \E t \in Threads : ThreadExit(t)
    \/ \E d \in Daemons : DRestoreThread(d)
    \/ \E d \in Daemons : DPostAcquire(d)
    \/ \E d \in Daemons : DSaveThread(d)
    \/ \E d \in Daemons : DLockStdout(d)
    \/ \E d \in Daemons : DUnlockStdout(d)
    \/ \E f \in Foreign : EnsureCheck(f)
    \/ \E f \in Foreign : EnsureNewTstate(f)
    \/ \E f \in Foreign : EnsureAttach(f)
    \/ \E f \in Foreign : GilStateRelease(f)
    \/ \E t \in Threads : FreeOwnTstate(t)
    \/ \E s \in Spawned : ThreadRunStart(s)
    \/ \E s \in Spawned : ThreadRunBind(s)
    \/ \E s \in Spawned : ThreadRunAttach(s)
    \/ \E s \in Spawned : ThreadRunFinish(s)
    \/ \E s \in Spawned : FinSpawn(s)
    \/ FinReleaseGil
    \/ FinRetakeGil
    \/ FinSetFinalizing
    \/ FinRemoveExcept
    \/ FinSetShuttingDown
    \/ \E p \in Others : FinClearTstate(p)
    \/ FinFreeTstate
    \/ FinDeleteDone
    \/ FinFlushStdFiles
    \/ FinLockAcquired
    \/ FinLockTimeout
    \/ FinInterpDelete
    \/ FinZapThreads
    \/ FinExit
    \/ Terminated

\* Main's own progress through Py_FinalizeEx (not its GIL round trips).
FinProgress == \/ FinSetFinalizing \/ FinRemoveExcept \/ FinSetShuttingDown
               \/ \E p \in Others : FinClearTstate(p)
               \/ FinFreeTstate \/ FinDeleteDone \/ FinFlushStdFiles
               \/ FinInterpDelete \/ FinZapThreads \/ FinExit

\* The OS scheduler eventually runs every runnable thread (weak fairness).
\* The Python code Main runs during finalization is finite: it does not drop
\* and retake the GIL forever, so a finalization step that is enabled again
\* and again is eventually taken (strong fairness on FinProgress).
\* The GIL is not FIFO: a waiter that finds it free may lose it to another
\* thread again and again.  We assume the OS does not starve one waiter
\* forever (strong fairness on TakeGilWake), which is what switch_cond and
\* the switch interval make overwhelmingly likely.
Fairness == /\ \A t \in Threads : WF_vars(ThreadStep(t))
            /\ SF_vars(FinProgress)
            /\ \A t \in Threads : SF_vars(TakeGilWake(t))

Spec == Init /\ [][Next]_vars /\ Fairness

-----------------------------------------------------------------------------
(* Properties *)

RunsPython(t) == IF t = Main THEN pc[Main] = "run" /\ FinRunsPython
                 ELSE pc[t] \in PyPcs

\* bpo-1856, bpo-36475, gh-124619: once _finalizing is set no thread but
\* the finalizer returns from take_gil into Python code.
FinalizerExclusive ==
    finalizing # None => \A t \in Others : ~RunsPython(t)

\* bpo-39877, gh-110052, gh-108987, gh-154175: no step reads freed memory.
NoDanglingDeref == fault = <<>>

\* The same, restricted to drop_gil's read of the drop request after
\* MUTEX_UNLOCK (gh-154175).  A behaviour whose first bad read is elsewhere
\* keeps going, so TLC still finds the shortest drop_gil one.
NoDanglingDerefInDropGil ==
    fault = <<>> \/ fault[2] # "drop_gil read request"

\* The same, restricted to the `_ready` section of take_gil (C3 and the
\* tstate reads after acquiring): bpo-39877 fixes 2 and 3.
NoDanglingDerefAfterAcquire ==
    fault = <<>> \/ fault[2] \notin {"take_gil C3", "take_gil after acquire"}

\* The same, restricted to the timed-out waiter's SET_GIL_DROP_REQUEST (check
\* point C2's site): bpo-39877 fix 4 (a36adfa6) sends a doomed waiter away
\* before it writes the request.  In 3.9.0's code the request is written into
\* interp->ceval (`interp` read at take_gil's entry), which
\* PyInterpreterState_Delete freed (3.9, 3.10; static from 3.11).
NoDanglingDerefInTimedWait ==
    fault = <<>> \/ fault[2] # "take_gil drop request"

\* The same, restricted to drop_gil reached from C3 with a tstate that may
\* be dangling (up to 3.13; gh-124878's report points at this block).
NoDanglingDerefAfterC3 ==
    fault = <<>> \/ fault[2] # "drop_gil after C3"

\* gh-108987 (517cd82e): a thread whose thread_run begins after its tstate
\* was freed does not touch it.  Scoped to the first statement of thread_run
\* (the bind before the fix, the must-exit check after it); the later bind,
\* after a check that passed, is gh108987-check-race's NoDanglingDeref.
NoDanglingDerefAtThreadRunEntry ==
    fault = <<>> \/ fault[2] \notin {"thread_run entry", "thread_run check"}

\* With the GIL only the holder runs Python, and the holder is last_holder.
SingleGILHolder ==
    /\ \A t \in Threads : RunsPython(t) => owner = t
    /\ owner # None => lastHolder = owner

\* gh-96387: a running GIL holder that is asked to drop the GIL is asked by
\* a thread that is still waiting for it.
NoOrphanDropRequest ==
    \A t \in Threads :
        (owner = t /\ dropReq /\ RunsPython(t))
            => \E u \in Threads : pc[u] = "tg_wait" /\ drq[u]

\* bpo-23309 fix / gh-129536: the process does not abort with "could not
\* acquire lock for <_io.BufferedWriter ...> at interpreter shutdown"
\* (Modules/_io/bufferedio.c: _enter_buffered_busy, 3.5+).
NoFatalError == finStep # "fatal"

\* The process ends: Py_FinalizeEx returns to exit(), or a fatal error
\* aborts it.  Termination only; whether it was an abort is NoFatalError's
\* business, so a model can check both and tell a hang from an abort.
FinalizerTerminates == <>(~Alive)

-----------------------------------------------------------------------------
(* Witnesses: dangerous situations a fixed model must still reach, so that *)
(* its pass is not vacuous.  `finalspec check` gives TLC ~W as an invariant *)
(* for each witness W a model declares and requires a violation.           *)

\* bpo-1856, bpo-36475: a daemon is back from take_gil while the runtime is
\* finalizing (the caller's post-acquire check must send it away).
W_DaemonBackWhileFinalizing ==
    \E d \in Daemons : pc[d] = "d_post" /\ finalizing # None

\* bpo-39877 fixes 2/3: a waiter blocked in take_gil whose tstate is freed.
W_WaiterTstateFreed == \E t \in Others : pc[t] = "tg_wait" /\ t \in freed

\* gh-110052: a daemon is inside take_gil after RemoveExcept took its tstate
\* off the list, and (3.14) the list's reference to it has been dropped.
W_InTakeGilAfterRemove ==
    \E d \in Daemons : pc[d] \in {"tg_c1", "tg_lock", "tg_wait"}
                       /\ finalizing # None /\ d \notin linked
W_InTakeGilListRefDropped ==
    \E d \in Daemons : pc[d] \in {"tg_c1", "tg_lock", "tg_wait"} /\ refs[d] = 1
                       /\ d \notin toDelete /\ finStep # "atexit"

\* A thread hung (3.14 PyThread_hang_thread) while Main goes on finalizing.
W_DaemonHung == \E d \in Daemons : pc[d] = "hung" /\ Alive

\* C3 said "must exit" and the thread is releasing the GIL on its way out.
W_C3ExitInDropGil == \E t \in Others : pc[t] \in {"dg_release", "dg_force"}
                                       /\ ret[t] = "x_exit"

\* bpo-39877 fix 4: a waiter blocked in take_gil's timed wait while the GIL
\* stays held and the interpreter its drop request is written into is freed.
W_WaiterInterpFreed ==
    \E t \in Others : pc[t] = "tg_wait" /\ owner # None /\ Interp \in freed

\* gh-96387: a waiter leaves take_gil at C2 with its own drop request posted.
W_C2ExitWithOwnRequest ==
    \E t \in Others : pc[t] = "x_exit" /\ drq[t] /\ ret[t] # "x_exit"

\* gh-96387: Main waits on switch_cond in drop_gil's FORCE_SWITCHING block.
W_MainWaitsSwitchCond == pc[Main] = "dg_switchwait"

\* gh-108987: a spawned thread is about to bind its tstate after
\* SetFinalizing took it off the list.
W_BindAfterRemoval ==
    \E s \in Spawned : pc[s] = "s_bind" /\ finalizing # None /\ s \notin linked

\* gh-108987: the report's interleaving: the new OS thread has not begun
\* thread_run yet, and Py_FinalizeEx has already freed its tstate.
W_ThreadRunAfterFree ==
    \E s \in Spawned : pc[s] = "s_boot" /\ s \in freed

\* gh-154175: a thread is in drop_gil's FORCE_SWITCHING part (after
\* MUTEX_UNLOCK) while its tstate is freed.
W_InDropGilTstateFreed == \E t \in Others : pc[t] = "dg_force" /\ t \in freed

\* gh-124619: PyGILState_Ensure is creating a tstate while finalizing, and
\* a foreign thread is refused (hung) by the check.
W_EnsureWhileFinalizing == \E f \in Foreign : pc[f] = "f_new" /\ finalizing # None
W_ForeignRefused == \E f \in Foreign : pc[f] = "hung"

\* Mixed models: a daemon waits inside take_gil after RemoveExcept while a
\* foreign thread is in PyGILState_Ensure creating its tstate, both during
\* finalization: the two windows the 3.14 fixes close, open at once.
W_DaemonAndForeignInWindow ==
    W_InTakeGilAfterRemove /\ W_EnsureWhileFinalizing

\* bpo-23309 / gh-129536: the finalizer waits for sys.stdout's lock held by a
\* daemon that can no longer run.
W_FlushWaitsForDaemonLock ==
    pc[Main] = "m_lockwait" /\ stdoutLock # None
    /\ pc[stdoutLock] \in {"dead", "hung", "x_exit"}

=============================================================================
