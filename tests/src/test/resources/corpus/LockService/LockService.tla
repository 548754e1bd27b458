---------------------------- MODULE LockService ----------------------------
(***************************************************************************)
(* A lock server with a FIFO wait queue.  Clients send Acquire; the       *)
(* server grants the lock to the head of the queue when it is free; the   *)
(* holder releases it, or crashes and the server revokes it.  Every       *)
(* client may ask at most MaxRequests times, which keeps the model finite.*)
(* The model is run from a Toolbox-generated MC.tla/MC.cfg pair (the      *)
(* layout the TLA+ Toolbox writes), with the clients as a symmetric set   *)
(* of model values.                                                        *)
(***************************************************************************)
EXTENDS Naturals, Sequences

CONSTANTS Clients, MaxRequests, Nobody

ASSUME Nobody \notin Clients
ASSUME MaxRequests \in Nat \ {0}

VARIABLES holder, queue, requests, alive

vars == <<holder, queue, requests, alive>>

\* Clients as a set of queued names.
Queued == {queue[i] : i \in DOMAIN queue}

TypeOK ==
  /\ holder \in Clients \cup {Nobody}
  /\ queue \in Seq(Clients)
  /\ requests \in [Clients -> 0..MaxRequests]
  /\ alive \subseteq Clients

Init ==
  /\ holder = Nobody
  /\ queue = << >>
  /\ requests = [c \in Clients |-> 0]
  /\ alive = Clients

\* A live client that neither holds nor waits may ask again.
Request(c) ==
  /\ c \in alive
  /\ c # holder
  /\ c \notin Queued
  /\ requests[c] < MaxRequests
  /\ queue' = Append(queue, c)
  /\ requests' = [requests EXCEPT ![c] = @ + 1]
  /\ UNCHANGED <<holder, alive>>

\* The server grants the free lock to the head of the queue.
Grant ==
  /\ holder = Nobody
  /\ queue # << >>
  /\ holder' = Head(queue)
  /\ queue' = Tail(queue)
  /\ UNCHANGED <<requests, alive>>

Release(c) ==
  /\ holder = c
  /\ c \in alive
  /\ holder' = Nobody
  /\ UNCHANGED <<queue, requests, alive>>

\* A client crashes: it stays in the queue (the server does not know yet).
Crash(c) ==
  /\ c \in alive
  /\ alive' = alive \ {c}
  /\ UNCHANGED <<holder, queue, requests>>

\* The server notices a dead holder and takes the lock back; a dead client
\* at the head of the queue is dropped.
Revoke ==
  \/ /\ holder # Nobody
     /\ holder \notin alive
     /\ holder' = Nobody
     /\ UNCHANGED <<queue, requests, alive>>
  \/ /\ queue # << >>
     /\ Head(queue) \notin alive
     /\ queue' = Tail(queue)
     /\ UNCHANGED <<holder, requests, alive>>

\* A crashed client restarts with a fresh session.
Restart(c) ==
  /\ c \notin alive
  /\ c # holder
  /\ c \notin Queued
  /\ alive' = alive \cup {c}
  /\ UNCHANGED <<holder, queue, requests>>

Next ==
  \/ Grant
  \/ Revoke
  \/ \E c \in Clients : Request(c) \/ Release(c) \/ Crash(c) \/ Restart(c)

\* The server is fair to its own steps; clients that hold the lock let go.
FairSpec ==
  /\ Init /\ [][Next]_vars
  /\ WF_vars(Grant)
  /\ WF_vars(Revoke)
  /\ \A c \in Clients : WF_vars(Release(c))

\* A client waits at most once in the queue.
NoDuplicates == \A i, j \in DOMAIN queue : i # j => queue[i] # queue[j]
\* The holder is never also waiting.
HolderNotQueued == holder \notin Queued
\* When everyone has used up their requests, the server is eventually idle.
EventuallyIdle == <>[](holder = Nobody /\ queue = << >>)
=============================================================================
