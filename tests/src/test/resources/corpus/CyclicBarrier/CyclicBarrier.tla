--------------------------- MODULE CyclicBarrier ---------------------------
(***************************************************************************)
(* A cyclic barrier (as java.util.concurrent.CyclicBarrier): threads work *)
(* in rounds and wait at the barrier until all have arrived; the last one *)
(* to arrive opens it for the round and resets the count.  A thread may  *)
(* also quit for good between rounds, which the barrier does not notice: *)
(* the others then wait forever.  Checked from a Toolbox-generated       *)
(* MC.tla/MC.cfg pair whose property fails for that reason.              *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS Threads, Rounds

VARIABLES pc, round, arrived

vars == <<pc, round, arrived>>

TypeOK ==
  /\ pc \in [Threads -> {"work", "wait", "quit", "done"}]
  /\ round \in [Threads -> 0..Rounds]
  /\ arrived \subseteq Threads

Init ==
  /\ pc = [t \in Threads |-> "work"]
  /\ round = [t \in Threads |-> 0]
  /\ arrived = {}

\* A thread finishes its work for the round and waits; the last to arrive
\* releases everybody into the next round.
Arrive(t) ==
  /\ pc[t] = "work"
  /\ IF arrived \cup {t} = Threads
       THEN /\ arrived' = {}
            /\ pc' = [u \in Threads |-> IF round[u] + 1 = Rounds THEN "done" ELSE "work"]
            /\ round' = [u \in Threads |-> round[u] + 1]
       ELSE /\ arrived' = arrived \cup {t}
            /\ pc' = [pc EXCEPT ![t] = "wait"]
            /\ UNCHANGED round

Quit(t) ==
  /\ pc[t] = "work"
  /\ pc' = [pc EXCEPT ![t] = "quit"]
  /\ UNCHANGED <<round, arrived>>

Stopped == \A t \in Threads : pc[t] \in {"wait", "quit", "done"}

Next ==
  \/ \E t \in Threads : Arrive(t) \/ Quit(t)
  \/ Stopped /\ UNCHANGED vars

Spec == Init /\ [][Next]_vars /\ \A t \in Threads : WF_vars(Arrive(t))

\* Everyone waiting is in the same round.
SameRound == \A s, t \in arrived : round[s] = round[t]
\* A thread never runs more than one round ahead of another.
Lockstep == \A s, t \in Threads : round[s] <= round[t] + 1
\* Every waiting thread gets through (false: a thread may quit).
Passes == \A t \in Threads : pc[t] = "wait" ~> pc[t] # "wait"
=============================================================================
