--------------------------- MODULE TwoPhaseCommit ---------------------------
(* Two-phase commit with a transaction manager (TM) and resource managers.
   Messages are records kept in a set that only grows.  With HastyTM the
   manager commits as soon as any single RM is prepared, which is wrong.  *)
EXTENDS Naturals, FiniteSets

CONSTANTS RM, HastyTM

ASSUME HastyTM \in BOOLEAN

VARIABLES rmState, tmState, tmPrepared, msgs

vars == <<rmState, tmState, tmPrepared, msgs>>

Messages ==
  [type : {"Prepared"}, rm : RM] \cup [type : {"Commit", "Abort"}]

TypeOK ==
  /\ rmState \in [RM -> {"working", "prepared", "committed", "aborted"}]
  /\ tmState \in {"init", "committed", "aborted"}
  /\ tmPrepared \in SUBSET RM
  /\ msgs \in SUBSET Messages

Init ==
  /\ rmState = [r \in RM |-> "working"]
  /\ tmState = "init"
  /\ tmPrepared = {}
  /\ msgs = {}

Send(m) == msgs' = msgs \cup {m}

TMRcvPrepared(r) ==
  /\ tmState = "init"
  /\ [type |-> "Prepared", rm |-> r] \in msgs
  /\ tmPrepared' = tmPrepared \cup {r}
  /\ UNCHANGED <<rmState, tmState, msgs>>

EnoughPrepared ==
  IF HastyTM THEN tmPrepared # {} ELSE tmPrepared = RM

TMCommit ==
  /\ tmState = "init"
  /\ EnoughPrepared
  /\ tmState' = "committed"
  /\ Send([type |-> "Commit"])
  /\ UNCHANGED <<rmState, tmPrepared>>

TMAbort ==
  /\ tmState = "init"
  /\ tmState' = "aborted"
  /\ Send([type |-> "Abort"])
  /\ UNCHANGED <<rmState, tmPrepared>>

RMPrepare(r) ==
  /\ rmState[r] = "working"
  /\ rmState' = [rmState EXCEPT ![r] = "prepared"]
  /\ Send([type |-> "Prepared", rm |-> r])
  /\ UNCHANGED <<tmState, tmPrepared>>

RMChooseAbort(r) ==
  /\ rmState[r] = "working"
  /\ rmState' = [rmState EXCEPT ![r] = "aborted"]
  /\ UNCHANGED <<tmState, tmPrepared, msgs>>

RMRcvDecision(r) ==
  \E m \in msgs :
     /\ m.type \in {"Commit", "Abort"}
     /\ rmState[r] # "aborted" \/ m.type = "Abort"
     /\ rmState' = [rmState EXCEPT ![r] =
                      IF m.type = "Commit" THEN "committed" ELSE "aborted"]
     /\ rmState' # rmState
     /\ UNCHANGED <<tmState, tmPrepared, msgs>>

Next ==
  \/ TMCommit \/ TMAbort
  \/ \E r \in RM :
        \/ TMRcvPrepared(r)
        \/ RMPrepare(r) \/ RMChooseAbort(r)
        \/ RMRcvDecision(r)

Spec == Init /\ [][Next]_vars

Consistent ==
  \A r1, r2 \in RM : ~(rmState[r1] = "aborted" /\ rmState[r2] = "committed")

DecidedOnce == Cardinality({m \in msgs : m.type # "Prepared"}) <= 1
=============================================================================
