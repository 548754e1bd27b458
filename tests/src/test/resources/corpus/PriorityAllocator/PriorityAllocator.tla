------------------------- MODULE PriorityAllocator -------------------------
(***************************************************************************)
(* A resource allocator: clients ask for sets of resources; the          *)
(* scheduler grants a whole request at once, choosing among the waiting  *)
(* clients whose request is free by the operator constant Priority(_).   *)
(* Holders release everything.  Each client asks at most Rounds times.   *)
(* Priority and Wants are operator constants bound in the config to      *)
(* definitions of this module (Priority <- ByNumber), as models do when  *)
(* the spec leaves a policy open.                                         *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS Clients, Resources, Rounds, Priority(_), Wants(_, _)

ASSUME \A c \in Clients : Priority(c) \in Nat
ASSUME \A c \in Clients, r \in 1..Rounds : Wants(c, r) \subseteq Resources

VARIABLES asked, held, round

vars == <<asked, held, round>>

TypeOK ==
  /\ asked \in [Clients -> SUBSET Resources]
  /\ held \in [Clients -> SUBSET Resources]
  /\ round \in [Clients -> 0..Rounds]

Init ==
  /\ asked = [c \in Clients |-> {}]
  /\ held = [c \in Clients |-> {}]
  /\ round = [c \in Clients |-> 0]

InUse == UNION {held[c] : c \in Clients}

Request(c) ==
  /\ asked[c] = {} /\ held[c] = {}
  /\ round[c] < Rounds
  /\ round' = [round EXCEPT ![c] = @ + 1]
  /\ asked' = [asked EXCEPT ![c] = Wants(c, round[c] + 1)]
  /\ UNCHANGED held

\* Waiting clients whose whole request is free now.
Grantable == {c \in Clients : asked[c] # {} /\ asked[c] \cap InUse = {}}

\* The scheduler serves a grantable client of highest priority.
Grant ==
  /\ Grantable # {}
  /\ \E c \in Grantable :
       /\ \A d \in Grantable : Priority(d) <= Priority(c)
       /\ held' = [held EXCEPT ![c] = asked[c]]
       /\ asked' = [asked EXCEPT ![c] = {}]
  /\ UNCHANGED round

Release(c) ==
  /\ held[c] # {}
  /\ held' = [held EXCEPT ![c] = {}]
  /\ UNCHANGED <<asked, round>>

Finished == \A c \in Clients : round[c] = Rounds /\ asked[c] = {} /\ held[c] = {}

Next ==
  \/ Grant
  \/ \E c \in Clients : Request(c) \/ Release(c)
  \/ Finished /\ UNCHANGED vars

Spec == Init /\ [][Next]_vars

\* No resource is held by two clients.
Exclusive == \A c, d \in Clients : c # d => held[c] \cap held[d] = {}
\* A client never holds more than it asked for in its current round.
HoldsWhatItAsked == \A c \in Clients : held[c] \in {{}, Wants(c, round[c])}
\* Wrong: "a higher-priority client whose request is free never waits
\* while a lower one holds".  It forgets that a request arriving after the
\* grant waits one Grant step, however high its priority.
NoBypass ==
  \A c, d \in Clients :
    (held[c] # {} /\ asked[d] # {} /\ Priority(d) > Priority(c)) =>
      asked[d] \cap held[c] # {} \/ asked[d] \cap InUse # {}

\* Model definitions for the operator constants.
ByNumber(c) == c
Flat(c) == 0
Alternating(c, r) == IF (c + r) % 2 = 0 THEN {"disk", "net"} ELSE {"cpu"}
Everything(c, r) == {"disk", "net", "cpu"}
=============================================================================
