--------------------------- MODULE ThreadExitPolicy ---------------------------
(***************************************************************************)
(* What should a thread do when it tries to re-attach to an interpreter   *)
(* that has started finalizing?  This module compares the five answers    *)
(* discussed in bpo-42969 = gh-87135 ("pthread_exit & PyThread_exit_thread *)
(* from PyEval_RestoreThread etc. are harmful"):                           *)
(*                                                                         *)
(*   "abort"     abort() the process (what PyThread_exit_thread does on    *)
(*               WASI, Python/thread_pthread.h);                           *)
(*   "exit"      exit() the process with the status the main thread meant  *)
(*               to return (an option from the discussion, never shipped); *)
(*   "hang"      block the thread forever: PyThread_hang_thread,           *)
(*               Python/thread_pthread.h (pause() loop), Python/thread_nt.h*)
(*               (3.14.0a1, commit 8cc5aa47, PR #105805; 3.13.8 backport   *)
(*               PR #137827);                                              *)
(*   "unwind"    pthread_exit(0): a forced unwind (abi::__forced_unwind)   *)
(*               through the thread's stack (POSIX, 3.2 - 3.13.7);         *)
(*   "terminate" _endthreadex(0): the thread disappears without running   *)
(*               C++ destructors (Windows, 3.2 - 3.13.7).                  *)
(*                                                                         *)
(* Processes.  Fin is the main thread: it runs the program, then           *)
(* Py_FinalizeEx.  D is a daemon thread that is inside a long C or C++     *)
(* call with the GIL released when finalization begins, and comes back to  *)
(* Python through PyEval_RestoreThread.                                    *)
(*                                                                         *)
(* Action -> CPython source                                                *)
(*   DEnterBlocking  Python/ceval_gil.c: PyEval_SaveThread                 *)
(*                   (Py_BEGIN_ALLOW_THREADS), called from C++ by pybind11 *)
(*                   gil_scoped_release's constructor.  When HoldsFinLock, *)
(*                   D holds a lock across the call, as                    *)
(*                   Modules/_io/bufferedio.c: _bufferedwriter_raw_write   *)
(*                   does with the buffer lock (ENTER_BUFFERED).           *)
(*   DAttach         Python/ceval_gil.c: PyEval_RestoreThread -> take_gil, *)
(*                   while the interpreter is not finalizing.              *)
(*   DMustExit       Python/ceval_gil.c: take_gil, check C1                *)
(*                   (tstate_must_exit / _PyThreadState_MustExit), then    *)
(*                   the policy: PyThread_exit_thread or                   *)
(*                   PyThread_hang_thread (Python/thread_pthread.h,        *)
(*                   Python/thread_nt.h), or abort()/exit().               *)
(*   DLeaveBlocking  return into Python: pybind11 gil_scoped_release's     *)
(*                   destructor has re-taken the GIL; C++ destructors run, *)
(*                   the buffer lock is released (LEAVE_BUFFERED).         *)
(*   FinBlockingIo,  the main thread releases and re-takes the GIL around  *)
(*   FinIoDone       blocking I/O before it finishes (Py_BEGIN/END_ALLOW_  *)
(*                   THREADS in any module), so D can run normally.        *)
(*   FinMainReturns  Modules/main.c: pymain_run_python returns; the exit   *)
(*                   status (ExitCode) is now known.                       *)
(*   FinAtexit       Python/pylifecycle.c: _Py_Finalize ->                 *)
(*                   wait_for_thread_shutdown (D is a daemon: not waited), *)
(*                   _PyAtExit_Call.                                       *)
(*   FinSetFinalizing Python/pylifecycle.c: _PyRuntimeState_SetFinalizing  *)
(*                   and _PyInterpreterState_SetFinalizing.                *)
(*   FinTeardown     Python/pylifecycle.c: finalize_modules, PyGC_Collect: *)
(*                   teardown walks structures that may point into D's     *)
(*                   stack (jbms in gh-87135: "a risk of invalid references*)
(*                   remaining to data on the thread stack").              *)
(*   FinJoin         a `__del__` run by the teardown joins D without a     *)
(*                   timeout (gh-123940: RawIOBase.__del__ -> close() ->   *)
(*                   worker.join()): Lib/threading.py Thread.join ->       *)
(*                   _wait_for_tstate_lock (<= 3.12) or                    *)
(*                   Modules/_threadmodule.c ThreadHandle_join (3.13+).    *)
(*   FinFlush        Python/pylifecycle.c: flush_std_files, which needs the*)
(*                   buffer lock (or any lock the finalizer needs).        *)
(*   FinLlExit       Python/pylifecycle.c: call_ll_exitfuncs (Py_AtExit    *)
(*                   functions).                                           *)
(*   FinExit         Modules/main.c: Py_RunMain returns the exit status,   *)
(*                   then exit().                                          *)
(*                                                                         *)
(* Properties (which policy keeps or breaks which is in the table of       *)
(* docs/specs.md):                                                         *)
(*   (Killing a thread with C++ frames is not written into a property: its *)
(*    consequences are.  A forced unwind through a noexcept frame ends in   *)
(*    std::terminate, an abort, which ExitCodePreserved sees; a thread that *)
(*    vanishes without destructors leaves a dangling stack object that     *)
(*    teardown walks, which NoUseAfterFree sees; a killed lock holder       *)
(*    blocks flush_std_files, which FinalizerTerminates sees.)              *)
(*   NoUseAfterFree    the finalizer never touches a dead thread's stack;  *)
(*   ExitCodePreserved the process ends with the status main meant;        *)
(*   AtexitRuns        the process never ends before the Py_AtExit         *)
(*                     functions have run;                                 *)
(*   FinalizerTerminates (liveness) the process eventually exits.          *)
(*                                                                         *)
(* gh-123940 (joining a daemon at shutdown).  What join waits for is       *)
(* `dSignalled`: D's `_tstate_lock` (<= 3.12), released by the tstate's    *)
(* on_delete callback, or its ThreadHandle's `thread_is_exiting` event     *)
(* (3.13+), set only at the end of thread_run.  A daemon that must exit    *)
(* never gets there (pthread_exit/_endthreadex kill it, hang blocks it, or *)
(* it stays in its blocking call), and it cannot run the Python code that  *)
(* would end its function, so only Py_FinalizeEx itself can signal it:     *)
(* 3.9-3.12's _PyThreadState_DeleteExcept clears D's tstate right after    *)
(* SetFinalizing, before the teardown (JoinSignalledByDeleteExcept).  3.13 *)
(* moved join to the handle and the teardown's join waits forever; 3.14    *)
(* (PR #130402, gh-87135) raises PythonFinalizationError instead           *)
(* (JoinRefusedWhenFinalizing).                                            *)
(*                                                                         *)
(* Related: bug row 16 (bpo-23309, gh-129536: a hung or killed daemon      *)
(* thread holding the stdout lock), modelled by the other engineer; here   *)
(* HoldsFinLock only shows that "hang" alone does not give liveness.       *)
(***************************************************************************)
EXTENDS Integers

CONSTANTS
    Policy,        \* "abort" | "exit" | "hang" | "unwind" | "terminate"
    CxxFrames,     \* D's blocking call runs under C++ frames with a noexcept
                   \* destructor (pybind11 gil_scoped_release): a forced
                   \* unwind through them calls std::terminate.
    HoldsFinLock,  \* D holds, across the blocking call, a lock that the
                   \* finalizer needs later (FinFlush).
    ExitCode,      \* the status the program meant to exit with (1 after an
                   \* uncaught exception)
    JoinInTeardown,\* a destructor run by the teardown joins D (gh-123940)
    JoinSignalledByDeleteExcept, \* 3.9-3.12: _PyThreadState_DeleteExcept
                   \* clears D's tstate, whose on_delete releases _tstate_lock
    JoinRefusedWhenFinalizing    \* 3.14+: ThreadHandle_join raises
                   \* PythonFinalizationError when Py_IsFinalizing()

ASSUME Policy \in {"abort", "exit", "hang", "unwind", "terminate"}
ASSUME CxxFrames \in BOOLEAN /\ HoldsFinLock \in BOOLEAN
ASSUME ExitCode \in 0..255
ASSUME JoinInTeardown \in BOOLEAN /\ JoinSignalledByDeleteExcept \in BOOLEAN
ASSUME JoinRefusedWhenFinalizing \in BOOLEAN

\* What the parent shell sees after abort(): 128 + SIGABRT.
AbortStatus == 134

VARIABLES
    finPc,       \* the main thread's program counter
    dPc,         \* the daemon thread's program counter
    gil,         \* "Fin", "D" or "none": who holds the GIL
    lockL,       \* "Fin", "D" or "none": holder of the lock the finalizer needs
    cxx,         \* D has C++ frames with a noexcept destructor on its stack
    stackObj,    \* "none", "live", "dangling": an object on D's stack that is
                 \* linked into a structure the finalizer walks
    finalizing,  \* _PyRuntime._finalizing != NULL
    proc,        \* "running" or "exited": the whole process
    exitStatus,  \* the status the process ended with (-1 while running)
    llRan,       \* call_ll_exitfuncs has run
    uaf,         \* the finalizer dereferenced memory on a dead thread's stack
    dSignalled,  \* what Thread.join waits for is signalled: D's _tstate_lock
                 \* released (<= 3.12) or thread_is_exiting set (3.13+)
    joinOutcome  \* "none", "returned", "refused": the teardown's join of D

vars == <<finPc, dPc, gil, lockL, cxx, stackObj, finalizing, proc,
          exitStatus, llRan, uaf, dSignalled, joinOutcome>>

FinPcs == {"main", "main_io", "atexit", "set_finalizing", "teardown",
           "join", "join_wait", "flush", "ll_exit", "exit", "done"}
DPcs   == {"python", "blocking", "returned", "hung", "killed"}

TypeOK ==
    /\ finPc \in FinPcs
    /\ dPc \in DPcs
    /\ gil \in {"Fin", "D", "none"}
    /\ lockL \in {"Fin", "D", "none"}
    /\ cxx \in BOOLEAN
    /\ stackObj \in {"none", "live", "dangling"}
    /\ finalizing \in BOOLEAN
    /\ proc \in {"running", "exited"}
    /\ exitStatus \in {-1, AbortStatus} \cup 0..255
    /\ llRan \in BOOLEAN
    /\ uaf \in BOOLEAN
    /\ dSignalled \in BOOLEAN
    /\ joinOutcome \in {"none", "returned", "refused"}

(* Finalization begins while D is already inside its blocking call: the   *)
(* GIL is released, its C++ frames and lock are whatever the constants say.*)
Init ==
    /\ finPc = "main"
    /\ dPc = "blocking"
    /\ gil = "Fin"
    /\ lockL = IF HoldsFinLock THEN "D" ELSE "none"
    /\ cxx = CxxFrames
    /\ stackObj = IF CxxFrames THEN "live" ELSE "none"
    /\ finalizing = FALSE
    /\ proc = "running"
    /\ exitStatus = -1
    /\ llRan = FALSE
    /\ uaf = FALSE
    /\ dSignalled = FALSE
    /\ joinOutcome = "none"

-----------------------------------------------------------------------------
(* The daemon thread D.                                                    *)

\* Py_BEGIN_ALLOW_THREADS inside a C++ call: take the lock (if any), put the
\* stack object in place, release the GIL.
\* CPython 3.2-main: Py_BEGIN_ALLOW_THREADS -> PyEval_SaveThread (Python/ceval.c <= 3.11, Python/ceval_gil.c 3.12+)
DEnterBlocking ==
    /\ proc = "running"
    /\ dPc = "python"
    /\ gil = "D"
    /\ HoldsFinLock => lockL = "none"
    /\ lockL' = IF HoldsFinLock THEN "D" ELSE lockL
    /\ cxx' = CxxFrames
    /\ stackObj' = IF CxxFrames THEN "live" ELSE "none"
    /\ gil' = "none"
    /\ dPc' = "blocking"
    /\ UNCHANGED <<finPc, finalizing, proc, exitStatus, llRan, uaf,
                   dSignalled, joinOutcome>>

\* PyEval_RestoreThread -> take_gil when the interpreter is not finalizing:
\* the must-exit check passes and D gets the GIL.
\* CPython 3.2-main: Py_END_ALLOW_THREADS -> PyEval_RestoreThread -> take_gil (Python/ceval_gil.h <= 3.11, Python/ceval_gil.c 3.12+)
DAttach ==
    /\ proc = "running"
    /\ dPc = "blocking"
    /\ ~finalizing
    /\ gil = "none"
    /\ gil' = "D"
    /\ dPc' = "returned"
    /\ UNCHANGED <<finPc, lockL, cxx, stackObj, finalizing, proc, exitStatus,
                   llRan, uaf,
                   dSignalled, joinOutcome>>

\* take_gil finds the interpreter finalizing (check C1, before it waits for
\* the GIL) and applies the policy.  Killed by pthread_exit or _endthreadex,
\* D keeps lockL: neither releases C-level locks.
\* CPython 3.2-main: take_gil must-exit: PyThread_exit_thread <= 3.13.7, PyThread_hang_thread 3.13.8+ (Python/ceval_gil.h <= 3.11, Python/ceval_gil.c 3.12+; Python/thread_pthread.h)
DMustExit ==
    /\ proc = "running"
    /\ dPc = "blocking"
    /\ finalizing
    /\ CASE Policy = "abort" ->
              /\ proc' = "exited" /\ exitStatus' = AbortStatus
              /\ UNCHANGED <<dPc, stackObj>>
         [] Policy = "exit" ->
              /\ proc' = "exited" /\ exitStatus' = ExitCode
              /\ UNCHANGED <<dPc, stackObj>>
         [] Policy = "hang" ->
              \* PyThread_hang_thread: the stack, its objects and locks stay.
              /\ dPc' = "hung"
              /\ UNCHANGED <<proc, exitStatus, stackObj>>
         [] Policy = "unwind" ->
              \* The forced unwind runs C++ destructors (unlinking stackObj)
              \* until it meets a noexcept frame: then std::terminate aborts.
              /\ dPc' = "killed"
              /\ stackObj' = "none"
              /\ IF cxx THEN proc' = "exited" /\ exitStatus' = AbortStatus
                        ELSE UNCHANGED <<proc, exitStatus>>
         [] Policy = "terminate" ->
              \* No destructor runs: the stack is gone, stackObj dangles.
              /\ dPc' = "killed"
              /\ stackObj' = IF stackObj = "live" THEN "dangling" ELSE stackObj
              /\ UNCHANGED <<proc, exitStatus>>
    /\ UNCHANGED <<finPc, gil, lockL, cxx, finalizing, llRan, uaf,
                   dSignalled, joinOutcome>>

\* Back in Python with the GIL: C++ destructors unlink the stack object,
\* LEAVE_BUFFERED releases the lock.
\* CPython 3.2-main: the daemon is back in Python code still holding its lock, after PyEval_RestoreThread (Python/ceval.c <= 3.11, Python/ceval_gil.c 3.12+)
DLeaveBlocking ==
    /\ proc = "running"
    /\ dPc = "returned"
    /\ lockL' = IF lockL = "D" THEN "none" ELSE lockL
    /\ cxx' = FALSE
    /\ stackObj' = "none"
    /\ dPc' = "python"
    /\ UNCHANGED <<finPc, gil, finalizing, proc, exitStatus, llRan,
                   uaf,
                   dSignalled, joinOutcome>>

-----------------------------------------------------------------------------
(* The main thread Fin.                                                    *)

\* CPython 3.2-main: the main program releases the GIL around I/O (Modules/main.c)
FinBlockingIo ==
    /\ proc = "running"
    /\ finPc = "main" /\ gil = "Fin"
    /\ gil' = "none"
    /\ finPc' = "main_io"
    /\ UNCHANGED <<dPc, lockL, cxx, stackObj, finalizing, proc, exitStatus,
                   llRan, uaf,
                   dSignalled, joinOutcome>>

\* CPython 3.2-main: the main program retakes the GIL (Modules/main.c)
FinIoDone ==
    /\ proc = "running"
    /\ finPc = "main_io" /\ gil = "none"
    /\ gil' = "Fin"
    /\ finPc' = "atexit"
    /\ UNCHANGED <<dPc, lockL, cxx, stackObj, finalizing, proc, exitStatus,
                   llRan, uaf,
                   dSignalled, joinOutcome>>

\* CPython 3.2-main: pymain_run_python returns, Py_FinalizeEx starts (Modules/main.c)
FinMainReturns ==
    /\ proc = "running"
    /\ finPc = "main" /\ gil = "Fin"
    /\ finPc' = "atexit"
    /\ UNCHANGED <<dPc, gil, lockL, cxx, stackObj, finalizing, proc,
                   exitStatus, llRan, uaf,
                   dSignalled, joinOutcome>>

\* wait_for_thread_shutdown does not wait for daemon threads; then atexit.
\* CPython 3.2-main: Py_FinalizeEx: wait_for_thread_shutdown, _PyAtExit_Call (Python/pylifecycle.c)
FinAtexit ==
    /\ proc = "running"
    /\ finPc = "atexit"
    /\ finPc' = "set_finalizing"
    /\ UNCHANGED <<dPc, gil, lockL, cxx, stackObj, finalizing, proc,
                   exitStatus, llRan, uaf,
                   dSignalled, joinOutcome>>

\* 3.9-3.12 then clear the other tstates (_PyThreadState_DeleteExcept), whose
\* on_delete releases D's _tstate_lock.  One step with SetFinalizing: D can
\* do nothing in between that reads or writes dSignalled, and Fin's join
\* comes later in its own sequence.
\* CPython 3.2-main: Py_FinalizeEx: _PyRuntimeState_SetFinalizing; 3.9-3.12 _PyThreadState_DeleteExcept -> PyThreadState_Clear -> on_delete (Python/pylifecycle.c, Python/pystate.c)
FinSetFinalizing ==
    /\ proc = "running"
    /\ finPc = "set_finalizing"
    /\ finalizing' = TRUE
    /\ dSignalled' = (dSignalled \/ JoinSignalledByDeleteExcept)
    /\ finPc' = "teardown"
    /\ UNCHANGED <<dPc, gil, lockL, cxx, stackObj, proc, exitStatus, llRan,
                   uaf, joinOutcome>>

\* Module teardown and GC walk structures that may reach D's stack object.
\* CPython 3.2-main: Py_FinalizeEx: finalize_modules, GC (Python/pylifecycle.c)
FinTeardown ==
    /\ proc = "running"
    /\ finPc = "teardown"
    /\ uaf' = (uaf \/ stackObj = "dangling")
    /\ finPc' = IF JoinInTeardown THEN "join" ELSE "flush"
    /\ UNCHANGED <<dPc, gil, lockL, cxx, stackObj, finalizing, proc,
                   exitStatus, llRan,
                   dSignalled, joinOutcome>>

\* A destructor joins D without a timeout.  Signalled: join returns.  3.14+:
\* not signalled while finalizing -> PythonFinalizationError, reported as
\* unraisable, and the teardown goes on.  Otherwise join waits with the GIL
\* released (Py_BEGIN_ALLOW_THREADS around the lock acquire <= 3.12,
\* PyEvent_WaitTimed(detach=1) 3.13+).  No step leaves "join_wait": once
\* finalizing, D cannot reach the end of thread_run, and DeleteExcept has
\* already run (see the header).
\* CPython 3.9-main: Thread.join -> _wait_for_tstate_lock <= 3.12 (Lib/threading.py), ThreadHandle_join 3.13+ with the Py_IsFinalizing() refusal 3.14+ (Modules/_threadmodule.c)
FinJoin ==
    /\ proc = "running"
    /\ finPc = "join"
    /\ CASE dSignalled ->
              /\ joinOutcome' = "returned" /\ finPc' = "flush"
              /\ UNCHANGED gil
         [] ~dSignalled /\ JoinRefusedWhenFinalizing /\ finalizing ->
              /\ joinOutcome' = "refused" /\ finPc' = "flush"
              /\ UNCHANGED gil
         [] OTHER ->
              /\ finPc' = "join_wait" /\ gil' = "none"
              /\ UNCHANGED joinOutcome
    /\ UNCHANGED <<dPc, lockL, cxx, stackObj, finalizing, proc, exitStatus,
                   llRan, uaf, dSignalled>>

\* flush_std_files takes and releases the lock; it blocks while another
\* thread (alive, hung or dead) holds it.
\* CPython 3.2-main: flush_std_files (Python/pylifecycle.c)
FinFlush ==
    /\ proc = "running"
    /\ finPc = "flush"
    /\ lockL = "none"
    /\ finPc' = "ll_exit"
    /\ UNCHANGED <<dPc, gil, lockL, cxx, stackObj, finalizing, proc,
                   exitStatus, llRan, uaf,
                   dSignalled, joinOutcome>>

\* CPython 3.2-main: Py_FinalizeEx: call_ll_exitfuncs (Py_AtExit functions) (Python/pylifecycle.c)
FinLlExit ==
    /\ proc = "running"
    /\ finPc = "ll_exit"
    /\ llRan' = TRUE
    /\ finPc' = "exit"
    /\ UNCHANGED <<dPc, gil, lockL, cxx, stackObj, finalizing, proc,
                   exitStatus, uaf,
                   dSignalled, joinOutcome>>

\* CPython 3.2-main: Py_Exit -> exit(status) (Python/pylifecycle.c)
FinExit ==
    /\ proc = "running"
    /\ finPc = "exit"
    /\ proc' = "exited"
    /\ exitStatus' = ExitCode
    /\ finPc' = "done"
    /\ UNCHANGED <<dPc, gil, lockL, cxx, stackObj, finalizing, llRan,
                   uaf,
                   dSignalled, joinOutcome>>

-----------------------------------------------------------------------------
DNext == DEnterBlocking \/ DAttach \/ DMustExit \/ DLeaveBlocking

FinNext == FinBlockingIo \/ FinIoDone \/ FinMainReturns \/ FinAtexit
           \/ FinSetFinalizing \/ FinTeardown \/ FinJoin \/ FinFlush
           \/ FinLlExit \/ FinExit

Next ==
    \/ DEnterBlocking \/ DAttach \/ DMustExit \/ DLeaveBlocking
    \/ FinBlockingIo \/ FinIoDone \/ FinMainReturns \/ FinAtexit
    \/ FinSetFinalizing \/ FinTeardown \/ FinJoin \/ FinFlush \/ FinLlExit
    \/ FinExit

\* The OS scheduler is fair to D; Fin needs strong fairness because D may
\* take the GIL back each time Fin's I/O ends.
Fairness == WF_vars(DNext) /\ SF_vars(FinNext)

Spec == Init /\ [][Next]_vars /\ Fairness

-----------------------------------------------------------------------------

NoUseAfterFree == ~uaf

ExitCodePreserved == proc = "exited" => exitStatus = ExitCode

AtexitRuns == proc = "exited" => llRan

FinalizerTerminates == <>(proc = "exited")


-----------------------------------------------------------------------------
(* Witnesses: dangerous situations a fixed model must still reach.         *)

\* gh-87135: the must-exit check met a daemon with live noexcept C++ frames
\* on its stack (the fixed policy must keep them alive).
W_MustExitWithCxxFrames == dPc = "hung" /\ cxx /\ stackObj = "live"

\* gh-123940: the teardown's join met a daemon that never finished its
\* function (killed, hung, or still in its blocking call) and came back:
\* returned (3.9-3.12, the lock released by DeleteExcept) or refused (3.14).
W_JoinReturnedUnfinishedDaemon ==
    joinOutcome = "returned" /\ dPc \in {"blocking", "killed", "hung"}
W_JoinRefusedHungDaemon == joinOutcome = "refused" /\ dPc = "hung"

=============================================================================
