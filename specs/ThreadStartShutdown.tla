-------------------------- MODULE ThreadStartShutdown --------------------------
(***************************************************************************)
(* Starting threads while the interpreter shuts down.                      *)
(*                                                                         *)
(* Three generations of the rule "may a thread be started now?":          *)
(*   StartCheck = "none"               3.11 and earlier (and 3.12 dev      *)
(*                                     before June 2023): always allowed.  *)
(*                                     gh-104690: a thread started from an *)
(*                                     atexit handler starts another one,  *)
(*                                     whose thread state the finalizer    *)
(*                                     frees before it binds it            *)
(*                                     ("bind_tstate: Assertion            *)
(*                                     tstate_is_alive(tstate)").          *)
(*   StartCheck = "interp_finalizing"  3.12.0 - 3.12.2 (commit ce558e69,   *)
(*                                     PR #104826): refused once           *)
(*                                     interp->finalizing = 1, which       *)
(*                                     Py_FinalizeEx sets before it joins  *)
(*                                     non-daemon threads and runs atexit. *)
(*                                     Regression gh-113964: "can't create *)
(*                                     new thread at interpreter shutdown" *)
(*                                     from non-daemon threads and atexit  *)
(*                                     handlers.                           *)
(*   StartCheck = "runtime_finalizing" 3.12.3+ / 3.13 (commit 60e105c1,    *)
(*                                     PR #116677, backport #117029):      *)
(*                                     refused once _finalizing is set.    *)
(* A thread started from an atexit handler is then allowed but never       *)
(* joined: threading._shutdown has already run.  gh-136003 (PR #136004,    *)
(* 3.15) makes the pre-finalization calls a loop that repeats until no new *)
(* thread or atexit callback appeared: PreFinalizationLoop.                *)
(* ThreadRunEarlyCheck is the gh-108987 fix (commit 517cd82e): thread_run  *)
(* checks must-exit, reading only globals, before it touches its tstate.   *)
(* It is bug row 9 (modelled in GilFinalize); it is a switch here        *)
(* because every 3.12.x / 3.13 configuration has it.                       *)
(*                                                                         *)
(* Threads (all non-daemon): N runs before shutdown and starts A while it  *)
(* is being joined; the atexit handler starts B; B starts C (the           *)
(* gh-104690 reproducer: atexit -> t1 -> t0); a destructor run by module   *)
(* teardown, after _finalizing is set, starts D.                           *)
(*                                                                         *)
(* Action -> CPython source                                                *)
(*   TryStart (operator) Modules/_threadmodule.c: do_start_new_thread /    *)
(*                  thread_PyThread_start_joinable_thread (3.13),          *)
(*                  thread_PyThread_start_new_thread (3.12): the           *)
(*                  finalizing check, _PyThreadState_New (links the new    *)
(*                  tstate under HEAD_LOCK), the handle put on             *)
(*                  shutdown_handles (3.13) or the _tstate_lock put in     *)
(*                  threading._shutdown_locks (3.12, by Thread.start      *)
(*                  waiting for _started).                                 *)
(*   StartChild(t)  Lib/threading.py: Thread.start, called by thread t.    *)
(*   StartReturns(t) Lib/threading.py: Thread.start -> self._started.wait()*)
(*                  returns once the new thread's Thread._bootstrap_inner  *)
(*                  has set _started (it never returns if the new thread   *)
(*                  exits first).  AtexitStartReturns and                  *)
(*                  DestructorStartReturns are the same wait in the main   *)
(*                  thread.                                                *)
(*   Bootstrap(t)   Modules/_threadmodule.c: thread_run: the gh-108987     *)
(*                  check (3.12.3+/3.13+).                                 *)
(*   BootBind(t)    _PyThreadState_Bind (Python/pystate.c: bind_tstate),   *)
(*                  then PyEval_AcquireThread (must-exit), a later step.   *)
(*   Finish(t)      Modules/_threadmodule.c: thread_run: PyThreadState_Clear,*)
(*                  _PyThreadState_DeleteCurrent, remove_from_shutdown_    *)
(*                  handles (3.13); release_sentinel (3.12).               *)
(*   Killed(t)      Python/ceval_gil.c: take_gil must-exit after           *)
(*                  _finalizing is set (exit or hang; either way the       *)
(*                  thread's Python code never finishes).                  *)
(*   MainReturns    Python/pylifecycle.c: _Py_Finalize:                    *)
(*                  tstate->interp->finalizing = 1.                        *)
(*   ThreadingShutdown  Python/pylifecycle.c: wait_for_thread_shutdown ->  *)
(*                  Lib/threading.py: _shutdown -> Modules/_threadmodule.c:*)
(*                  thread_shutdown (3.13: loops until shutdown_handles is *)
(*                  empty; 3.12: loops over _shutdown_locks).              *)
(*   RunAtexit      Python/pylifecycle.c: _PyAtExit_Call.                  *)
(*   PreFinCheck    Python/pylifecycle.c: make_pre_finalization_calls      *)
(*                  (gh-136003): stop the world, check for new threads or  *)
(*                  atexit callbacks, go round again if any.               *)
(*   SetFinalizing  Python/pylifecycle.c: _PyInterpreterState_SetFinalizing,*)
(*                  _PyRuntimeState_SetFinalizing.                         *)
(*   DeleteTstates  Python/pystate.c: _PyThreadState_DeleteExcept (3.12),  *)
(*                  _PyThreadState_RemoveExcept + _PyThreadState_DeleteList*)
(*                  (3.13+): every other linked tstate is freed.           *)
(*   TeardownDestructor Python/pylifecycle.c: finalize_modules / GC run a  *)
(*                  __del__ that calls Thread.start().                     *)
(*   ProcessExit    Python/pylifecycle.c: the rest of _Py_Finalize; exit().*)
(*                                                                         *)
(* Properties                                                              *)
(*   AtexitCanStartThreads (row 14) a start is refused only once           *)
(*                    _finalizing is set (atexit may start threads).       *)
(*   NonDaemonJoined  (row 15) when _finalizing is set, every non-daemon   *)
(*                    thread started before it has finished its work.      *)
(*   NoDanglingDeref  no thread touches a freed thread state.              *)
(*   MainTerminates   (liveness) the finalizer reaches process exit.       *)
(***************************************************************************)
EXTENDS Naturals

CONSTANTS
    StartCheck,             \* "none" | "interp_finalizing" | "runtime_finalizing"
    ThreadRunEarlyCheck,    \* gh-108987 fix present
    PreFinalizationLoop,    \* gh-136003 fix present
    DestructorStartsThread  \* a __del__ run during teardown starts thread D

ASSUME StartCheck \in {"none", "interp_finalizing", "runtime_finalizing"}
ASSUME ThreadRunEarlyCheck \in BOOLEAN /\ PreFinalizationLoop \in BOOLEAN
ASSUME DestructorStartsThread \in BOOLEAN

Threads == {"N", "A", "B", "C", "D"}

\* Who may start whom (N and B may also finish without starting a thread).
\* B is started by the atexit handler and D by a destructor, both run by
\* the main thread.
Child == [N |-> "A", B |-> "C"]
HasChild(t) == t \in DOMAIN Child

VARIABLES
    mPc,              \* the main (finalizing) thread
    interpFinalizing, \* interp->finalizing (plain int, set first)
    finalizing,       \* _PyRuntime._finalizing / interp->_finalizing != NULL
    pc,               \* thread program counters
    tstate,           \* "none", "linked", "freed", "deleted"
    shutdownSet,      \* threads whose join handle is registered for shutdown
    childTried,       \* t has attempted to start its child
    verdict,          \* outcome of the start of t: "none", "allowed", "refused"
    sawFin,           \* _finalizing was set when the start of t was checked
    atexitPending     \* the atexit handler has not run yet

vars == <<mPc, interpFinalizing, finalizing, pc, tstate, shutdownSet,
          childTried, verdict, sawFin, atexitPending>>

MPcs == {"main", "shutdown", "atexit", "atexit_wait", "prefin_check",
         "set_finalizing", "delete_tstates", "teardown", "teardown_wait",
         "exit", "done"}
TPcs == {"unborn", "starting", "binding", "running", "start_wait", "done", "refused",
         "exited", "crashed"}

TypeOK ==
    /\ mPc \in MPcs
    /\ interpFinalizing \in BOOLEAN
    /\ finalizing \in BOOLEAN
    /\ pc \in [Threads -> TPcs]
    /\ tstate \in [Threads -> {"none", "linked", "freed", "deleted"}]
    /\ shutdownSet \subseteq Threads
    /\ childTried \in [Threads -> BOOLEAN]
    /\ verdict \in [Threads -> {"none", "allowed", "refused"}]
    /\ sawFin \in [Threads -> BOOLEAN]
    /\ atexitPending \in BOOLEAN

Init ==
    /\ mPc = "main"
    /\ interpFinalizing = FALSE
    /\ finalizing = FALSE
    /\ pc = [t \in Threads |-> IF t = "N" THEN "running" ELSE "unborn"]
    /\ tstate = [t \in Threads |-> IF t = "N" THEN "linked" ELSE "none"]
    /\ shutdownSet = {"N"}
    /\ childTried = [t \in Threads |-> FALSE]
    /\ verdict = [t \in Threads |-> IF t = "N" THEN "allowed" ELSE "none"]
    /\ sawFin = [t \in Threads |-> FALSE]
    /\ atexitPending = TRUE

-----------------------------------------------------------------------------
(* Starting a thread: the check, then tstate creation and registration.    *)
(* The new OS thread runs later (Bootstrap); the parent p ("main" for the  *)
(* main thread) then waits in Thread.start() until it has bootstrapped.    *)
(* The main thread's own program counter is set by its caller.            *)

Refused ==
    CASE StartCheck = "none"               -> FALSE
      [] StartCheck = "interp_finalizing"  -> interpFinalizing
      [] StartCheck = "runtime_finalizing" -> finalizing

TryStart(p, t) ==
    /\ sawFin' = [sawFin EXCEPT ![t] = finalizing]
    /\ IF Refused
         THEN /\ verdict' = [verdict EXCEPT ![t] = "refused"]
              /\ pc' = [pc EXCEPT ![t] = "refused"]
              /\ UNCHANGED <<tstate, shutdownSet>>
         ELSE /\ verdict' = [verdict EXCEPT ![t] = "allowed"]
              /\ pc' = IF p = "main" THEN [pc EXCEPT ![t] = "starting"]
                       ELSE [pc EXCEPT ![t] = "starting", ![p] = "start_wait"]
              /\ tstate' = [tstate EXCEPT ![t] = "linked"]
              /\ shutdownSet' = shutdownSet \cup {t}

-----------------------------------------------------------------------------
(* Python threads.  Running Python code needs the GIL, and after           *)
(* _finalizing is set take_gil makes a thread exit (or hang) instead.      *)

\* CPython 3.11-main: Thread.start -> _start_new_thread: thread_PyThread_start_new_thread 3.11-3.12, do_start_new_thread 3.13+ (Lib/threading.py, Modules/_threadmodule.c)
StartChild(t) ==
    /\ mPc # "done"
    /\ pc[t] = "running" /\ HasChild(t) /\ ~childTried[t]
    /\ ~finalizing
    /\ childTried' = [childTried EXCEPT ![t] = TRUE]
    /\ TryStart(t, Child[t])
    /\ UNCHANGED <<mPc, interpFinalizing, finalizing, atexitPending>>

\* CPython 3.11-main: Thread.start -> self._started.wait() returns (Lib/threading.py)
StartReturns(t) ==
    /\ mPc # "done"
    /\ pc[t] = "start_wait"
    /\ pc[Child[t]] \in {"running", "done"}
    /\ pc' = [pc EXCEPT ![t] = "running"]
    /\ UNCHANGED <<mPc, interpFinalizing, finalizing, tstate, shutdownSet,
                   childTried, verdict, sawFin, atexitPending>>

\* thread_run (Modules/_threadmodule.c, 3.12.3+ and 3.13+; gh-108987 fix
\* 517cd82e): `if (_PyThreadState_MustExit(tstate))` reads only globals and
\* leaves without touching the tstate.  It is a separate step from the bind:
\* nothing stops the finalizer between the two (GilFinalize splits the same
\* code the same way: ThreadRunStart / ThreadRunBind).
\* Without the fix thread_run has no such statement (its first statement is
\* the bind), so the step exists only with ThreadRunEarlyCheck.
\* CPython 3.11.6-main: thread_run, the gh-108987 must-exit check (Modules/_threadmodule.c)
Bootstrap(t) ==
    /\ mPc # "done"
    /\ pc[t] = "starting" /\ ThreadRunEarlyCheck
    /\ pc' = [pc EXCEPT ![t] = IF finalizing THEN "exited" ELSE "binding"]
    /\ UNCHANGED <<mPc, interpFinalizing, finalizing, tstate, shutdownSet,
                   childTried, verdict, sawFin, atexitPending>>

\* _PyThreadState_Bind (Python/pystate.c: bind_tstate writes the tstate;
\* 3.12+), then PyEval_AcquireThread (Python/ceval_gil.c: take_gil's
\* must-exit check; exit <= 3.13.7, hang 3.13.8+/3.14).
\* CPython 3.11-main: thread_run: _PyThreadState_Bind (3.12+), PyEval_AcquireThread (Modules/_threadmodule.c)
BootBind(t) ==
    /\ mPc # "done"
    /\ \/ pc[t] = "binding"
       \/ pc[t] = "starting" /\ ~ThreadRunEarlyCheck
    /\ pc' = [pc EXCEPT ![t] =
                IF tstate[t] = "freed" THEN "crashed"
                ELSE IF finalizing THEN "exited"
                ELSE "running"]
    /\ UNCHANGED <<mPc, interpFinalizing, finalizing, tstate, shutdownSet,
                   childTried, verdict, sawFin, atexitPending>>

\* CPython 3.11-main: thread_run: PyThreadState_Clear, _PyThreadState_DeleteCurrent, remove_from_shutdown_handles 3.13+ (Modules/_threadmodule.c)
Finish(t) ==
    /\ mPc # "done"
    /\ pc[t] = "running"
    /\ ~finalizing
    /\ pc' = [pc EXCEPT ![t] = "done"]
    /\ tstate' = [tstate EXCEPT ![t] = "deleted"]
    /\ shutdownSet' = shutdownSet \ {t}
    /\ UNCHANGED <<mPc, interpFinalizing, finalizing, childTried, verdict,
                   sawFin, atexitPending>>

\* CPython 3.11-main: take_gil must-exit: exit <= 3.13.7, hang 3.13.8+ (Python/ceval_gil.h <= 3.11, Python/ceval_gil.c 3.12+)
Killed(t) ==
    /\ mPc # "done"
    /\ pc[t] = "running"
    /\ finalizing
    /\ pc' = [pc EXCEPT ![t] = "exited"]
    /\ UNCHANGED <<mPc, interpFinalizing, finalizing, tstate, shutdownSet,
                   childTried, verdict, sawFin, atexitPending>>

-----------------------------------------------------------------------------
(* The main thread: Py_FinalizeEx.                                         *)

\* CPython 3.12-main: _Py_Finalize / Py_FinalizeEx: interp->finalizing = 1 (Python/pylifecycle.c)
MainReturns ==
    /\ mPc = "main"
    /\ interpFinalizing' = TRUE
    /\ mPc' = "shutdown"
    /\ UNCHANGED <<finalizing, pc, tstate, shutdownSet, childTried, verdict,
                   sawFin, atexitPending>>

\* The join loop re-reads the list, so threads registered while it runs
\* (A, started by N) are joined too.
\* CPython 3.12-main: wait_for_thread_shutdown -> threading._shutdown (Python/pylifecycle.c, Lib/threading.py)
ThreadingShutdown ==
    /\ mPc = "shutdown"
    /\ shutdownSet = {}
    /\ mPc' = "atexit"
    /\ UNCHANGED <<interpFinalizing, finalizing, pc, tstate, shutdownSet,
                   childTried, verdict, sawFin, atexitPending>>

\* atexit callbacks are removed once called: a second round runs only new
\* ones (none here).
\* CPython 3.12-main: _PyAtExit_Call (Python/pylifecycle.c)
RunAtexit ==
    /\ mPc = "atexit"
    /\ atexitPending' = FALSE
    /\ IF atexitPending
         THEN /\ TryStart("main", "B")
              /\ mPc' = IF Refused THEN "prefin_check" ELSE "atexit_wait"
         ELSE /\ mPc' = "prefin_check"
              /\ UNCHANGED <<pc, tstate, shutdownSet, verdict, sawFin>>
    /\ UNCHANGED <<interpFinalizing, finalizing, childTried>>

\* CPython 3.12-main: Thread.start -> self._started.wait() returns in the atexit handler (Lib/threading.py)
AtexitStartReturns ==
    /\ mPc = "atexit_wait"
    /\ pc["B"] \in {"running", "done"}
    /\ mPc' = "prefin_check"
    /\ UNCHANGED <<interpFinalizing, finalizing, pc, tstate, shutdownSet,
                   childTried, verdict, sawFin, atexitPending>>

\* CPython 3.15-main: make_pre_finalization_calls: look for new threads or atexit callbacks (Python/pylifecycle.c)
PreFinCheck ==
    /\ mPc = "prefin_check"
    /\ mPc' = IF PreFinalizationLoop /\ (shutdownSet # {} \/ atexitPending)
                THEN "shutdown" ELSE "set_finalizing"
    /\ UNCHANGED <<interpFinalizing, finalizing, pc, tstate, shutdownSet,
                   childTried, verdict, sawFin, atexitPending>>

\* CPython 3.12-main: _PyInterpreterState_SetFinalizing, _PyRuntimeState_SetFinalizing (Python/pylifecycle.c)
SetFinalizing ==
    /\ mPc = "set_finalizing"
    /\ finalizing' = TRUE
    /\ mPc' = "delete_tstates"
    /\ UNCHANGED <<interpFinalizing, pc, tstate, shutdownSet, childTried,
                   verdict, sawFin, atexitPending>>

\* CPython 3.12-main: _PyThreadState_DeleteExcept 3.12, _PyThreadState_RemoveExcept + _PyThreadState_DeleteList 3.13+ (Python/pystate.c)
DeleteTstates ==
    /\ mPc = "delete_tstates"
    /\ tstate' = [t \in Threads |->
                    IF tstate[t] = "linked" THEN "freed" ELSE tstate[t]]
    /\ mPc' = "teardown"
    /\ UNCHANGED <<interpFinalizing, finalizing, pc, shutdownSet, childTried,
                   verdict, sawFin, atexitPending>>

\* CPython 3.12-main: finalize_modules / GC runs a __del__ that calls Thread.start (Python/pylifecycle.c)
TeardownDestructor ==
    /\ mPc = "teardown"
    /\ IF DestructorStartsThread
         THEN /\ TryStart("main", "D")
              /\ mPc' = IF Refused THEN "exit" ELSE "teardown_wait"
         ELSE /\ mPc' = "exit"
              /\ UNCHANGED <<pc, tstate, shutdownSet, verdict, sawFin>>
    /\ UNCHANGED <<interpFinalizing, finalizing, childTried, atexitPending>>

\* Only reachable without a start check; D then never bootstraps (it must
\* exit), so in 3.11 the finalizer would wait here forever.
\* CPython 3.12-main: Thread.start in the destructor returns or raises (Lib/threading.py)
DestructorStartReturns ==
    /\ mPc = "teardown_wait"
    /\ pc["D"] \in {"running", "done"}
    /\ mPc' = "exit"
    /\ UNCHANGED <<interpFinalizing, finalizing, pc, tstate, shutdownSet,
                   childTried, verdict, sawFin, atexitPending>>

\* CPython 3.12-main: the rest of _Py_Finalize, exit() (Python/pylifecycle.c)
ProcessExit ==
    /\ mPc = "exit"
    /\ mPc' = "done"
    /\ UNCHANGED <<interpFinalizing, finalizing, pc, tstate, shutdownSet,
                   childTried, verdict, sawFin, atexitPending>>

-----------------------------------------------------------------------------
MNext == MainReturns \/ ThreadingShutdown \/ RunAtexit \/ AtexitStartReturns
         \/ PreFinCheck \/ SetFinalizing \/ DeleteTstates
         \/ TeardownDestructor \/ DestructorStartReturns \/ ProcessExit

TNext(t) == StartChild(t) \/ StartReturns(t) \/ Bootstrap(t) \/ BootBind(t) \/ Finish(t)
            \/ Killed(t)

Next ==
    \/ MainReturns \/ ThreadingShutdown \/ RunAtexit \/ AtexitStartReturns
    \/ PreFinCheck \/ SetFinalizing \/ DeleteTstates
    \/ TeardownDestructor \/ DestructorStartReturns \/ ProcessExit
    \/ \E t \in Threads :
         StartChild(t) \/ StartReturns(t) \/ Bootstrap(t) \/ BootBind(t)
         \/ Finish(t) \/ Killed(t)

Fairness == WF_vars(MNext) /\ \A t \in Threads : WF_vars(TNext(t))

Spec == Init /\ [][Next]_vars /\ Fairness

-----------------------------------------------------------------------------
\* gh-113964: a start is refused only once _finalizing is set, so atexit
\* handlers and threads joined by threading._shutdown can start threads.
\* (Was StartGate, "refused <=> _finalizing was set at the check", which
\* the runtime_finalizing check satisfies by construction: it reads the
\* same flag.)  This one is about what Py_FinalizeEx's order lets happen.
AtexitCanStartThreads == \A t \in Threads : pc[t] = "refused" => finalizing

NonDaemonJoined ==
    finalizing =>
        \A t \in Threads :
            (verdict[t] = "allowed" /\ ~sawFin[t]) => pc[t] = "done"

NoDanglingDeref == \A t \in Threads : pc[t] # "crashed"

MainTerminates == <>(mPc = "done")


-----------------------------------------------------------------------------
(* Witnesses: dangerous situations a fixed model must still reach.         *)

\* gh-136003: C, started by a thread the atexit handler started, has
\* finished before _finalizing is set.
W_AtexitGrandchildJoined == pc["C"] = "done" /\ ~finalizing

\* gh-113964: a destructor's thread start is refused during teardown.
W_DestructorStartRefused == verdict["D"] = "refused"

\* gh-104690: a thread that passed the start check bootstraps while the
\* finalizer has already set _finalizing.
W_BootstrapWhileFinalizing == \E t \in Threads : pc[t] \in {"starting", "binding"} /\ finalizing

=============================================================================
