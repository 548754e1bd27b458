------------------------- MODULE PreFinalization ---------------------------
(***************************************************************************)
(* The pre-finalization loop of Py_FinalizeEx (make_pre_finalization_calls)*)
(* with PEP 788 interpreter guards (Final, 3.15), pending calls added by C *)
(* threads with Py_AddPendingCall, and foreign threads entering through    *)
(* PyThreadState_EnsureFromView or PyGILState_Ensure.  GIL build.          *)
(*                                                                         *)
(* Sources read (python/cpython in the project's search store):            *)
(*  - Python/pylifecycle.c at 3.14 (the stored version with               *)
(*    PyThread_hang_thread and finalize_subinterpreters): _Py_Finalize     *)
(*    runs wait_for_thread_shutdown, _Py_FinishPendingCalls and            *)
(*    _PyAtExit_Call ONCE, then _PyEval_StopTheWorldAll,                   *)
(*    _PyInterpreterState_SetFinalizing, _PyThreadState_RemoveExcept and   *)
(*    SetShuttingDown.  This is the Loop = FALSE sequence.                 *)
(*  - Python/ceval_gil.c at 3.13/3.14: _PyEval_AddPendingCall takes the    *)
(*    queue's PyMutex, pushes, unlocks and signals; it has no finalization *)
(*    check.  Py_AddPendingCall always targets the MAIN-THREAD queue       *)
(*    (_PyRuntime.ceval.pending_mainthread, its own mutex), not            *)
(*    interp->ceval.pending.  _Py_FinishPendingCalls loops                 *)
(*    make_pending_calls until both queues' npending are 0.                *)
(*  - The 3.15 loop itself is NOT in the store.  What is modelled comes    *)
(*    from the review threads of PR #136004 (gh-136003, the loop:          *)
(*    "PyMutex_Lock(&interp->ceval.pending.mutex)" after _PyAtExit_Call,   *)
(*    then stop the world, then break only if no thread, atexit callback, *)
(*    pending call or subinterpreter remains) and PR #149116 (gh-149101,   *)
(*    PEP 788: the break also needs the compare-exchange of                *)
(*    interp->finalization_guards from 0 to                                *)
(*    _PyInterpreterGuard_GUARDS_NOT_ALLOWED; otherwise detach, start the  *)
(*    world, unlock the pending mutex, attach and go round), from PEP 788's*)
(*    text (stored) and from issue 14's summary of the loop: park on the   *)
(*    guard count with the thread state detached, then the pending mutex,  *)
(*    stop the world, HEAD_LOCK, check, close.  gh-140257's own thread is  *)
(*    not in the store either; its title as issue 14 gives it ("pending    *)
(*    calls added after _Py_FinishPendingCalls") is what the gh140257      *)
(*    models show.                                                         *)
(*                                                                         *)
(* Processes                                                               *)
(*   Fin      the main thread in Py_FinalizeEx, attached (holds the GIL)   *)
(*            when it starts.                                              *)
(*   Callers  foreign C threads that call into Python once.  ViewUsers use *)
(*            PyThreadState_EnsureFromView (a guard, then Ensure, then     *)
(*            Release, which closes the guard); the others use             *)
(*            PyGILState_Ensure/Release (no guard).                        *)
(*   Posters  C threads with no thread state that call Py_AddPendingCall   *)
(*            once.                                                        *)
(*                                                                         *)
(* Left out: non-daemon threads and subinterpreters (both enter the loop's *)
(* condition exactly as atexit callbacks do; threads started at exit are   *)
(* ThreadStartShutdown.tla's gh-136003 models, subinterpreters             *)
(* EndInterpreter.tla's); _PyEval_AddPendingCall(interp) from attached     *)
(* threads (the only other user of interp->ceval.pending.mutex); the free- *)
(* threaded stop-the-world (here the GIL is what stops the world).         *)
(*                                                                         *)
(* Switches                                                                *)
(*   Loop               TRUE: 3.15's loop with guards; FALSE: 3.13/3.14's  *)
(*                      straight line.                                     *)
(*   AtexitPosts        the registered atexit callback calls               *)
(*                      Py_AddPendingCall (gh-136003's example: "an atexit *)
(*                      handler scheduling a pending call").               *)
(*   ParkMode           "compare": _PyParkingLot_Park sleeps only if the   *)
(*                      word still holds the value loaded (CPython);       *)
(*                      "load_then_sleep": a mutation that sleeps on what  *)
(*                      it loaded earlier (a lost wake-up).                *)
(*   ParkDetached       TRUE: the finalizer detaches before parking        *)
(*                      (CPython); FALSE: a mutation that parks attached.  *)
(*   LoopLocksMainQueue FALSE: the loop locks interp->ceval.pending.mutex  *)
(*                      only (PR #136004); TRUE: a candidate that also     *)
(*                      holds pending_mainthread's mutex from the check to *)
(*                      RemoveExcept.                                      *)
(*   PendingAdmission   "always" (3.13/3.14 _PyEval_AddPendingCall, read); *)
(*                      "refuse_when_closed": a candidate, the push is     *)
(*                      refused under the queue's mutex once the guard     *)
(*                      counter is closed.                                 *)
(*                                                                         *)
(* Properties                                                              *)
(*   FinalizerExclusive       once _finalizing is set no caller runs       *)
(*                            Python (attached).                           *)
(*   NoDanglingDeref          no caller touches a freed tstate or interp.  *)
(*   PendingRunsBeforeTeardown once _finalizing is set no accepted pending *)
(*                            call is still queued: it would run in the    *)
(*                            half-destroyed interpreter (when the main    *)
(*                            thread next checks its eval breaker) or      *)
(*                            never.                                       *)
(*   NoFinalizationUnderGuard the counter closes only when no caller holds *)
(*                            a guard (stated on the callers' states).     *)
(*   GuardHolderNeverHung     a caller that got a guard is never hung.     *)
(*   Deadlock (TLC's check)   the process exits (FinProcessExit) or some   *)
(*                            thread can always move: a lost wake-up or a  *)
(*                            park that holds the GIL shows as a deadlock. *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS
    Callers, ViewUsers, Posters,
    Loop, AtexitPosts, ParkMode, ParkDetached, LoopLocksMainQueue,
    PendingAdmission

ASSUME ViewUsers \subseteq Callers
ASSUME Loop \in BOOLEAN /\ AtexitPosts \in BOOLEAN /\ ParkDetached \in BOOLEAN
ASSUME LoopLocksMainQueue \in BOOLEAN
ASSUME ParkMode \in {"compare", "load_then_sleep"}
ASSUME PendingAdmission \in {"always", "refuse_when_closed"}

VARIABLES
    finPc,        \* where the finalizer is
    gil,          \* "Fin", a caller, or "none"
    pendMutex,    \* interp->ceval.pending.mutex: "Fin" or "none"
    mainMutex,    \* _PyRuntime.ceval.pending_mainthread.mutex: "Fin" or "none"
    headLock,     \* HEAD_LOCK(runtime): "Fin" or "none"
    guards,       \* interp->finalization_guards (open guards)
    gateClosed,   \* the word holds _PyInterpreterGuard_GUARDS_NOT_ALLOWED
    finSeen,      \* the guard count the finalizer loaded before parking
    finalizing,   \* _PyInterpreterState_SetFinalizing has run
    removed,      \* _PyThreadState_RemoveExcept has run
    interpFreed,  \* PyInterpreterState_Delete has run
    queued,       \* accepted pending calls not yet run
    atexitCb,     \* an atexit callback is registered and has not run
    cPc,          \* callers' program counters
    cTs,          \* callers' thread states
    pPc           \* posters' program counters

vars == <<finPc, gil, pendMutex, mainMutex, headLock, guards, gateClosed,
          finSeen, finalizing, removed, interpFreed, queued, atexitCb, cPc,
          cTs, pPc>>

FinPcs == {"pending", "atexit", "park", "parking", "parked", "woken", "lock",
           "check", "cas", "unlock", "reattach", "closed", "remove",
           "teardown", "teardown_io", "delete", "done"}
CPcs == {"idle", "guarded", "ensured", "attached", "done", "refused", "hung",
         "crashed"}
\* "live": linked before RemoveExcept; "marked": SHUTTING_DOWN by it;
\* "stray": linked after it, so never marked (the gh-124619 hole).
TsStates == {"none", "live", "marked", "stray", "freed"}

MaxQueued == Cardinality(Posters) + 1

TypeOK ==
    /\ finPc \in FinPcs
    /\ gil \in {"Fin", "none"} \cup Callers
    /\ pendMutex \in {"Fin", "none"}
    /\ mainMutex \in {"Fin", "none"}
    /\ headLock \in {"Fin", "none"}
    /\ guards \in 0..Cardinality(ViewUsers)
    /\ gateClosed \in BOOLEAN
    /\ finSeen \in 0..Cardinality(ViewUsers)
    /\ finalizing \in BOOLEAN
    /\ removed \in BOOLEAN
    /\ interpFreed \in BOOLEAN
    /\ queued \in 0..MaxQueued
    /\ atexitCb \in BOOLEAN
    /\ cPc \in [Callers -> CPcs]
    /\ cTs \in [Callers -> TsStates]
    /\ pPc \in [Posters -> {"idle", "done", "refused"}]

Init ==
    /\ finPc = "pending"
    /\ gil = "Fin"
    /\ pendMutex = "none"
    /\ mainMutex = "none"
    /\ headLock = "none"
    /\ guards = 0
    /\ gateClosed = FALSE
    /\ finSeen = 0
    /\ finalizing = FALSE
    /\ removed = FALSE
    /\ interpFreed = FALSE
    /\ queued = 0
    /\ atexitCb = TRUE
    /\ cPc = [c \in Callers |-> "idle"]
    /\ cTs = [c \in Callers |-> "none"]
    /\ pPc = [p \in Posters |-> "idle"]

-----------------------------------------------------------------------------
(* The finalizer: the calls that may create more work.                     *)

\* Runs every queued call, both queues (the main thread of the main
\* interpreter), until npending reads 0; runs attached.
\* CPython 3.13-main: _Py_FinishPendingCalls: make_pending_calls until npending == 0 (Python/ceval_gil.c)
FinFinishPending ==
    /\ finPc = "pending" /\ gil = "Fin"
    /\ queued' = 0
    /\ finPc' = "atexit"
    /\ UNCHANGED <<gil, pendMutex, mainMutex, headLock, guards, gateClosed,
                   finSeen, finalizing, removed, interpFreed, atexitCb, cPc,
                   cTs, pPc>>

\* The callback is Python code: its RESUME checks the eval breaker, so the
\* calls already queued run first.  The callback may then call
\* Py_AddPendingCall (AtexitPosts) as its last act; nothing checks the
\* breaker after its RETURN, so that call stays queued.  The counter is
\* still open here: the push is accepted under either admission rule.  In
\* 3.13/3.14 nothing runs the pending calls again: straight on to stopping
\* the world and setting _finalizing.
\* CPython 3.13-main: _PyAtExit_Call; 3.13-3.14 then _PyEval_StopTheWorldAll (Python/pylifecycle.c)
FinAtexit ==
    /\ finPc = "atexit"
    /\ atexitCb' = FALSE
    /\ queued' = IF atexitCb THEN (IF AtexitPosts THEN 1 ELSE 0) ELSE queued
    /\ finPc' = IF Loop THEN "park" ELSE "closed"
    /\ UNCHANGED <<gil, pendMutex, mainMutex, headLock, guards, gateClosed,
                   finSeen, finalizing, removed, interpFreed, cPc, cTs, pPc>>

-----------------------------------------------------------------------------
(* The finalizer: waiting for the guards (3.15).                           *)

\* Loads the guard word.  0: go on to the locks.  Otherwise detach (unless
\* ParkDetached is FALSE) and park on the value seen, so that guard holders
\* can take the GIL and finish.
\* CPython 3.15-main: make_pre_finalization_calls: load finalization_guards, _PyThreadState_Detach (Python/pylifecycle.c)
FinParkLoad ==
    /\ finPc = "park" /\ gil = "Fin"
    /\ IF guards = 0
         THEN /\ finPc' = "lock"
              /\ UNCHANGED <<gil, finSeen>>
         ELSE /\ finPc' = "parking"
              /\ finSeen' = guards
              /\ gil' = IF ParkDetached THEN "none" ELSE gil
    /\ UNCHANGED <<pendMutex, mainMutex, headLock, guards, gateClosed,
                   finalizing, removed, interpFreed, queued, atexitCb, cPc,
                   cTs, pPc>>

\* _PyParkingLot_Park compares the word with the value seen under the
\* bucket lock and sleeps only if they are equal; if the word moved it
\* returns at once and the loop reloads.  The mutation sleeps without
\* comparing: a last guard closed between the load and the sleep has
\* already unparked nobody.
\* CPython 3.15-main: make_pre_finalization_calls -> _PyParkingLot_Park(&finalization_guards, &seen) (Python/parking_lot.c)
FinPark ==
    /\ finPc = "parking"
    /\ finPc' = IF ParkMode = "load_then_sleep" \/ guards = finSeen
                  THEN "parked" ELSE "woken"
    /\ UNCHANGED <<gil, pendMutex, mainMutex, headLock, guards, gateClosed,
                   finSeen, finalizing, removed, interpFreed, queued,
                   atexitCb, cPc, cTs, pPc>>

\* Woken (or the park returned at once): attach again and reload.
\* CPython 3.15-main: make_pre_finalization_calls: _PyThreadState_Attach after the park (Python/pylifecycle.c)
FinWake ==
    /\ finPc = "woken"
    /\ gil \in {"Fin", "none"}
    /\ gil' = "Fin"
    /\ finPc' = "park"
    /\ UNCHANGED <<pendMutex, mainMutex, headLock, guards, gateClosed,
                   finSeen, finalizing, removed, interpFreed, queued,
                   atexitCb, cPc, cTs, pPc>>

-----------------------------------------------------------------------------
(* The finalizer: the check and the close (3.15).                          *)

\* Lock order: the GIL (attached) -> interp->ceval.pending.mutex -> stop the
\* world (the GIL, in this build) -> HEAD_LOCK.  One step: nobody else in
\* this model blocks while holding one of them (a poster holds the
\* main-queue mutex only inside its push, new_threadstate HEAD_LOCK only
\* inside its link), so taking them one by one allows nothing more.
\* CPython 3.15-main: make_pre_finalization_calls: PyMutex_Lock(&interp->ceval.pending.mutex), _PyEval_StopTheWorldAll, HEAD_LOCK (Python/pylifecycle.c)
FinLock ==
    /\ finPc = "lock" /\ gil = "Fin"
    /\ mainMutex = "none" /\ headLock = "none"
    /\ pendMutex' = "Fin"
    /\ mainMutex' = IF LoopLocksMainQueue THEN "Fin" ELSE mainMutex
    /\ headLock' = "Fin"
    /\ finPc' = "check"
    /\ UNCHANGED <<gil, guards, gateClosed, finSeen, finalizing, removed,
                   interpFreed, queued, atexitCb, cPc, cTs, pPc>>

\* should_continue: a pending call or an atexit callback is still there
\* (threads and subinterpreters: none in this model).
\* CPython 3.15-main: make_pre_finalization_calls: interp_has_pending_calls, interp_has_atexit_callbacks (Python/pylifecycle.c)
FinCheck ==
    /\ finPc = "check"
    /\ finPc' = IF queued > 0 \/ atexitCb THEN "unlock" ELSE "cas"
    /\ UNCHANGED <<gil, pendMutex, mainMutex, headLock, guards, gateClosed,
                   finSeen, finalizing, removed, interpFreed, queued,
                   atexitCb, cPc, cTs, pPc>>

\* compare-exchange finalization_guards 0 -> NOT_ALLOWED: fails if a guard
\* was taken since the park ended.  On success the loop breaks (HEAD_LOCK
\* released: RemoveExcept takes it again; the pending mutexes stay held).
\* CPython 3.15-main: make_pre_finalization_calls: _Py_atomic_compare_exchange_uintptr(&finalization_guards, 0, NOT_ALLOWED) (Python/pylifecycle.c)
FinCas ==
    /\ finPc = "cas"
    /\ IF guards = 0
         THEN /\ gateClosed' = TRUE
              /\ headLock' = "none"
              /\ finPc' = "closed"
         ELSE /\ finPc' = "unlock"
              /\ UNCHANGED <<gateClosed, headLock>>
    /\ UNCHANGED <<gil, pendMutex, mainMutex, guards, finSeen, finalizing,
                   removed, interpFreed, queued, atexitCb, cPc, cTs, pPc>>

\* Go round: HEAD_UNLOCK, detach, start the world, unlock the pending
\* mutex(es); other threads may run before the finalizer attaches again.
\* CPython 3.15-main: make_pre_finalization_calls: _PyThreadState_Detach, _PyEval_StartTheWorldAll, PyMutex_Unlock (Python/pylifecycle.c)
FinUnlock ==
    /\ finPc = "unlock"
    /\ headLock' = "none"
    /\ pendMutex' = "none"
    /\ mainMutex' = "none"
    /\ gil' = "none"
    /\ finPc' = "reattach"
    /\ UNCHANGED <<guards, gateClosed, finSeen, finalizing, removed,
                   interpFreed, queued, atexitCb, cPc, cTs, pPc>>

\* CPython 3.15-main: make_pre_finalization_calls: _PyThreadState_Attach, next round (Python/pylifecycle.c)
FinReattach ==
    /\ finPc = "reattach" /\ gil = "none"
    /\ gil' = "Fin"
    /\ finPc' = "pending"
    /\ UNCHANGED <<pendMutex, mainMutex, headLock, guards, gateClosed,
                   finSeen, finalizing, removed, interpFreed, queued,
                   atexitCb, cPc, cTs, pPc>>

-----------------------------------------------------------------------------
(* The finalizer: teardown.                                                *)

\* CPython 3.13-main: _PyInterpreterState_SetFinalizing, _PyRuntimeState_SetFinalizing (Python/pylifecycle.c)
FinSetFinalizing ==
    /\ finPc = "closed"
    /\ finalizing' = TRUE
    /\ finPc' = "remove"
    /\ UNCHANGED <<gil, pendMutex, mainMutex, headLock, guards, gateClosed,
                   finSeen, removed, interpFreed, queued, atexitCb, cPc,
                   cTs, pPc>>

\* Marks every listed thread state SHUTTING_DOWN (it hangs when it next
\* attaches); a thread state linked after this is never marked.  Then the
\* world starts again and the pending mutexes are unlocked.
\* CPython 3.14-main: _PyThreadState_RemoveExcept, _PyThreadState_SetShuttingDown, _PyEval_StartTheWorldAll (Python/pylifecycle.c)
FinRemoveExcept ==
    /\ finPc = "remove" /\ headLock = "none"
    /\ removed' = TRUE
    /\ cTs' = [c \in Callers |-> IF cTs[c] = "live" THEN "marked" ELSE cTs[c]]
    /\ pendMutex' = "none"
    /\ mainMutex' = "none"
    /\ finPc' = "teardown"
    /\ UNCHANGED <<gil, headLock, guards, gateClosed, finSeen, finalizing,
                   interpFreed, queued, atexitCb, cPc, pPc>>

\* Teardown runs Python (PyGC_Collect, finalize_modules: __del__ methods),
\* which may release the GIL, e.g. around I/O.
\* CPython 3.13-main: PyGC_Collect, finalize_modules: a destructor releases the GIL (Python/pylifecycle.c)
FinTeardownDropGil ==
    /\ finPc = "teardown" /\ gil = "Fin"
    /\ gil' = "none"
    /\ finPc' = "teardown_io"
    /\ UNCHANGED <<pendMutex, mainMutex, headLock, guards, gateClosed,
                   finSeen, finalizing, removed, interpFreed, queued,
                   atexitCb, cPc, cTs, pPc>>

\* CPython 3.13-main: the destructor takes the GIL back (Python/ceval_gil.c)
FinTeardownRetake ==
    /\ finPc = "teardown_io" /\ gil = "none"
    /\ gil' = "Fin"
    /\ finPc' = "delete"
    /\ UNCHANGED <<pendMutex, mainMutex, headLock, guards, gateClosed,
                   finSeen, finalizing, removed, interpFreed, queued,
                   atexitCb, cPc, cTs, pPc>>

\* interpreter_clear frees every thread state left (zapthreads), then the
\* interpreter itself is freed.
\* CPython 3.13-main: finalize_interp_clear, finalize_interp_delete -> PyInterpreterState_Delete (Python/pylifecycle.c)
FinDeleteInterp ==
    /\ finPc = "delete"
    /\ interpFreed' = TRUE
    /\ cTs' = [c \in Callers |-> IF cTs[c] = "none" THEN "none" ELSE "freed"]
    /\ finPc' = "done"
    /\ UNCHANGED <<gil, pendMutex, mainMutex, headLock, guards, gateClosed,
                   finSeen, finalizing, removed, queued, atexitCb, cPc, pPc>>

\* Py_FinalizeEx returned and the process exits: the other threads stop
\* wherever they are.  Keeps TLC's deadlock check for real hangs.
\* CPython 3.13-main: Py_RunMain returns, exit() (Modules/main.c)
FinProcessExit ==
    /\ finPc = "done"
    /\ UNCHANGED vars

-----------------------------------------------------------------------------
(* Foreign threads calling into Python.                                    *)

\* PyInterpreterGuard_FromView: the load/compare-exchange loop of
\* try_acquire_interp_guard as one step (it takes effect at its successful
\* compare-exchange; InterpreterGuards.tla checks the two steps apart).
\* Refused once the counter is closed: EnsureFromView returns NULL.
\* CPython 3.15-main: PyThreadState_EnsureFromView -> PyInterpreterGuard_FromView (Python/pystate.c)
CGuard(c) ==
    /\ c \in ViewUsers /\ cPc[c] = "idle"
    /\ IF gateClosed
         THEN /\ cPc' = [cPc EXCEPT ![c] = "refused"]
              /\ UNCHANGED guards
         ELSE /\ cPc' = [cPc EXCEPT ![c] = "guarded"]
              /\ guards' = guards + 1
    /\ UNCHANGED <<finPc, gil, pendMutex, mainMutex, headLock, gateClosed,
                   finSeen, finalizing, removed, interpFreed, queued,
                   atexitCb, cTs, pPc>>

\* A new thread state, linked under HEAD_LOCK.  PyGILState_Ensure (no guard)
\* comes here straight away; its 3.14 check hangs only once
\* autoInterpreterState is NULL (after _PyGILState_Fini).  A state linked
\* after RemoveExcept is "stray": nothing will mark it SHUTTING_DOWN.
\* CPython 3.14-main: PyThreadState_Ensure / PyGILState_Ensure -> new_threadstate under HEAD_LOCK (Python/pystate.c)
CNewTstate(c) ==
    /\ IF c \in ViewUsers THEN cPc[c] = "guarded" ELSE cPc[c] = "idle"
    /\ headLock = "none"
    /\ IF interpFreed
         THEN /\ cPc' = [cPc EXCEPT ![c] = IF c \in ViewUsers THEN "crashed" ELSE "hung"]
              /\ UNCHANGED cTs
         ELSE /\ cPc' = [cPc EXCEPT ![c] = "ensured"]
              /\ cTs' = [cTs EXCEPT ![c] = IF removed THEN "stray" ELSE "live"]
    /\ UNCHANGED <<finPc, gil, pendMutex, mainMutex, headLock, guards,
                   gateClosed, finSeen, finalizing, removed, interpFreed,
                   queued, atexitCb, pPc>>

\* take_gil, then its must-exit check reads the thread state's own state
\* (3.14+): a marked state hangs (PyThread_hang_thread), a stray one passes
\* (as GilFinalize.tla's gh124619-ensure-314 model shows step by step).
\* CPython 3.14-main: _PyThreadState_Attach -> take_gil, _PyThreadState_MustExit (Python/ceval_gil.c)
CAttach(c) ==
    /\ cPc[c] = "ensured" /\ gil = "none"
    /\ IF cTs[c] = "freed"
         THEN /\ cPc' = [cPc EXCEPT ![c] = "crashed"]
              /\ UNCHANGED gil
       ELSE IF cTs[c] = "marked"
         THEN /\ cPc' = [cPc EXCEPT ![c] = "hung"]
              /\ UNCHANGED gil
       ELSE /\ cPc' = [cPc EXCEPT ![c] = "attached"]
            /\ gil' = c
    /\ UNCHANGED <<finPc, pendMutex, mainMutex, headLock, guards, gateClosed,
                   finSeen, finalizing, removed, interpFreed, queued,
                   atexitCb, cTs, pPc>>

\* Detach, clear and delete the thread state; a view user then closes its
\* guard (decrement; at 0 unpark the finalizer).
\* CPython 3.15-main: PyThreadState_Release -> PyInterpreterGuard_Close; PyGILState_Release (Python/pystate.c)
CRelease(c) ==
    /\ cPc[c] = "attached"
    /\ gil' = "none"
    /\ cTs' = [cTs EXCEPT ![c] = "none"]
    /\ cPc' = [cPc EXCEPT ![c] = "done"]
    /\ guards' = IF c \in ViewUsers THEN guards - 1 ELSE guards
    /\ finPc' = IF c \in ViewUsers /\ guards = 1 /\ finPc = "parked"
                  THEN "woken" ELSE finPc
    /\ UNCHANGED <<pendMutex, mainMutex, headLock, gateClosed, finSeen,
                   finalizing, removed, interpFreed, queued, atexitCb, pPc>>

-----------------------------------------------------------------------------
(* C threads posting pending calls.                                        *)

\* Lock the main-thread queue's mutex, push (or, with the candidate
\* admission rule, refuse once the guard counter is closed), unlock, set
\* the main thread's eval-breaker bit.  The thread has no thread state, so
\* it holds nothing else and waits for nothing but that mutex.
\* CPython 3.13-main: Py_AddPendingCall -> _PyEval_AddPendingCall(_Py_PENDING_MAINTHREADONLY) (Python/ceval_gil.c)
PAdd(p) ==
    /\ pPc[p] = "idle" /\ mainMutex = "none"
    /\ IF PendingAdmission = "refuse_when_closed" /\ gateClosed
         THEN /\ pPc' = [pPc EXCEPT ![p] = "refused"]
              /\ UNCHANGED queued
         ELSE /\ pPc' = [pPc EXCEPT ![p] = "done"]
              /\ queued' = queued + 1
    /\ UNCHANGED <<finPc, gil, pendMutex, mainMutex, headLock, guards,
                   gateClosed, finSeen, finalizing, removed, interpFreed,
                   atexitCb, cPc, cTs>>

-----------------------------------------------------------------------------
FinNext ==
    \/ FinFinishPending \/ FinAtexit \/ FinParkLoad \/ FinPark \/ FinWake
    \/ FinLock \/ FinCheck \/ FinCas \/ FinUnlock \/ FinReattach
    \/ FinSetFinalizing \/ FinRemoveExcept \/ FinTeardownDropGil
    \/ FinTeardownRetake \/ FinDeleteInterp \/ FinProcessExit

Next ==
    \/ FinNext
    \/ \E c \in Callers : CGuard(c) \/ CNewTstate(c) \/ CAttach(c) \/ CRelease(c)
    \/ \E p \in Posters : PAdd(p)

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
FinalizerExclusive == finalizing => \A c \in Callers : cPc[c] # "attached"

NoDanglingDeref == \A c \in Callers : cPc[c] # "crashed"

PendingRunsBeforeTeardown == finalizing => queued = 0

NoFinalizationUnderGuard ==
    gateClosed => \A c \in ViewUsers : cPc[c] \notin {"guarded", "ensured", "attached"}

GuardHolderNeverHung == \A c \in ViewUsers : cPc[c] # "hung"

-----------------------------------------------------------------------------
(* Witnesses: dangerous situations a passing model must still reach.       *)

\* The check finds a pending call added after _Py_FinishPendingCalls (by the
\* atexit callback or a C thread): the loop goes round again.
W_LoopAgainForPending == finPc = "unlock" /\ queued > 0

\* A guard was taken after the park ended: the compare-exchange will fail.
W_GuardTakenAfterPark == finPc = "cas" /\ guards > 0

\* A guard holder runs Python while the finalizer is parked (detached).
W_AttachedWhileParked == finPc = "parked" /\ \E c \in Callers : cPc[c] = "attached"

\* A caller comes too late: EnsureFromView returns NULL, no hang.
W_CallerRefused == \E c \in Callers : cPc[c] = "refused"

\* A C thread is about to post while the loop is about to close the counter
\* (it waits on the main-queue mutex the loop holds).
W_PosterWaitsAtClose ==
    finPc = "cas" /\ mainMutex = "Fin" /\ \E p \in Posters : pPc[p] = "idle"

\* A C thread posts after the counter closed and is refused.
W_PosterRefused == \E p \in Posters : pPc[p] = "refused"

=============================================================================
