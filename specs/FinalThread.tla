---------------------------- MODULE FinalThread ----------------------------
(***************************************************************************)
(* Which thread state finalizes, and what becomes of the others.  GIL      *)
(* build, main interpreter.                                                *)
(*                                                                         *)
(* (a) Py_FinalizeEx (or Py_Exit) called by a thread other than the main   *)
(*     thread, or on the main thread while another tstate of the main      *)
(*     interpreter is current.  3.13+ resolve_final_tstate                 *)
(*     (Python/pylifecycle.c) swaps to runtime->main_tstate ONLY on the    *)
(*     main thread; on another thread it keeps the caller's own tstate     *)
(*     (a fresh WHENCE_FINI tstate only when the caller's tstate belongs   *)
(*     to a subinterpreter: not modelled here).  The real main thread is   *)
(*     then an ordinary thread whose tstate RemoveExcept takes away.       *)
(* (b) A thread state created after RemoveExcept (PyGILState_Ensure or     *)
(*     PyThreadState_New from a C thread), followed through                *)
(*     interpreter_clear, _PyGILState_Fini and PyInterpreterState_Delete   *)
(*     (its detach, zapthreads, the "remaining threads" check).            *)
(*                                                                         *)
(* Sources read (python/cpython and a 3.14 copy in the search store):      *)
(*   Python/pylifecycle.c 3.14: resolve_final_tstate, _Py_Finalize,        *)
(*   finalize_interp_delete; Python/pystate.c 3.14: new_threadstate,       *)
(*   PyThreadState_Clear, tstate_delete_common, zapthreads (frees with     *)
(*   free_threadstate, ignores the refcount, Py_FatalError if a tstate is  *)
(*   still active), PyInterpreterState_Delete (_PyThreadState_Detach of    *)
(*   the current tstate BEFORE zapthreads, then "remaining threads" under  *)
(*   HEAD_LOCK), _PyThreadState_RemoveExcept, _PyThreadState_DeleteList    *)
(*   (decref_threadstate), interpreter_clear.  3.12 (DeleteExcept frees at *)
(*   once) and 3.13 (RemoveExcept + DeleteList that frees) and the 3.12/   *)
(*   3.13 must-exit test (reads _PyRuntime's finalizing tstate, not the    *)
(*   tstate) follow GilFinalize.tla's reading of those versions.  No 3.13  *)
(*   pylifecycle.c is stored: resolve_final_tstate is assumed there as in  *)
(*   3.14 (3.12 has none: the current tstate finalizes).                   *)
(*                                                                         *)
(* Processes                                                               *)
(*   Fin   the finalizing OS thread, attached when it starts.              *)
(*   Main  the real main thread when Caller = "other": blocked in a C call *)
(*         with its tstate TMain saved (Py_BEGIN_ALLOW_THREADS), it comes  *)
(*         back through PyEval_RestoreThread and blocks again, for ever.   *)
(*   Ext   (WithExt) one C thread that creates TExt once, attaches, runs,  *)
(*         and releases it (PyGILState_Release: Clear + DeleteCurrent).    *)
(*                                                                         *)
(* Simplifications: take_gil is two steps, the entry check (C1) and the    *)
(* acquisition with the check after it (C3); drop_gil's own reads after a  *)
(* failed C3 are GilFinalize's subject.  TMain is interp->_initial_thread: *)
(* free_threadstate resets it instead of freeing it, so a read after its   *)
(* "free" returns a reset tstate, not freed memory; it is still counted as *)
(* a dangling read (the thread state it names is gone).  Python code of    *)
(* the teardown (GC, finalize_modules) is one point where Fin may drop and *)
(* retake the GIL.                                                          *)
(*                                                                         *)
(* Switches                                                                *)
(*   Version   "3.12" | "3.13" | "3.14" (see above).                       *)
(*   Caller    "main": Fin is the main thread with TMain current;          *)
(*             "swapped": Fin is the main thread with TSw current (an      *)
(*             embedder's PyThreadState_New + PyThreadState_Swap);         *)
(*             "other": Fin is another thread with its own TFin.           *)
(*   WithExt   the C thread Ext exists.                                    *)
(*   ExtApi    "gilstate": PyGILState_Ensure (reads autoInterpreterState); *)
(*             "new": PyThreadState_New(interp) with a saved interp, then  *)
(*             PyEval_RestoreThread.                                       *)
(*   RefuseWhenFinalizing  candidate fix (gh-124619 discussion, not        *)
(*             merged): new_threadstate refuses under HEAD_LOCK once the   *)
(*             runtime is finalizing.                                      *)
(*                                                                         *)
(* Properties                                                              *)
(*   NoDanglingDeref   no thread reads a thread state after it was freed.  *)
(*   NoFatalError      zapthreads finds no active tstate ("thread state is *)
(*                     still active") and PyInterpreterState_Delete no     *)
(*                     linked one ("remaining threads").                   *)
(*   NoOrphanedTstate  when the process exits, every thread state still    *)
(*                     allocated is linked in a live interpreter or held   *)
(*                     by a thread: none is lost (a leak for an embedder   *)
(*                     that calls Py_Initialize again).                    *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS Version, Caller, WithExt, ExtApi, RefuseWhenFinalizing

ASSUME Version \in {"3.12", "3.13", "3.14"}
ASSUME Caller \in {"main", "swapped", "other"}
ASSUME WithExt \in BOOLEAN /\ RefuseWhenFinalizing \in BOOLEAN
ASSUME ExtApi \in {"gilstate", "new"}

VARIABLES
    finPc,       \* where the finalizer is
    cur,         \* the finalizer's current (final) tstate
    gil,         \* "Fin", "Main", "Ext" or "none"
    tpc,         \* tpc["Main"]: the real main thread (Caller = "other");
                 \* tpc["Ext"]: the C thread
    linked,      \* tstates in interp->threads
    removed,     \* the list RemoveExcept returned, not yet deleted
    alloc,       \* tstates allocated and not freed
    freed,       \* tstates freed (free_threadstate)
    marked,      \* 3.14: tstate->state == _Py_THREAD_SHUTTING_DOWN
    refs,        \* 3.14: tstate->refcount (list + OS thread)
    active,      \* tstate->_status.active (attached)
    finalizing,  \* _PyRuntimeState_SetFinalizing has run
    autoInterp,  \* runtime->gilstate.autoInterpreterState is set
    interpGone,  \* PyInterpreterState_Delete unlinked the interpreter
    fault,       \* the site of the first read of a freed tstate, or "none"
    fatal        \* the Py_FatalError message, or "none"

vars == <<finPc, cur, gil, tpc, linked, removed, alloc, freed,
          marked, refs, active, finalizing, autoInterp, interpGone, fault,
          fatal>>

Tstates == {"TMain", "TSw", "TFin", "TExt"}
Threads == {"Main", "Ext"}
TsOf == [Main |-> "TMain", Ext |-> "TExt"]
\* the thread holds its tstate pointer and will use it again
Holding == {"blocked", "entering", "waiting", "attached"}
FinPcs == {"resolve", "setfin", "remove", "delete", "teardown", "yielded",
           "clear", "gilfini", "detach", "zap", "unlink", "exit", "done"}
ThreadPcs == {"absent", "idle", "blocked", "entering", "waiting", "attached",
              "exited", "hung", "refused", "done"}

TypeOK ==
    /\ finPc \in FinPcs
    /\ cur \in Tstates
    /\ gil \in {"Fin", "Main", "Ext", "none"}
    /\ tpc \in [Threads -> ThreadPcs]
    /\ linked \subseteq Tstates /\ removed \subseteq Tstates
    /\ alloc \subseteq Tstates /\ freed \subseteq Tstates
    /\ marked \subseteq Tstates /\ active \subseteq Tstates
    /\ refs \in [Tstates -> 0..2]
    /\ finalizing \in BOOLEAN /\ autoInterp \in BOOLEAN
    /\ interpGone \in BOOLEAN
    /\ fault \in {"none", "take_gil C1", "take_gil C3", "attach",
                  "PyGILState_Release", "new_threadstate(NULL)"}
    /\ fatal \in {"none", "still active", "remaining threads"}

InitialCur == CASE Caller = "main" -> "TMain"
                [] Caller = "swapped" -> "TSw"
                [] Caller = "other" -> "TFin"

Init ==
    /\ finPc = "resolve"
    /\ cur = InitialCur
    /\ gil = "Fin"
    /\ tpc = [Main |-> IF Caller = "other" THEN "blocked" ELSE "absent",
              Ext |-> IF WithExt THEN "idle" ELSE "absent"]
    /\ linked = {"TMain", InitialCur}
    /\ removed = {}
    /\ alloc = {"TMain", InitialCur}
    /\ freed = {}
    /\ marked = {}
    /\ refs = [t \in Tstates |-> IF t \in {"TMain", InitialCur} THEN 2 ELSE 0]
    /\ active = {InitialCur}
    /\ finalizing = FALSE
    /\ autoInterp = TRUE
    /\ interpGone = FALSE
    /\ fault = "none"
    /\ fatal = "none"

\* The process still runs: not exited, not crashed, not aborted.
Alive == finPc # "done" /\ fault = "none" /\ fatal = "none"

\* Which thread holds a tstate pointer it will use again.
Holds(t) == \/ t = cur
            \/ \E p \in Threads : t = TsOf[p] /\ tpc[p] \in Holding

\* _PyThreadState_MustExit.  3.12/3.13 read _PyRuntime's finalizing tstate
\* (and thread id) and compare pointers: no read of the tstate.  3.14 reads
\* tstate->state.
MustExit(t) == IF Version = "3.14" THEN t \in marked ELSE finalizing /\ t # cur
ReadsTstate == Version = "3.14"

-----------------------------------------------------------------------------
(* The finalizer                                                           *)

\* 3.13+: on the main thread with another tstate current, swap to
\* runtime->main_tstate; off the main thread keep the caller's tstate.
\* 3.12 has no resolve_final_tstate: the current tstate finalizes.
\* CPython 3.12-main: _Py_Finalize gets its tstate; 3.13+ resolve_final_tstate, PyThreadState_Swap (Python/pylifecycle.c)
FinResolve ==
    /\ Alive /\ finPc = "resolve"
    /\ IF Version # "3.12" /\ Caller = "swapped"
       THEN /\ cur' = "TMain"
            /\ active' = (active \ {"TSw"}) \cup {"TMain"}
       ELSE UNCHANGED <<cur, active>>
    /\ finPc' = "setfin"
    /\ UNCHANGED <<gil, tpc, linked, removed, alloc, freed, marked,
                   refs, finalizing, autoInterp, interpGone, fault, fatal>>

\* wait_for_thread_shutdown and atexit are done (the main thread is not a
\* thread threading._shutdown joins when Fin is not the main thread).
\* CPython 3.12-main: _PyInterpreterState_SetFinalizing, _PyRuntimeState_SetFinalizing (Python/pylifecycle.c)
FinSetFinalizing ==
    /\ Alive /\ finPc = "setfin"
    /\ finalizing' = TRUE
    /\ finPc' = "remove"
    /\ UNCHANGED <<cur, gil, tpc, linked, removed, alloc, freed,
                   marked, refs, active, autoInterp, interpGone, fault, fatal>>

\* Unlink every tstate but the final one under HEAD_LOCK; 3.14 marks them
\* SHUTTING_DOWN (_PyThreadState_SetShuttingDown).
\* CPython 3.12-main: _PyThreadState_DeleteExcept 3.12, _PyThreadState_RemoveExcept 3.13+ (Python/pystate.c)
FinRemoveExcept ==
    /\ Alive /\ finPc = "remove"
    /\ removed' = linked \ {cur}
    /\ linked' = linked \cap {cur}
    /\ marked' = IF Version = "3.14" THEN marked \cup (linked \ {cur}) ELSE marked
    /\ finPc' = "delete"
    /\ UNCHANGED <<cur, gil, tpc, alloc, freed, refs, active,
                   finalizing, autoInterp, interpGone, fault, fatal>>

Decref(r, s) == [t \in Tstates |-> IF t \in s THEN r[t] - 1 ELSE r[t]]

\* 3.12 (DeleteExcept) and 3.13 (DeleteList) free the removed tstates at
\* once; 3.14 clears them and drops the list's reference only.
\* CPython 3.12-main: _PyThreadState_DeleteExcept 3.12, _PyThreadState_DeleteList 3.13+ (Python/pystate.c)
FinDeleteList ==
    /\ Alive /\ finPc = "delete"
    /\ IF Version = "3.14"
       THEN /\ refs' = Decref(refs, removed)
            /\ freed' = freed \cup {t \in removed : refs[t] = 1}
            /\ alloc' = alloc \ {t \in removed : refs[t] = 1}
       ELSE /\ freed' = freed \cup removed
            /\ alloc' = alloc \ removed
            /\ UNCHANGED refs
    /\ removed' = {}
    /\ finPc' = "teardown"
    /\ UNCHANGED <<cur, gil, tpc, linked, marked, active,
                   finalizing, autoInterp, interpGone, fault, fatal>>

\* Python code in the teardown (GC, finalize_modules) drops the GIL on a
\* drop request and takes it back.
\* CPython 3.12-main: _Py_Finalize -> PyGC_Collect, finalize_modules; eval breaker -> drop_gil (Python/pylifecycle.c, Python/ceval_gil.c)
FinTeardownYield ==
    /\ Alive /\ finPc = "teardown"
    /\ gil' = "none"
    /\ active' = active \ {cur}
    /\ finPc' = "yielded"
    /\ UNCHANGED <<cur, tpc, linked, removed, alloc, freed, marked,
                   refs, finalizing, autoInterp, interpGone, fault, fatal>>

\* CPython 3.12-main: take_gil after a drop request (Python/ceval_gil.c)
FinTeardownRetake ==
    /\ Alive /\ finPc = "yielded" /\ gil = "none"
    /\ gil' = "Fin"
    /\ active' = active \cup {cur}
    /\ finPc' = "clear"
    /\ UNCHANGED <<cur, tpc, linked, removed, alloc, freed, marked,
                   refs, finalizing, autoInterp, interpGone, fault, fatal>>

\* The teardown without a GIL switch.
\* CPython 3.12-main: _Py_Finalize -> PyGC_Collect, finalize_modules (Python/pylifecycle.c)
FinTeardown ==
    /\ Alive /\ finPc = "teardown"
    /\ finPc' = "clear"
    /\ UNCHANGED <<cur, gil, tpc, linked, removed, alloc, freed,
                   marked, refs, active, finalizing, autoInterp, interpGone,
                   fault, fatal>>

\* interpreter_clear runs PyThreadState_Clear on every linked tstate (its
\* destructors run here); the memory stays.  A step of its own so that a
\* thread can link a tstate between it and zapthreads.
\* CPython 3.12-main: finalize_interp_clear -> interpreter_clear (Python/pylifecycle.c, Python/pystate.c)
FinInterpClear ==
    /\ Alive /\ finPc = "clear"
    /\ finPc' = "gilfini"
    /\ UNCHANGED <<cur, gil, tpc, linked, removed, alloc, freed,
                   marked, refs, active, finalizing, autoInterp, interpGone,
                   fault, fatal>>

\* CPython 3.12-main: finalize_interp_delete -> _PyGILState_Fini (Python/pylifecycle.c, Python/pystate.c)
FinGilstateFini ==
    /\ Alive /\ finPc = "gilfini"
    /\ autoInterp' = FALSE
    /\ finPc' = "detach"
    /\ UNCHANGED <<cur, gil, tpc, linked, removed, alloc, freed,
                   marked, refs, active, finalizing, interpGone, fault, fatal>>

\* PyInterpreterState_Delete first detaches the current tstate: the GIL is
\* free while zapthreads runs.
\* CPython 3.12-main: PyInterpreterState_Delete -> _PyThreadState_Detach / _PyEval_ReleaseLock 3.12 (Python/pystate.c)
FinDetach ==
    /\ Alive /\ finPc = "detach"
    /\ gil' = "none"
    /\ active' = active \ {cur}
    /\ finPc' = "zap"
    /\ UNCHANGED <<cur, tpc, linked, removed, alloc, freed, marked,
                   refs, finalizing, autoInterp, interpGone, fault, fatal>>

\* zapthreads, without HEAD_LOCK: tstate_verify_not_active, then
\* tstate_delete_common and free_threadstate (the refcount is ignored).
\* CPython 3.12-main: PyInterpreterState_Delete -> zapthreads (Python/pystate.c)
FinZap ==
    /\ Alive /\ finPc = "zap"
    /\ IF linked \cap active # {}
       THEN /\ fatal' = "still active"
            /\ UNCHANGED <<linked, alloc, freed>>
       ELSE /\ freed' = freed \cup linked
            /\ alloc' = alloc \ linked
            /\ linked' = {}
            /\ UNCHANGED fatal
    /\ finPc' = "unlink"
    /\ UNCHANGED <<cur, gil, tpc, removed, marked, refs, active,
                   finalizing, autoInterp, interpGone, fault>>

\* CPython 3.12-main: PyInterpreterState_Delete: HEAD_LOCK, "remaining threads" check, unlink (Python/pystate.c)
FinUnlink ==
    /\ Alive /\ finPc = "unlink"
    /\ IF linked # {}
       THEN /\ fatal' = "remaining threads"
            /\ UNCHANGED interpGone
       ELSE /\ interpGone' = TRUE
            /\ UNCHANGED fatal
    /\ finPc' = "exit"
    /\ UNCHANGED <<cur, gil, tpc, linked, removed, alloc, freed,
                   marked, refs, active, finalizing, autoInterp, fault>>

\* Py_FinalizeEx returns; Py_Exit calls exit(): every thread stops.
\* CPython 3.12-main: Py_Exit -> exit(status) (Python/pylifecycle.c)
FinExit ==
    /\ Alive /\ finPc = "exit"
    /\ finPc' = "done"
    /\ UNCHANGED <<cur, gil, tpc, linked, removed, alloc, freed,
                   marked, refs, active, finalizing, autoInterp, interpGone,
                   fault, fatal>>

\* The process has exited or crashed: nothing moves any more.
\* CPython 3.12-main: exit(), abort() after Py_FatalError (Python/pylifecycle.c)
ProcessGone ==
    /\ ~Alive
    /\ UNCHANGED vars

-----------------------------------------------------------------------------
(* A thread coming back with a saved tstate: Main with TMain, Ext with TExt *)

\* The fault a read of t records, if t is freed.
ReadFault(t, site) == IF t \in freed THEN site ELSE "none"

\* How a thread that must exit stops: 3.12/3.13 PyThread_exit_thread; 3.14
\* _PyThreadState_HangThread drops the OS thread's reference, then hangs.
StopPc == IF Version = "3.14" THEN "hung" ELSE "exited"
DropsRef(t) == Version = "3.14" /\ refs[t] = 1

\* Entry check C1 (3.14 reads tstate->state).
\* CPython 3.12-main: take_gil: _PyThreadState_MustExit, PyThread_exit_thread / _PyThreadState_HangThread 3.14 (Python/ceval_gil.c, Python/pystate.c)
TakeEnter(self) ==
    LET t == TsOf[self]
        f == IF ReadsTstate THEN ReadFault(t, "take_gil C1") ELSE "none" IN
    /\ Alive /\ tpc[self] = "entering"
    /\ fault' = f
    /\ IF f = "none" /\ MustExit(t)
       THEN /\ tpc' = [tpc EXCEPT ![self] = StopPc]
            /\ refs' = IF Version = "3.14" THEN [refs EXCEPT ![t] = @ - 1] ELSE refs
            /\ freed' = IF DropsRef(t) THEN freed \cup {t} ELSE freed
            /\ alloc' = IF DropsRef(t) THEN alloc \ {t} ELSE alloc
       ELSE /\ tpc' = [tpc EXCEPT ![self] = "waiting"]
            /\ UNCHANGED <<refs, freed, alloc>>
    /\ UNCHANGED <<finPc, cur, gil, linked, removed, marked, active,
                   finalizing, autoInterp, interpGone, fatal>>

\* The GIL is free: take it, check again (C3), attach (tstate_activate
\* writes t).
\* CPython 3.12-main: take_gil: acquire, _PyThreadState_MustExit again, _PyThreadState_Attach (Python/ceval_gil.c, Python/pystate.c)
TakeAcquire(self) ==
    LET t == TsOf[self]
        c3 == IF ReadsTstate THEN ReadFault(t, "take_gil C3") ELSE "none" IN
    /\ Alive /\ tpc[self] = "waiting" /\ gil = "none"
    /\ IF c3 = "none" /\ MustExit(t)
       THEN /\ tpc' = [tpc EXCEPT ![self] = StopPc]
            /\ refs' = IF Version = "3.14" THEN [refs EXCEPT ![t] = @ - 1] ELSE refs
            /\ freed' = IF DropsRef(t) THEN freed \cup {t} ELSE freed
            /\ alloc' = IF DropsRef(t) THEN alloc \ {t} ELSE alloc
            /\ UNCHANGED <<gil, active, fault>>
       ELSE /\ fault' = IF c3 # "none" THEN c3 ELSE ReadFault(t, "attach")
            /\ gil' = self
            /\ active' = active \cup {t}
            /\ tpc' = [tpc EXCEPT ![self] = "attached"]
            /\ UNCHANGED <<refs, freed, alloc>>
    /\ UNCHANGED <<finPc, cur, linked, removed, marked, finalizing,
                   autoInterp, interpGone, fatal>>

\* The main thread's blocking call returns: PyEval_RestoreThread(TMain).
\* CPython 3.12-main: Py_END_ALLOW_THREADS -> PyEval_RestoreThread (Python/ceval.c)
MainReturn ==
    /\ Alive /\ tpc["Main"] = "blocked"
    /\ tpc' = [tpc EXCEPT !["Main"] = "entering"]
    /\ UNCHANGED <<finPc, cur, gil, linked, removed, alloc, freed, marked,
                   refs, active, finalizing, autoInterp, interpGone, fault,
                   fatal>>

\* The main thread calls into C again: Py_BEGIN_ALLOW_THREADS.
\* CPython 3.12-main: PyEval_SaveThread -> _PyThreadState_Detach, drop_gil (Python/ceval.c, Python/pystate.c)
MainBlock ==
    /\ Alive /\ tpc["Main"] = "attached"
    /\ gil' = "none"
    /\ active' = active \ {"TMain"}
    /\ tpc' = [tpc EXCEPT !["Main"] = "blocked"]
    /\ UNCHANGED <<finPc, cur, linked, removed, alloc, freed, marked, refs,
                   finalizing, autoInterp, interpGone, fault, fatal>>

\* The C thread creates TExt.  PyGILState_Ensure reads
\* autoInterpreterState: after _PyGILState_Fini 3.12/3.13 only assert it and
\* call new_threadstate(NULL) (a NULL read), 3.14 hangs.  PyThreadState_New
\* with a saved interp pointer has no check at all; the main interpreter is
\* static, so it still links the tstate after PyInterpreterState_Delete.
\* CPython 3.12-main: PyGILState_Ensure / PyThreadState_New -> new_threadstate: HEAD_LOCK, add_threadstate (Python/pystate.c)
ExtCreate ==
    /\ Alive /\ tpc["Ext"] = "idle"
    /\ IF ExtApi = "gilstate" /\ ~autoInterp
       THEN IF Version = "3.14"
            THEN /\ tpc' = [tpc EXCEPT !["Ext"] = "hung"]
                 /\ UNCHANGED <<linked, alloc, refs, fault>>
            ELSE /\ fault' = "new_threadstate(NULL)"
                 /\ UNCHANGED <<tpc, linked, alloc, refs>>
       ELSE IF RefuseWhenFinalizing /\ finalizing
            THEN /\ tpc' = [tpc EXCEPT !["Ext"] = "refused"]
                 /\ UNCHANGED <<linked, alloc, refs, fault>>
            ELSE /\ linked' = linked \cup {"TExt"}
                 /\ alloc' = alloc \cup {"TExt"}
                 /\ refs' = [refs EXCEPT !["TExt"] = 2]
                 /\ tpc' = [tpc EXCEPT !["Ext"] = "entering"]
                 /\ UNCHANGED fault
    /\ UNCHANGED <<finPc, cur, gil, removed, freed, marked, active,
                   finalizing, autoInterp, interpGone, fatal>>

\* PyGILState_Release: PyThreadState_Clear, then _PyThreadState_DeleteCurrent
\* unlinks and frees TExt and drops the GIL.
\* CPython 3.12-main: PyGILState_Release -> PyThreadState_Clear, _PyThreadState_DeleteCurrent (Python/pystate.c)
ExtRelease ==
    /\ Alive /\ tpc["Ext"] = "attached"
    /\ fault' = ReadFault("TExt", "PyGILState_Release")
    /\ linked' = linked \ {"TExt"}
    /\ alloc' = alloc \ {"TExt"}
    /\ freed' = freed \cup {"TExt"}
    /\ gil' = "none"
    /\ active' = active \ {"TExt"}
    /\ tpc' = [tpc EXCEPT !["Ext"] = "done"]
    /\ UNCHANGED <<finPc, cur, removed, marked, refs, finalizing, autoInterp,
                   interpGone, fatal>>

FinNext ==
    \/ FinResolve \/ FinSetFinalizing \/ FinRemoveExcept \/ FinDeleteList
    \/ FinTeardownYield \/ FinTeardownRetake \/ FinTeardown
    \/ FinInterpClear \/ FinGilstateFini \/ FinDetach \/ FinZap \/ FinUnlink
    \/ FinExit \/ ProcessGone

Next ==
    \/ FinNext
    \/ MainReturn \/ MainBlock \/ ExtCreate \/ ExtRelease
    \/ \E p \in Threads : TakeEnter(p) \/ TakeAcquire(p)

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
NoDanglingDeref == fault = "none"

NoFatalError == fatal = "none"

NoOrphanedTstate ==
    finPc = "done" => \A t \in alloc : (t \in linked /\ ~interpGone) \/ Holds(t)

-----------------------------------------------------------------------------
(* Witnesses: dangerous situations a passing model must still reach.       *)

\* The main thread's tstate was deleted while it sat in a C call (3.12/3.13
\* free it; it will read nothing of it on the way back).
W_MainTstateGoneWhileBlocked ==
    "TMain" \in freed /\ tpc["Main"] \in {"blocked", "entering", "waiting"}

\* 3.14: the main thread's tstate was removed and marked while it sat in a
\* C call; its reference keeps the memory.
W_MainTstateMarkedWhileBlocked ==
    "TMain" \in marked /\ "TMain" \notin linked /\ tpc["Main"] = "blocked"

\* The main thread came back during finalization and was stopped.
W_MainStoppedAfterRemove ==
    tpc["Main"] \in {"exited", "hung"} /\ "TMain" \notin linked

\* A thread waits for the GIL while zapthreads runs without it.
W_WaiterAtZap == finPc = "zap" /\ \E p \in Threads : tpc[p] = "waiting"

\* resolve_final_tstate swapped: the embedder's tstate was removed and deleted.
W_SwappedOutRemoved == cur = "TMain" /\ "TSw" \notin linked /\ finPc = "teardown"

\* 3.12: the swapped-in tstate finalizes and main_tstate is freed.
W_MainTstateFreedUnderSwap == cur = "TSw" /\ "TMain" \in freed

\* The C thread came after finalization started and was refused.
W_ExtRefused == tpc["Ext"] = "refused"

=============================================================================
