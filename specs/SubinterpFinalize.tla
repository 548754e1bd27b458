-------------------------- MODULE SubinterpFinalize --------------------------
(***************************************************************************)
(* Py_FinalizeEx destroying a subinterpreter S that still has daemon       *)
(* threads, GIL build, 3.14/3.15 protocol, with S's own GIL (PEP 684) or   *)
(* the main interpreter's.                                                 *)
(*                                                                         *)
(* Threads                                                                 *)
(*   Main     runs Py_FinalizeEx.  finalize_subinterpreters detaches the   *)
(*            main tstate, creates a fresh tstate TF in S                  *)
(*            (_PyThreadState_NewBound, WHENCE_FINI), attaches it and      *)
(*            calls Py_EndInterpreter(TF).                                 *)
(*   Daemons  threading daemon threads of S (tstate id = thread id), in a  *)
(*            time.sleep loop: PyEval_SaveThread, sleep,                   *)
(*            PyEval_RestoreThread -> _PyThreadState_Attach -> take_gil.   *)
(*                                                                         *)
(* Memory                                                                  *)
(*   InterpS  S's PyInterpreterState.  With its own GIL the GIL is         *)
(*            embedded in it (init_own_gil(interp, &interp->_gil)), so     *)
(*            gil->mutex, gil->cond and gil->locked are S's memory too;    *)
(*            the main interpreter's GIL is never freed.                   *)
(*   tstates  3.14 refcounts them: a daemon's tstate starts with 2         *)
(*            references (the interpreter's list, the OS thread);          *)
(*            _PyThreadState_DeleteList and _PyThreadState_HangThread     *)
(*            each drop one (decref_threadstate), free at 0.               *)
(*            PyThreadState_Delete and zapthreads free at once.            *)
(*                                                                         *)
(* The 3.14 must-exit check is _PyThreadState_MustExit: tstate->state ==  *)
(* _Py_THREAD_SHUTTING_DOWN, a read of the tstate only (Python/pystate.c). *)
(* take_gil checks it at entry (C1), on a timed-out wait while the GIL is  *)
(* held (C2) and once it holds the GIL (C3); a thread that must exit       *)
(* hangs in _PyThreadState_HangThread (PyThread_hang_thread, gh-87135).    *)
(*                                                                         *)
(* Versions (switches)                                                     *)
(*   OldFinalization  before gh-128639 (3.13, 3.14 development up to May   *)
(*     2025): finalize_subinterpreters runs at the end of _Py_Finalize,    *)
(*     after _PyRuntimeState_SetFinalizing, and "assumes at most one       *)
(*     tstate": it attaches interp->threads.head, clears and deletes it,   *)
(*     then Py_EndInterpreter fails with "not the last thread" if another  *)
(*     tstate is left.                                                     *)
(*   otherwise gh-128639 (PR #128640, reverted by #134256, re-applied by   *)
(*     #134606): finalize_subinterpreters before SetFinalizing; never      *)
(*     touches existing tstates; Py_EndInterpreter removes every other     *)
(*     tstate (_PyThreadState_RemoveExcept), sets S->_finalizing and       *)
(*     deletes the removed list (_PyThreadState_DeleteList).               *)
(*   SetsShuttingDown  #134606: the removed tstates are marked             *)
(*     _Py_THREAD_SHUTTING_DOWN (the loop #128640 lacked).                 *)
(*   OwnGil           S was created with its own GIL.                      *)
(*   InterpRefcount   a candidate, not CPython: S's memory is kept until   *)
(*     its last tstate is freed (the interpreter counted by its tstates).  *)
(*                                                                         *)
(* Left out: FORCE_SWITCHING's drop requests (drop_gil's switch block      *)
(* after MUTEX_UNLOCK reads gil->switch_mutex, S's memory with an own GIL; *)
(* no drop request is modelled), non-daemon threads of S                   *)
(* (wait_for_thread_shutdown is one step), the free-threaded build.        *)
(***************************************************************************)
EXTENDS Naturals

CONSTANTS
    Main, Daemons,
    TF,                \* model value: the tstate finalize_subinterpreters creates
    InterpS,           \* model value: S's PyInterpreterState
    None,
    \* ---- version switches ----
    OldFinalization,   \* before gh-128639
    SetsShuttingDown,  \* gh-134606: _PyThreadState_SetShuttingDown in Py_EndInterpreter
    OwnGil,            \* S has its own GIL (PEP 684)
    InterpRefcount     \* candidate fix: S freed with its last tstate

OSThreads == {Main} \cup Daemons
Objects   == Daemons \cup {TF, InterpS}

ConstantsOK == /\ Main \notin Daemons /\ TF \notin Daemons /\ InterpS \notin Daemons
               /\ TF # InterpS /\ None \notin OSThreads

\* Which GIL S's threads take, and the memory its fields live in.
SGil   == IF OwnGil THEN "sub" ELSE "main"
GilMem == IF OwnGil THEN {InterpS} ELSE {}

VARIABLES
    pc,
    mainGil,    \* holder of the main interpreter's GIL (an OS thread or None)
    subGil,     \* holder of S's own GIL (unused when S shares the main GIL)
    ts,         \* ts[d]: tstate->state of daemon d's tstate
    refs,       \* refs[d]: the tstate's refcount (3.14)
    linked,     \* S->threads list
    toDelete,   \* the list _PyThreadState_RemoveExcept returned
    freed,      \* freed objects
    fault,      \* <<>> or <<thread, site>>: the first read of freed memory
    late,       \* daemons that got past take_gil's C1 after S was freed
    foreign,    \* Main attached a tstate bound to another OS thread
    fatal,      \* "none" or the Py_FatalError message
    sStep,      \* where Main is in _Py_Finalize / Py_EndInterpreter
    sPending    \* InterpRefcount: S deleted, memory kept for its tstates

vars == <<pc, mainGil, subGil, ts, refs, linked, toDelete, freed, fault, late,
          foreign, fatal, sStep, sPending>>

Pcs == {"run", "m_yield", "d_io", "tg_c1", "tg_lock", "tg_wait", "tg_c3",
        "d_attach", "d_py", "hung"}
Steps == {"runtime0", "subs", "head", "newts", "attach", "end", "check",
          "remove", "shutdown", "setfin", "deletelist", "teardown", "delete",
          "free", "back", "runtime", "done"}
Sites == {"PyEval_RestoreThread", "take_gil C1", "take_gil interp",
          "take_gil wake", "take_gil C2", "take_gil C3 drop_gil", "attach",
          "drop_gil"}
Holders == OSThreads \cup {None}

TypeOK ==
    /\ ConstantsOK
    /\ pc \in [OSThreads -> Pcs]
    /\ mainGil \in Holders
    /\ subGil \in Holders
    /\ ts \in [Daemons -> {"detached", "attached", "shutdown"}]
    /\ refs \in [Daemons -> 0..2]
    /\ linked \subseteq {TF} \cup Daemons
    /\ toDelete \subseteq Daemons
    /\ freed \subseteq Objects
    /\ fault \in {<<>>} \cup {<<t, s>> : t \in OSThreads, s \in Sites}
    /\ late \subseteq Daemons
    /\ foreign \in BOOLEAN
    /\ fatal \in {"none", "not the last thread"}
    /\ sStep \in Steps
    /\ sPending \in BOOLEAN

-----------------------------------------------------------------------------

SHolder == IF OwnGil THEN subGil ELSE mainGil

\* Set the holder of S's GIL (the main GIL when S shares it).
SetSGil(v) == IF OwnGil THEN subGil' = v /\ UNCHANGED mainGil
                        ELSE mainGil' = v /\ UNCHANGED subGil

Faulted(x, objs, s) ==
    IF fault = <<>> /\ objs \cap freed # {} THEN <<x, s>> ELSE fault

\* S's memory goes when it is deleted, or, with InterpRefcount, when the
\* last of its tstates goes after that.
InterpGoes(deleted, gone) ==
    IF deleted /\ (~InterpRefcount \/ Daemons \subseteq gone) THEN {InterpS} ELSE {}

\* _PyThreadState_HangThread: decref_threadstate, then PyThread_hang_thread.
HangThread(d) ==
    LET gone == IF refs[d] = 1 THEN {d} ELSE {}
    IN /\ refs' = [refs EXCEPT ![d] = @ - 1]
       /\ freed' = freed \cup gone \cup InterpGoes(sPending, freed \cup gone)
       /\ sPending' = (sPending /\ InterpGoes(sPending, freed \cup gone) = {})
       /\ pc' = [pc EXCEPT ![d] = "hung"]

\* The process exits when Py_FinalizeEx returns (or on Py_FatalError).
Running == sStep # "done" /\ fatal = "none"

-----------------------------------------------------------------------------
(* A daemon of S *)

\* PyEval_RestoreThread at the end of time.sleep: _PyThreadState_Attach
\* reads _tstate->c_stack_hard_limit, then _PyEval_AcquireLock -> take_gil.
\* CPython 3.14-main: PyEval_RestoreThread -> _PyThreadState_Attach (Python/ceval_gil.c, Python/pystate.c)
DRestoreThread(d) ==
    /\ Running
    /\ pc[d] = "d_io"
    /\ pc' = [pc EXCEPT ![d] = "tg_c1"]
    /\ fault' = Faulted(d, {d}, "PyEval_RestoreThread")
    /\ UNCHANGED <<mainGil, subGil, ts, refs, linked, toDelete, freed, late,
                   foreign, fatal, sStep, sPending>>

\* C1 reads only tstate->state: a daemon whose tstate was marked
\* SHUTTING_DOWN hangs without touching its interpreter.  Otherwise it goes
\* on to tstate->interp, whether or not S still exists.
\* CPython 3.14-main: take_gil entry, _PyThreadState_MustExit, _PyThreadState_HangThread (Python/ceval_gil.c, Python/pystate.c)
TakeGilC1(d) ==
    /\ Running
    /\ pc[d] = "tg_c1"
    /\ fault' = Faulted(d, {d}, "take_gil C1")
    /\ IF ts[d] = "shutdown"
       THEN /\ HangThread(d)
            /\ UNCHANGED late
       ELSE /\ pc' = [pc EXCEPT ![d] = "tg_lock"]
            /\ late' = IF InterpS \in freed THEN late \cup {d} ELSE late
            /\ UNCHANGED <<refs, freed, sPending>>
    /\ UNCHANGED <<mainGil, subGil, ts, linked, toDelete, foreign, fatal, sStep>>

\* The `_ready` section: take the GIL, then C3 (MustExit reads the tstate).
Ready(d) ==
    /\ SetSGil(d)
    /\ pc' = [pc EXCEPT ![d] = IF ts[d] = "shutdown" THEN "tg_c3" ELSE "d_attach"]

\* `interp = tstate->interp; gil = interp->ceval.gil; MUTEX_LOCK(gil->mutex)`,
\* then gil->locked: free -> _ready, held -> COND_TIMED_WAIT.
\* CPython 3.14-main: take_gil: tstate->interp, interp->ceval.gil, MUTEX_LOCK, gil->locked (Python/ceval_gil.c)
TakeGilLock(d) ==
    /\ Running
    /\ pc[d] = "tg_lock"
    /\ fault' = Faulted(d, {d, InterpS}, "take_gil interp")
    /\ IF SHolder = None
       THEN Ready(d)
       ELSE /\ pc' = [pc EXCEPT ![d] = "tg_wait"]
            /\ UNCHANGED <<mainGil, subGil>>
    /\ UNCHANGED <<ts, refs, linked, toDelete, freed, late, foreign, fatal, sStep,
                   sPending>>

\* Signalled by drop_gil: COND_TIMED_WAIT returns with gil->mutex re-locked
\* (S's memory with an own GIL), gil->locked is 0: the `_ready` section.
\* CPython 3.14-main: take_gil: COND_TIMED_WAIT signalled, _ready with C3 (Python/ceval_gil.c)
TakeGilWake(d) ==
    /\ Running
    /\ pc[d] = "tg_wait" /\ SHolder = None
    /\ fault' = Faulted(d, {d} \cup GilMem, "take_gil wake")
    /\ Ready(d)
    /\ UNCHANGED <<ts, refs, linked, toDelete, freed, late, foreign, fatal, sStep,
                   sPending>>

\* Timed out with the GIL still held (C2): MustExit is true once the tstate
\* is SHUTTING_DOWN: MUTEX_UNLOCK and hang.  (A time-out that changes
\* nothing else is a stuttering step, left out.)
\* CPython 3.14-main: take_gil: timed out, C2 _PyThreadState_MustExit, _PyThreadState_HangThread (Python/ceval_gil.c)
TakeGilTimeout(d) ==
    /\ Running
    /\ pc[d] = "tg_wait" /\ SHolder # None /\ ts[d] = "shutdown"
    /\ fault' = Faulted(d, {d} \cup GilMem, "take_gil C2")
    /\ HangThread(d)
    /\ UNCHANGED <<mainGil, subGil, ts, linked, toDelete, late, foreign, fatal,
                   sStep>>

\* C3 true: MUTEX_UNLOCK, `drop_gil(interp, NULL, 1)` with the interp read
\* at entry: interp->ceval.gil, gil->locked, drop_gil_impl; then hang.
\* CPython 3.14-main: take_gil: C3, drop_gil(interp, NULL, 1), _PyThreadState_HangThread (Python/ceval_gil.c)
TakeGilC3(d) ==
    /\ Running
    /\ pc[d] = "tg_c3"
    /\ fault' = Faulted(d, {InterpS} \cup GilMem, "take_gil C3 drop_gil")
    /\ SetSGil(None)
    /\ HangThread(d)
    /\ UNCHANGED <<ts, linked, toDelete, late, foreign, fatal, sStep>>

\* CPython 3.14-main: _PyThreadState_Attach: tstate_try_attach, tstate_activate (Python/pystate.c)
DAttach(d) ==
    /\ Running
    /\ pc[d] = "d_attach"
    /\ ts' = [ts EXCEPT ![d] = "attached"]
    /\ pc' = [pc EXCEPT ![d] = "d_py"]
    /\ fault' = Faulted(d, {d}, "attach")
    /\ UNCHANGED <<mainGil, subGil, refs, linked, toDelete, freed, late, foreign,
                   fatal, sStep, sPending>>

\* time.sleep: PyEval_SaveThread -> detach_thread: DETACHED, then
\* drop_gil(tstate->interp, tstate, 0) while it still holds the GIL.
\* CPython 3.14-main: PyEval_SaveThread -> detach_thread -> _PyEval_ReleaseLock -> drop_gil (Python/ceval_gil.c, Python/pystate.c)
DSaveThread(d) ==
    /\ Running
    /\ pc[d] = "d_py"
    /\ ts' = [ts EXCEPT ![d] = "detached"]
    /\ pc' = [pc EXCEPT ![d] = "d_io"]
    /\ fault' = Faulted(d, {d, InterpS}, "drop_gil")
    /\ SetSGil(None)
    /\ UNCHANGED <<refs, linked, toDelete, freed, late, foreign, fatal, sStep,
                   sPending>>

-----------------------------------------------------------------------------
(* Main: _Py_Finalize and finalize_subinterpreters *)

\* StopTheWorldAll, SetFinalizing (main interpreter and runtime),
\* RemoveExcept/SetShuttingDown/DeleteList of the main interpreter's
\* threads (none besides Main here).  Before gh-128639 this comes first and
\* finalize_subinterpreters runs after finalize_modules; since, after it.
\* CPython 3.13-main: _Py_Finalize: _PyInterpreterState_SetFinalizing, _PyRuntimeState_SetFinalizing (Python/pylifecycle.c)
FinSetRuntimeFinalizing ==
    /\ Running
    /\ pc[Main] = "run" /\ sStep \in {"runtime0", "runtime"}
    /\ sStep' = IF sStep = "runtime0" THEN "subs" ELSE "done"
    /\ UNCHANGED <<pc, mainGil, subGil, ts, refs, linked, toDelete, freed, fault,
                   late, foreign, fatal, sPending>>

\* finalize_subinterpreters: HEAD_LOCK finds S, RuntimeWarning,
\* `_PyThreadState_Detach(final_tstate)`: the main GIL is released.
\* CPython 3.13-main: finalize_subinterpreters, _PyThreadState_Detach(final_tstate) (Python/pylifecycle.c)
FinSubsDetach ==
    /\ Running
    /\ pc[Main] = "run" /\ sStep = "subs" /\ mainGil = Main
    /\ mainGil' = None
    /\ sStep' = IF OldFinalization /\ linked # {} THEN "head" ELSE "newts"
    /\ UNCHANGED <<pc, subGil, ts, refs, linked, toDelete, freed, fault, late,
                   foreign, fatal, sPending>>

\* Before gh-128639: "We assume the interpreter will have at most one tstate
\* at this point": `tstate = interp->threads.head; _PyThreadState_Attach;
\* PyThreadState_Clear; _PyThreadState_Detach; PyThreadState_Delete`.  The
\* head is a daemon's tstate, bound to the daemon's OS thread: attaching it
\* from Main fails tstate_activate's assertion (the report), and Delete
\* frees it under the daemon (free_threadstate, no refcount).
\* CPython 3.13-3.14: finalize_subinterpreters, interp->threads.head attached and deleted (Python/pylifecycle.c, Python/pystate.c)
FinZapHead(d) ==
    /\ Running
    /\ pc[Main] = "run" /\ sStep = "head" /\ d \in linked /\ SHolder = None
    /\ foreign' = TRUE
    /\ linked' = linked \ {d}
    /\ freed' = freed \cup {d}
    /\ sStep' = "newts"
    /\ UNCHANGED <<pc, mainGil, subGil, ts, refs, toDelete, fault, late, fatal,
                   sPending>>

\* CPython 3.13-main: finalize_subinterpreters: _PyThreadState_NewBound(interp, _PyThreadState_WHENCE_FINI) (Python/pylifecycle.c, Python/pystate.c)
FinNewTstate ==
    /\ Running
    /\ pc[Main] = "run" /\ sStep = "newts"
    /\ linked' = linked \cup {TF}
    /\ sStep' = "attach"
    /\ UNCHANGED <<pc, mainGil, subGil, ts, refs, toDelete, freed, fault, late,
                   foreign, fatal, sPending>>

\* `_PyThreadState_Attach(tstate)`: take_gil on S's GIL (its own, or the
\* main one a daemon may have taken meanwhile).
\* CPython 3.13-main: finalize_subinterpreters: _PyThreadState_Attach -> take_gil (Python/pylifecycle.c, Python/ceval_gil.c)
FinAttachSub ==
    /\ Running
    /\ pc[Main] = "run" /\ sStep = "attach" /\ SHolder = None
    /\ SetSGil(Main)
    /\ sStep' = "end"
    /\ UNCHANGED <<pc, ts, refs, linked, toDelete, freed, fault, late, foreign,
                   fatal, sPending>>

\* Py_EndInterpreter: interp->finalizing = 1, wait_for_thread_shutdown (no
\* non-daemon thread here), _Py_FinishPendingCalls, _PyAtExit_Call.
\* CPython 3.13-main: Py_EndInterpreter: wait_for_thread_shutdown, _Py_FinishPendingCalls, _PyAtExit_Call (Python/pylifecycle.c)
EndBegin ==
    /\ Running
    /\ pc[Main] = "run" /\ sStep = "end"
    /\ sStep' = IF OldFinalization THEN "check" ELSE "remove"
    /\ UNCHANGED <<pc, mainGil, subGil, ts, refs, linked, toDelete, freed, fault,
                   late, foreign, fatal, sPending>>

\* CPython 3.7-3.14: Py_EndInterpreter: Py_FatalError("not the last thread") (Python/pylifecycle.c)
EndCheckLastThread ==
    /\ Running
    /\ pc[Main] = "run" /\ sStep = "check"
    /\ IF linked # {TF}
       THEN /\ fatal' = "not the last thread"
            /\ UNCHANGED sStep
       ELSE /\ sStep' = "setfin"
            /\ UNCHANGED fatal
    /\ UNCHANGED <<pc, mainGil, subGil, ts, refs, linked, toDelete, freed, fault,
                   late, foreign, sPending>>

\* gh-128639: _PyEval_StopTheWorldAll (a no-op in the GIL build), then
\* `list = _PyThreadState_RemoveExcept(tstate)` under HEAD_LOCK.
\* CPython 3.14-main: Py_EndInterpreter: _PyThreadState_RemoveExcept (Python/pylifecycle.c, Python/pystate.c)
EndRemoveExcept ==
    /\ Running
    /\ pc[Main] = "run" /\ sStep = "remove"
    /\ toDelete' = linked \ {TF}
    /\ linked' = {TF}
    /\ sStep' = IF SetsShuttingDown THEN "shutdown" ELSE "setfin"
    /\ UNCHANGED <<pc, mainGil, subGil, ts, refs, freed, fault, late, foreign,
                   fatal, sPending>>

\* gh-134606: `for (p = list; p; p = p->next) _PyThreadState_SetShuttingDown(p)`.
\* CPython 3.14-main: Py_EndInterpreter: _PyThreadState_SetShuttingDown on the removed list (Python/pylifecycle.c, Python/pystate.c)
EndSetShuttingDown ==
    /\ Running
    /\ pc[Main] = "run" /\ sStep = "shutdown"
    /\ ts' = [d \in Daemons |-> IF d \in toDelete THEN "shutdown" ELSE ts[d]]
    /\ sStep' = "setfin"
    /\ UNCHANGED <<pc, mainGil, subGil, refs, linked, toDelete, freed, fault, late,
                   foreign, fatal, sPending>>

\* _PyInterpreterState_SetFinalizing(interp, tstate) (and, since
\* gh-128639, _PyEval_StartTheWorldAll).  S->_finalizing is not read by the
\* 3.14 must-exit check, so it is a step of Main only.
\* CPython 3.12-main: Py_EndInterpreter: _PyInterpreterState_SetFinalizing (Python/pylifecycle.c)
EndSetFinalizing ==
    /\ Running
    /\ pc[Main] = "run" /\ sStep = "setfin"
    /\ sStep' = IF OldFinalization THEN "teardown" ELSE "deletelist"
    /\ UNCHANGED <<pc, mainGil, subGil, ts, refs, linked, toDelete, freed, fault,
                   late, foreign, fatal, sPending>>

\* `_PyThreadState_DeleteList(list, 0)`: PyThreadState_Clear, then
\* decref_threadstate: the OS thread still holds its reference.
\* CPython 3.14-main: Py_EndInterpreter: _PyThreadState_DeleteList -> decref_threadstate (Python/pylifecycle.c, Python/pystate.c)
EndDeleteList ==
    /\ Running
    /\ pc[Main] = "run" /\ sStep = "deletelist"
    /\ refs' = [d \in Daemons |-> IF d \in toDelete THEN refs[d] - 1 ELSE refs[d]]
    /\ freed' = freed \cup {d \in toDelete : refs[d] = 1}
    /\ toDelete' = {}
    /\ sStep' = "teardown"
    /\ UNCHANGED <<pc, mainGil, subGil, ts, linked, fault, late, foreign, fatal,
                   sPending>>

\* atexit callbacks and finalize_modules run Python code: the eval loop
\* drops S's GIL and takes it back.
\* CPython 3.12-main: Py_EndInterpreter: the eval loop drops the GIL in _PyAtExit_Call or finalize_modules (Python/ceval_gil.c)
EndYield ==
    /\ Running
    /\ pc[Main] = "run" /\ sStep \in {"end", "teardown"}
    /\ pc' = [pc EXCEPT ![Main] = "m_yield"]
    /\ SetSGil(None)
    /\ UNCHANGED <<ts, refs, linked, toDelete, freed, fault, late, foreign, fatal,
                   sStep, sPending>>

\* CPython 3.12-main: Py_EndInterpreter: take_gil back in that code (Python/ceval_gil.c)
EndRetake ==
    /\ Running
    /\ pc[Main] = "m_yield" /\ SHolder = None
    /\ pc' = [pc EXCEPT ![Main] = "run"]
    /\ SetSGil(Main)
    /\ UNCHANGED <<ts, refs, linked, toDelete, freed, fault, late, foreign, fatal,
                   sStep, sPending>>

\* CPython 3.12-main: Py_EndInterpreter: _PyImport_FiniExternal, finalize_modules, _PyImport_FiniCore, finalize_interp_clear (Python/pylifecycle.c)
EndTeardown ==
    /\ Running
    /\ pc[Main] = "run" /\ sStep = "teardown"
    /\ sStep' = "delete"
    /\ UNCHANGED <<pc, mainGil, subGil, ts, refs, linked, toDelete, freed, fault,
                   late, foreign, fatal, sPending>>

\* PyInterpreterState_Delete: `_PyThreadState_Detach(tcur)`: drop_gil on
\* S's GIL, which signals a daemon waiting in take_gil.
\* CPython 3.12-main: finalize_interp_delete -> PyInterpreterState_Delete: _PyThreadState_Detach (Python/pylifecycle.c, Python/pystate.c)
EndDeleteDetach ==
    /\ Running
    /\ pc[Main] = "run" /\ sStep = "delete"
    /\ SetSGil(None)
    /\ sStep' = "free"
    /\ UNCHANGED <<pc, ts, refs, linked, toDelete, freed, fault, late, foreign,
                   fatal, sPending>>

\* zapthreads frees the tstates still listed (TF), free_interpreter frees S
\* (with its own GIL).  Nothing waits for a daemon still inside take_gil.
\* CPython 3.12-main: PyInterpreterState_Delete: zapthreads, free_interpreter (Python/pystate.c)
EndFree ==
    /\ Running
    /\ pc[Main] = "run" /\ sStep = "free"
    /\ freed' = freed \cup linked \cup InterpGoes(TRUE, freed)
    /\ sPending' = (InterpGoes(TRUE, freed) = {})
    /\ linked' = {}
    /\ sStep' = "back"
    /\ UNCHANGED <<pc, mainGil, subGil, ts, refs, toDelete, fault, late, foreign,
                   fatal>>

\* finalize_subinterpreters: `_PyThreadState_Attach(final_tstate)`.
\* CPython 3.13-main: finalize_subinterpreters: _PyThreadState_Attach(final_tstate) (Python/pylifecycle.c)
FinAttachMain ==
    /\ Running
    /\ pc[Main] = "run" /\ sStep = "back" /\ mainGil = None
    /\ mainGil' = Main
    /\ sStep' = IF OldFinalization THEN "done" ELSE "runtime"
    /\ UNCHANGED <<pc, subGil, ts, refs, linked, toDelete, freed, fault, late,
                   foreign, fatal, sPending>>

\* Py_FinalizeEx has returned (the process exits, daemons with it), or
\* Py_FatalError aborted it.
\* CPython 3.13-main: Py_FinalizeEx returns; Py_FatalError aborts (Python/pylifecycle.c)
Terminated ==
    /\ ~Running
    /\ UNCHANGED vars

-----------------------------------------------------------------------------

Init ==
    /\ pc = [x \in OSThreads |-> IF x = Main THEN "run" ELSE "d_io"]
    /\ mainGil = Main
    /\ subGil = None
    /\ ts = [d \in Daemons |-> "detached"]
    /\ refs = [d \in Daemons |-> 2]
    /\ linked = Daemons
    /\ toDelete = {}
    /\ freed = {}
    /\ fault = <<>>
    /\ late = {}
    /\ foreign = FALSE
    /\ fatal = "none"
    /\ sStep = IF OldFinalization THEN "runtime0" ELSE "subs"
    /\ sPending = FALSE

Next ==
    \/ \E d \in Daemons : DRestoreThread(d)
    \/ \E d \in Daemons : TakeGilC1(d)
    \/ \E d \in Daemons : TakeGilLock(d)
    \/ \E d \in Daemons : TakeGilWake(d)
    \/ \E d \in Daemons : TakeGilTimeout(d)
    \/ \E d \in Daemons : TakeGilC3(d)
    \/ \E d \in Daemons : DAttach(d)
    \/ \E d \in Daemons : DSaveThread(d)
    \/ FinSetRuntimeFinalizing
    \/ FinSubsDetach
    \/ \E d \in Daemons : FinZapHead(d)
    \/ FinNewTstate
    \/ FinAttachSub
    \/ EndBegin
    \/ EndCheckLastThread
    \/ EndRemoveExcept
    \/ EndSetShuttingDown
    \/ EndSetFinalizing
    \/ EndDeleteList
    \/ EndYield
    \/ EndRetake
    \/ EndTeardown
    \/ EndDeleteDetach
    \/ EndFree
    \/ FinAttachMain
    \/ Terminated

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
(* Properties *)

\* gh-128639 (the report): finalize_subinterpreters attaches a tstate bound
\* to another OS thread (tstate_activate: Assertion `!tstate->_status.
\* bound_gilstate || tstate == gilstate_tss_get(...)' failed).
NoForeignAttach == ~foreign

\* Py_EndInterpreter never hits "not the last thread".
NoFatalError == fatal = "none"

\* gh-134256 (the revert of #128640): no daemon of S gets past take_gil's
\* must-exit check once S has been freed ("the daemon threads would start
\* trying to run again under a deallocated interpreter").
NoLateEntry == late = {}

\* No step reads freed memory (a tstate, S, or S's own GIL).
NoDanglingDeref == fault = <<>>

-----------------------------------------------------------------------------
(* Witnesses: dangerous situations a fixed model must still reach *)

\* A daemon of S enters take_gil after S was freed (it must hang at C1).
W_DaemonAtC1AfterFree == \E d \in Daemons : pc[d] = "tg_c1" /\ InterpS \in freed

\* A daemon marked SHUTTING_DOWN is waiting in take_gil on S's GIL.
W_DaemonWaitsShuttingDown ==
    \E d \in Daemons : pc[d] = "tg_wait" /\ ts[d] = "shutdown"

\* A daemon is still inside take_gil after Py_EndInterpreter has released
\* S's GIL for the last time.
W_DaemonInTakeGilAfterDelete ==
    \E d \in Daemons : pc[d] \in {"tg_lock", "tg_wait", "tg_c3"}
                       /\ sStep \in {"free", "back", "runtime", "done"}

\* InterpRefcount: S deleted, its memory kept for a daemon's tstate.
W_InterpKeptForDaemon == sPending

=============================================================================
