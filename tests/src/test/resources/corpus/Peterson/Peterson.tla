------------------------------ MODULE Peterson ------------------------------
(* Peterson's two-process mutual exclusion, written as a flat state machine.
   Each process walks through the labels below; pc records where it is.   *)
EXTENDS Naturals

CONSTANT SkipTurn   \* TRUE gives a broken variant that never yields the turn

VARIABLES flag, turn, pc

vars == <<flag, turn, pc>>

Procs == {0, 1}
Other(p) == 1 - p
Labels == {"idle", "setflag", "setturn", "wait", "cs", "exit"}

TypeOK ==
  /\ flag \in [Procs -> BOOLEAN]
  /\ turn \in Procs
  /\ pc \in [Procs -> Labels]

Init ==
  /\ flag = [p \in Procs |-> FALSE]
  /\ turn = 0
  /\ pc = [p \in Procs |-> "idle"]

Request(p) ==
  /\ pc[p] = "idle"
  /\ pc' = [pc EXCEPT ![p] = "setflag"]
  /\ UNCHANGED <<flag, turn>>

RaiseFlag(p) ==
  /\ pc[p] = "setflag"
  /\ flag' = [flag EXCEPT ![p] = TRUE]
  /\ pc' = [pc EXCEPT ![p] = "setturn"]
  /\ UNCHANGED turn

GiveTurn(p) ==
  /\ pc[p] = "setturn"
  /\ turn' = IF SkipTurn THEN turn ELSE Other(p)
  /\ pc' = [pc EXCEPT ![p] = "wait"]
  /\ UNCHANGED flag

Await(p) ==
  /\ pc[p] = "wait"
  /\ \/ ~flag[Other(p)]
     \/ turn = p
  /\ pc' = [pc EXCEPT ![p] = "cs"]
  /\ UNCHANGED <<flag, turn>>

Leave(p) ==
  /\ pc[p] = "cs"
  /\ pc' = [pc EXCEPT ![p] = "exit"]
  /\ UNCHANGED <<flag, turn>>

LowerFlag(p) ==
  /\ pc[p] = "exit"
  /\ flag' = [flag EXCEPT ![p] = FALSE]
  /\ pc' = [pc EXCEPT ![p] = "idle"]
  /\ UNCHANGED turn

Next ==
  \E p \in Procs :
     \/ Request(p)
     \/ RaiseFlag(p)
     \/ GiveTurn(p)
     \/ Await(p)
     \/ Leave(p)
     \/ LowerFlag(p)

Spec == Init /\ [][Next]_vars

MutualExclusion == ~(pc[0] = "cs" /\ pc[1] = "cs")
=============================================================================
