---------------------------- MODULE RetryClient -----------------------------
(***************************************************************************)
(* Clients call a flaky server.  A call may time out; the client then     *)
(* retries, up to MaxRetries times, and gives up after that.  Each client *)
(* makes Calls calls in all.  The liveness properties are the point:      *)
(* which hold under which fairness.  The specs state fairness in          *)
(* different orders and behind definitions, as people write them.        *)
(***************************************************************************)
EXTENDS Naturals

CONSTANTS Clients, Calls, MaxRetries

VARIABLES phase, tries, done, outcome

vars == <<phase, tries, done, outcome>>

Phases == {"idle", "waiting", "finished"}
Outcomes == {"none", "ok", "gaveup"}

TypeOK ==
  /\ phase \in [Clients -> Phases]
  /\ tries \in [Clients -> 0..MaxRetries]
  /\ done \in [Clients -> 0..Calls]
  /\ outcome \in [Clients -> Outcomes]

Init ==
  /\ phase = [c \in Clients |-> "idle"]
  /\ tries = [c \in Clients |-> 0]
  /\ done = [c \in Clients |-> 0]
  /\ outcome = [c \in Clients |-> "none"]

Call(c) ==
  /\ phase[c] = "idle"
  /\ done[c] < Calls
  /\ phase' = [phase EXCEPT ![c] = "waiting"]
  /\ tries' = [tries EXCEPT ![c] = 0]
  /\ outcome' = [outcome EXCEPT ![c] = "none"]
  /\ UNCHANGED done

\* The server answers a waiting client.
Reply(c) ==
  /\ phase[c] = "waiting"
  /\ phase' = [phase EXCEPT ![c] = IF done[c] + 1 = Calls THEN "finished" ELSE "idle"]
  /\ done' = [done EXCEPT ![c] = @ + 1]
  /\ outcome' = [outcome EXCEPT ![c] = "ok"]
  /\ UNCHANGED tries

\* The call times out and is sent again.
Retry(c) ==
  /\ phase[c] = "waiting"
  /\ tries[c] < MaxRetries
  /\ tries' = [tries EXCEPT ![c] = @ + 1]
  /\ UNCHANGED <<phase, done, outcome>>

GiveUp(c) ==
  /\ phase[c] = "waiting"
  /\ tries[c] = MaxRetries
  /\ phase' = [phase EXCEPT ![c] = IF done[c] + 1 = Calls THEN "finished" ELSE "idle"]
  /\ done' = [done EXCEPT ![c] = @ + 1]
  /\ outcome' = [outcome EXCEPT ![c] = "gaveup"]
  /\ UNCHANGED tries

AllFinished == \A c \in Clients : phase[c] = "finished"

Next ==
  \/ \E c \in Clients : Call(c) \/ Reply(c) \/ Retry(c) \/ GiveUp(c)
  \/ AllFinished /\ UNCHANGED vars

ClientFairness == \A c \in Clients : WF_vars(Call(c)) /\ WF_vars(Retry(c) \/ GiveUp(c))

\* The server is weakly fair: it may let every call time out.
Spec == Init /\ [][Next]_vars /\ ClientFairness /\ \A c \in Clients : WF_vars(Reply(c))

\* The same system with a strongly fair server, fairness written first.
\* It does not make EventuallyServed hold: a client makes only Calls calls,
\* so Reply(c) is enabled only finitely often and SF asks nothing of it.
StrongSpec ==
  /\ \A c \in Clients : SF_vars(Reply(c))
  /\ Init
  /\ ClientFairness
  /\ [][Next]_vars

Waiting(c) == phase[c] = "waiting"

\* Holding under Spec: every call ends, one way or the other.
CallsEnd == \A c \in Clients : Waiting(c) ~> ~Waiting(c)
Terminates == <>[]AllFinished
KeepsQuiet == []<>(\A c \in Clients : ~Waiting(c))
DoneGrows == [][\A c \in Clients : done'[c] >= done[c]]_done
\* Violated under both specs: the server may let a client's calls time out
\* until it gives up, and then Reply(c) is never enabled again.
EventuallyServed == \A c \in Clients : Waiting(c) ~> outcome[c] = "ok"
=============================================================================
