------------------------------ MODULE ThreadJoin ------------------------------
(***************************************************************************)
(* Thread.join(): how joiners observe that a thread has finished.         *)
(*                                                                         *)
(* Two implementations, selected by JoinImpl:                              *)
(*                                                                         *)
(* "tstate_lock" (3.9 - 3.12).  Each thread owns a lock, _tstate_lock,     *)
(*   created by _thread._set_sentinel() and held from the thread's start.  *)
(*   PyThreadState_Clear calls tstate->on_delete = release_sentinel, which *)
(*   releases it.  A joiner acquires and releases that lock, then calls    *)
(*   Thread._stop(), which asserts that the lock is not held.  gh-116372   *)
(*   (mpage, March 2024): with two joiners, one can hold the lock (between *)
(*   its acquire and release) while the other runs the assertion, which    *)
(*   fails.                                                                *)
(*                                                                         *)
(* "event_once" (3.13+, PR #114839 under gh-114271, building on PR        *)
(*   #115190).  The ThreadHandle carries a PyEvent thread_is_exiting, set  *)
(*   at the end of thread_run, and a _PyOnceFlag that makes exactly one    *)
(*   joiner call PyThread_join_thread; the others wait for it.  Observing  *)
(*   completion no longer changes the state that other joiners observe.    *)
(*                                                                         *)
(* Processes: the target thread A and the set Joiners (B, C in gh-116372). *)
(*                                                                         *)
(* Action -> CPython source                                                *)
(*   AReturn        the thread function returns:                           *)
(*                  Modules/_threadmodule.c: thread_run (3.13),            *)
(*                  thread_run / t_bootstrap (3.12).                       *)
(*   AClearTstate   Python/pystate.c: PyThreadState_Clear; in 3.12 it      *)
(*                  calls tstate->on_delete, i.e. Modules/_threadmodule.c: *)
(*                  release_sentinel, which releases _tstate_lock.  In     *)
(*                  3.13 thread_run calls PyThreadState_Clear and          *)
(*                  _PyThreadState_DeleteCurrent.                          *)
(*   ANotifyExiting Modules/_threadmodule.c: thread_run ->                 *)
(*                  remove_from_shutdown_handles, _PyEvent_Notify(         *)
(*                  &handle->thread_is_exiting) (3.13+ only).              *)
(*   AExitOs        the OS thread terminates; PyThread_join_thread can     *)
(*                  return (Python/thread_pthread.h).                      *)
(*   JReadLock      Lib/threading.py: Thread._wait_for_tstate_lock:        *)
(*                  lock = self._tstate_lock; if None, assert              *)
(*                  self._is_stopped and return.                           *)
(*   JAcquire       Lib/threading.py: _wait_for_tstate_lock:               *)
(*                  lock.acquire(block, timeout) (blocking join).          *)
(*   JRelease       Lib/threading.py: _wait_for_tstate_lock: lock.release()*)
(*   JStopAssert    Lib/threading.py: Thread._stop: lock =                 *)
(*                  self._tstate_lock; if not None, assert not             *)
(*                  lock.locked().                                         *)
(*   JStopSetFlag   Lib/threading.py: Thread._stop: self._is_stopped = True*)
(*   JStopClear     Lib/threading.py: Thread._stop: self._tstate_lock =    *)
(*                  None (rebound last on purpose, see the comment there). *)
(*   JWaitEvent     Modules/_threadmodule.c: ThreadHandle_join ->          *)
(*                  _PyEvent_WaitTimed(&self->thread_is_exiting, ...).     *)
(*   JOnceEnter     Python/lock.c: _PyOnceFlag_CallOnce /                  *)
(*                  _PyOnceFlag_CallOnceSlow: return if initialized, CAS   *)
(*                  unlocked -> locked, or park while locked.              *)
(*   JJoinOs        Modules/_threadmodule.c: join_thread ->                *)
(*                  PyThread_join_thread (pthread_join).                   *)
(*   JOnceDone      Python/lock.c: unlock_once -> initialized, unpark all; *)
(*                  Modules/_threadmodule.c: set_thread_handle_state DONE. *)
(*                                                                         *)
(* Property JoinSound: no joiner fails an assertion; a joiner returns only *)
(* after A's thread state is cleared (3.12) or A has finished thread_run   *)
(* (3.13+); the OS thread is joined at most once.  JoinTerminates          *)
(* (liveness): every joiner returns.                                       *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS
    Joiners,     \* model values: the threads calling A.join()
    JoinImpl     \* "tstate_lock" (3.9 - 3.12) or "event_once" (3.13+)

ASSUME JoinImpl \in {"tstate_lock", "event_once"}

VARIABLES
    aPc,          \* A: "running", "returned", "cleared", "notified", "exited"
    lockOwner,    \* holder of A's _tstate_lock: "A", a joiner, or "none"
    lockField,    \* A._tstate_lock is not None
    isStopped,    \* A._is_stopped
    jPc,          \* joiner program counters
    event,        \* handle->thread_is_exiting is set
    once,         \* handle->once: "unlocked", "locked", "initialized"
    osJoins,      \* how many times PyThread_join_thread was called on A
    assertFailed  \* some joiner raised AssertionError in Thread._stop

vars == <<aPc, lockOwner, lockField, isStopped, jPc, event, once, osJoins,
          assertFailed>>

JPcs == {"idle", "acquire", "release", "stop_assert", "stop_set",
         "stop_clear", "wait_event", "once", "join_os", "once_done",
         "returned", "failed"}

TypeOK ==
    /\ aPc \in {"running", "returned", "cleared", "notified", "exited"}
    /\ lockOwner \in {"A", "none"} \cup Joiners
    /\ lockField \in BOOLEAN
    /\ isStopped \in BOOLEAN
    /\ jPc \in [Joiners -> JPcs]
    /\ event \in BOOLEAN
    /\ once \in {"unlocked", "locked", "initialized"}
    /\ osJoins \in 0..Cardinality(Joiners)
    /\ assertFailed \in BOOLEAN

\* The joiners are already blocked in join() when A finishes (steps 2 and 3
\* of gh-116372) or arrive later; both are covered because joiners move at
\* any time.  A holds its _tstate_lock from its start.
Init ==
    /\ aPc = "running"
    /\ lockOwner = IF JoinImpl = "tstate_lock" THEN "A" ELSE "none"
    /\ lockField = (JoinImpl = "tstate_lock")
    /\ isStopped = FALSE
    /\ jPc = [j \in Joiners |->
                IF JoinImpl = "tstate_lock" THEN "idle" ELSE "wait_event"]
    /\ event = FALSE
    /\ once = "unlocked"
    /\ osJoins = 0
    /\ assertFailed = FALSE

-----------------------------------------------------------------------------
(* The target thread A.                                                    *)

\* CPython 3.9-main: the thread's function returns in Thread._bootstrap_inner (Lib/threading.py)
AReturn ==
    /\ aPc = "running"
    /\ aPc' = "returned"
    /\ UNCHANGED <<lockOwner, lockField, isStopped, jPc, event, once, osJoins,
                   assertFailed>>

\* PyThreadState_Clear; in 3.12 on_delete releases _tstate_lock.
\* CPython 3.9-main: thread_run: PyThreadState_Clear (Modules/_threadmodule.c)
AClearTstate ==
    /\ aPc = "returned"
    /\ aPc' = "cleared"
    /\ lockOwner' = IF JoinImpl = "tstate_lock" THEN "none" ELSE lockOwner
    /\ UNCHANGED <<lockField, isStopped, jPc, event, once, osJoins,
                   assertFailed>>

\* CPython 3.9-main: release_sentinel 3.9-3.12 (_tstate_lock), _PyEvent_Notify(thread_is_exiting) 3.13+ (Modules/_threadmodule.c)
ANotifyExiting ==
    /\ JoinImpl = "event_once"
    /\ aPc = "cleared"
    /\ aPc' = "notified"
    /\ event' = TRUE
    /\ UNCHANGED <<lockOwner, lockField, isStopped, jPc, once, osJoins,
                   assertFailed>>

\* CPython 3.9-main: the OS thread ends, PyThread_exit_thread (Python/thread_pthread.h)
AExitOs ==
    /\ aPc = IF JoinImpl = "tstate_lock" THEN "cleared" ELSE "notified"
    /\ aPc' = "exited"
    /\ UNCHANGED <<lockOwner, lockField, isStopped, jPc, event, once, osJoins,
                   assertFailed>>

-----------------------------------------------------------------------------
(* Joiners, 3.9 - 3.12: Thread._wait_for_tstate_lock and Thread._stop.      *)

\* CPython 3.9-3.12: Thread._wait_for_tstate_lock reads self._tstate_lock (Lib/threading.py)
JReadLock(j) ==
    /\ jPc[j] = "idle"
    /\ IF lockField
         THEN /\ jPc' = [jPc EXCEPT ![j] = "acquire"]
              /\ UNCHANGED assertFailed
         ELSE \* "already determined that the C code is done"
              /\ jPc' = [jPc EXCEPT ![j] = IF isStopped THEN "returned"
                                                        ELSE "failed"]
              /\ assertFailed' = ~isStopped
    /\ UNCHANGED <<aPc, lockOwner, lockField, isStopped, event, once, osJoins>>

\* CPython 3.9-3.12: Thread._wait_for_tstate_lock: lock.acquire (Lib/threading.py)
JAcquire(j) ==
    /\ jPc[j] = "acquire"
    /\ lockOwner = "none"
    /\ lockOwner' = j
    /\ jPc' = [jPc EXCEPT ![j] = "release"]
    /\ UNCHANGED <<aPc, lockField, isStopped, event, once, osJoins,
                   assertFailed>>

\* CPython 3.9-3.12: Thread._wait_for_tstate_lock: lock.release (Lib/threading.py)
JRelease(j) ==
    /\ jPc[j] = "release"
    /\ lockOwner' = "none"
    /\ jPc' = [jPc EXCEPT ![j] = "stop_assert"]
    /\ UNCHANGED <<aPc, lockField, isStopped, event, once, osJoins,
                   assertFailed>>

\* The field read and lock.locked() are one step here: the local `lock`
\* names the same lock object either way.
\* CPython 3.9-3.12: Thread._stop: assert not lock.locked() (Lib/threading.py)
JStopAssert(j) ==
    /\ jPc[j] = "stop_assert"
    /\ LET fails == lockField /\ lockOwner # "none"
       IN /\ assertFailed' = (assertFailed \/ fails)
          /\ jPc' = [jPc EXCEPT ![j] = IF fails THEN "failed" ELSE "stop_set"]
    /\ UNCHANGED <<aPc, lockOwner, lockField, isStopped, event, once, osJoins>>

\* CPython 3.9-3.12: Thread._stop: self._is_stopped = True (Lib/threading.py)
JStopSetFlag(j) ==
    /\ jPc[j] = "stop_set"
    /\ isStopped' = TRUE
    /\ jPc' = [jPc EXCEPT ![j] = "stop_clear"]
    /\ UNCHANGED <<aPc, lockOwner, lockField, event, once, osJoins,
                   assertFailed>>

\* CPython 3.9-3.12: Thread._stop: self._tstate_lock = None (Lib/threading.py)
JStopClear(j) ==
    /\ jPc[j] = "stop_clear"
    /\ lockField' = FALSE
    /\ jPc' = [jPc EXCEPT ![j] = "returned"]
    /\ UNCHANGED <<aPc, lockOwner, isStopped, event, once, osJoins,
                   assertFailed>>

-----------------------------------------------------------------------------
(* Joiners, 3.13+: ThreadHandle_join.                                       *)

\* CPython 3.13-main: ThreadHandle_join: PyEvent_Wait(thread_is_exiting) (Modules/_threadmodule.c)
JWaitEvent(j) ==
    /\ jPc[j] = "wait_event"
    /\ event
    /\ jPc' = [jPc EXCEPT ![j] = "once"]
    /\ UNCHANGED <<aPc, lockOwner, lockField, isStopped, event, once, osJoins,
                   assertFailed>>

\* Enabled unless another joiner is inside the once-call (then j parks).
\* CPython 3.13-main: ThreadHandle_join: _PyOnceFlag_CallOnce enters join_thread (Modules/_threadmodule.c)
JOnceEnter(j) ==
    /\ jPc[j] = "once"
    /\ once # "locked"
    /\ IF once = "initialized"
         THEN /\ jPc' = [jPc EXCEPT ![j] = "returned"]
              /\ UNCHANGED once
         ELSE /\ once' = "locked"
              /\ jPc' = [jPc EXCEPT ![j] = "join_os"]
    /\ UNCHANGED <<aPc, lockOwner, lockField, isStopped, event, osJoins,
                   assertFailed>>

\* CPython 3.13-main: join_thread: PyThread_join_thread (Modules/_threadmodule.c)
JJoinOs(j) ==
    /\ jPc[j] = "join_os"
    /\ aPc = "exited"
    /\ osJoins' = osJoins + 1
    /\ jPc' = [jPc EXCEPT ![j] = "once_done"]
    /\ UNCHANGED <<aPc, lockOwner, lockField, isStopped, event, once,
                   assertFailed>>

\* CPython 3.13-main: _PyOnceFlag_CallOnce done, handle DONE (Modules/_threadmodule.c)
JOnceDone(j) ==
    /\ jPc[j] = "once_done"
    /\ once' = "initialized"
    /\ jPc' = [jPc EXCEPT ![j] = "returned"]
    /\ UNCHANGED <<aPc, lockOwner, lockField, isStopped, event, osJoins,
                   assertFailed>>

-----------------------------------------------------------------------------
ANext == AReturn \/ AClearTstate \/ ANotifyExiting \/ AExitOs

JNext(j) == JReadLock(j) \/ JAcquire(j) \/ JRelease(j) \/ JStopAssert(j)
            \/ JStopSetFlag(j) \/ JStopClear(j) \/ JWaitEvent(j)
            \/ JOnceEnter(j) \/ JJoinOs(j) \/ JOnceDone(j)

Next ==
    \/ AReturn \/ AClearTstate \/ ANotifyExiting \/ AExitOs
    \/ \E j \in Joiners :
         \/ JReadLock(j) \/ JAcquire(j) \/ JRelease(j) \/ JStopAssert(j)
         \/ JStopSetFlag(j) \/ JStopClear(j) \/ JWaitEvent(j)
         \/ JOnceEnter(j) \/ JJoinOs(j) \/ JOnceDone(j)

\* A joiner may lose the race for _tstate_lock every time it is free, so
\* the lock acquisition needs strong fairness.
Fairness ==
    /\ WF_vars(ANext)
    /\ \A j \in Joiners : SF_vars(JNext(j))

Spec == Init /\ [][Next]_vars /\ Fairness

-----------------------------------------------------------------------------
JoinSound ==
    /\ ~assertFailed
    /\ \A j \in Joiners :
         jPc[j] = "returned" =>
           aPc \in IF JoinImpl = "tstate_lock"
                     THEN {"cleared", "exited"}
                     ELSE {"notified", "exited"}
    /\ osJoins <= 1

JoinTerminates == <>(\A j \in Joiners : jPc[j] = "returned")


-----------------------------------------------------------------------------
(* Witnesses: dangerous situations a fixed model must still reach.         *)

\* gh-116372: two joiners observe A's completion at the same time: one joins
\* the OS thread while the other waits at the once flag.
W_ConcurrentJoiners ==
    \E j, k \in Joiners : j # k /\ jPc[j] = "join_os" /\ jPc[k] = "once"

=============================================================================
