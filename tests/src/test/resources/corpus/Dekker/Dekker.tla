------------------------------- MODULE Dekker -------------------------------
(* Dekker's algorithm for two processes, one atomic read or write per step.
     wants[me] := TRUE
     while wants[other]:
        if turn # me: wants[me] := FALSE; await turn = me; wants[me] := TRUE
     critical section
     turn := other; wants[me] := FALSE                                   *)
EXTENDS Naturals

VARIABLES wants, turn, pc

vars == <<wants, turn, pc>>

Procs == {0, 1}
Other(p) == 1 - p

TypeOK ==
  /\ wants \in [Procs -> BOOLEAN]
  /\ turn \in Procs
  /\ pc \in [Procs -> {"ncs", "raise", "loop", "checkTurn", "lower",
                       "await", "reraise", "cs", "passTurn", "drop"}]

Init ==
  /\ wants = [p \in Procs |-> FALSE]
  /\ turn = 0
  /\ pc = [p \in Procs |-> "ncs"]

Go(p, from, to) == pc[p] = from /\ pc' = [pc EXCEPT ![p] = to]

Step(p) ==
  CASE pc[p] = "ncs"       -> Go(p, "ncs", "raise") /\ UNCHANGED <<wants, turn>>
    [] pc[p] = "raise"     -> /\ Go(p, "raise", "loop")
                              /\ wants' = [wants EXCEPT ![p] = TRUE]
                              /\ UNCHANGED turn
    [] pc[p] = "loop"      -> /\ IF wants[Other(p)]
                                   THEN Go(p, "loop", "checkTurn")
                                   ELSE Go(p, "loop", "cs")
                              /\ UNCHANGED <<wants, turn>>
    [] pc[p] = "checkTurn" -> /\ IF turn # p
                                   THEN Go(p, "checkTurn", "lower")
                                   ELSE Go(p, "checkTurn", "loop")
                              /\ UNCHANGED <<wants, turn>>
    [] pc[p] = "lower"     -> /\ Go(p, "lower", "await")
                              /\ wants' = [wants EXCEPT ![p] = FALSE]
                              /\ UNCHANGED turn
    [] pc[p] = "await"     -> /\ turn = p
                              /\ Go(p, "await", "reraise")
                              /\ UNCHANGED <<wants, turn>>
    [] pc[p] = "reraise"   -> /\ Go(p, "reraise", "loop")
                              /\ wants' = [wants EXCEPT ![p] = TRUE]
                              /\ UNCHANGED turn
    [] pc[p] = "cs"        -> Go(p, "cs", "passTurn") /\ UNCHANGED <<wants, turn>>
    [] pc[p] = "passTurn"  -> /\ Go(p, "passTurn", "drop")
                              /\ turn' = Other(p)
                              /\ UNCHANGED wants
    [] pc[p] = "drop"      -> /\ Go(p, "drop", "ncs")
                              /\ wants' = [wants EXCEPT ![p] = FALSE]
                              /\ UNCHANGED turn

Next == \E p \in Procs : Step(p)

Spec == Init /\ [][Next]_vars

MutualExclusion == ~(pc[0] = "cs" /\ pc[1] = "cs")
=============================================================================
