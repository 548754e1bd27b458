------------------------------ MODULE Messages ------------------------------
(* A request/acknowledge protocol over a message set: the shape of the
   Paxos-style specs whose generated code docs/codegen.md shows.          *)
CONSTANTS Procs

VARIABLES state, msgs

TypeOK ==
  /\ state \in [Procs -> {"idle", "waiting", "done"}]
  /\ msgs \subseteq [type : {"req", "ack"}, from : Procs]

Init ==
  /\ state = [p \in Procs |-> "idle"]
  /\ msgs = {}

Request(p) ==
  /\ state[p] = "idle"
  /\ state' = [state EXCEPT ![p] = "waiting"]
  /\ msgs' = msgs \cup {[type |-> "req", from |-> p]}

Ack(p) ==
  /\ state[p] = "waiting"
  /\ \E m \in msgs : m.type = "req" /\ m.from = p
  /\ state' = [state EXCEPT ![p] = "done"]
  /\ msgs' = msgs \cup {[type |-> "ack", from |-> p]}

Next == \E p \in Procs : Request(p) \/ Ack(p)

\* an acknowledgement only follows a request of the same process
AckAfterRequest ==
  \A m \in msgs : m.type = "ack" => [type |-> "req", from |-> m.from] \in msgs
=============================================================================
