----------------------------- MODULE MultiDecree -----------------------------
(* Multi-decree Paxos over a few log slots, with one phase 1 per ballot for
   every slot at once: a "1b" message carries the acceptor's latest vote in
   each slot as a set of [slot, bal, val] records.  Messages are records
   [type |-> ..., ...] kept in a set that only grows; the leader of a ballot
   gathers "1b" messages with set comprehensions and the union of their
   reported votes.  Agreement: no slot ever has two chosen values.          *)
EXTENDS Integers, FiniteSets

CONSTANTS Acceptor, Value, Slot, MaxBal

ASSUME MaxBal \in Nat

Ballot == 0..MaxBal

Majority == {Q \in SUBSET Acceptor : 2 * Cardinality(Q) > Cardinality(Acceptor)}

Vote == [slot : Slot, bal : Ballot, val : Value]

Message ==
       [type : {"1a"}, bal : Ballot]
  \cup [type : {"1b"}, from : Acceptor, bal : Ballot, votes : SUBSET Vote]
  \cup [type : {"2a"}, bal : Ballot, slot : Slot, val : Value]
  \cup [type : {"2b"}, from : Acceptor, bal : Ballot, slot : Slot, val : Value]

VARIABLES maxBal, lastVotes, msgs

vars == <<maxBal, lastVotes, msgs>>

TypeOK ==
  /\ maxBal \in [Acceptor -> Ballot \cup {-1}]
  /\ lastVotes \in [Acceptor -> SUBSET Vote]
  /\ msgs \subseteq Message

Init ==
  /\ maxBal = [a \in Acceptor |-> -1]
  /\ lastVotes = [a \in Acceptor |-> {}]
  /\ msgs = {}

Send(m) == msgs' = msgs \cup {m}

StartBallot(b) ==
  /\ ~ \E m \in msgs : m.type = "1a" /\ m.bal = b
  /\ Send([type |-> "1a", bal |-> b])
  /\ UNCHANGED <<maxBal, lastVotes>>

JoinBallot(a) ==
  \E m \in msgs :
    /\ m.type = "1a"
    /\ m.bal > maxBal[a]
    /\ maxBal' = [maxBal EXCEPT ![a] = m.bal]
    /\ Send([type |-> "1b", from |-> a, bal |-> m.bal, votes |-> lastVotes[a]])
    /\ UNCHANGED lastVotes

\* The "1b" messages of ballot b from the acceptors of Q.
JoinsFrom(b, Q) == {m \in msgs : m.type = "1b" /\ m.bal = b /\ m.from \in Q}

\* The votes in slot s that the joins J report.
ReportedIn(J, s) == {r \in UNION {m.votes : m \in J} : r.slot = s}

Safe(J, s, v) ==
  LET reported == ReportedIn(J, s)
  IN  \/ reported = {}
      \/ \E r \in reported : /\ r.val = v
                             /\ \A r2 \in reported : r2.bal <= r.bal

Propose(b, s) ==
  /\ ~ \E m \in msgs : m.type = "2a" /\ m.bal = b /\ m.slot = s
  /\ \E Q \in Majority :
       LET J == JoinsFrom(b, Q)
       IN  /\ {m.from : m \in J} = Q
           /\ \E v \in Value : Safe(J, s, v)
                               /\ Send([type |-> "2a", bal |-> b, slot |-> s, val |-> v])
  /\ UNCHANGED <<maxBal, lastVotes>>

CastVote(a) ==
  \E m \in msgs :
    /\ m.type = "2a"
    /\ m.bal >= maxBal[a]
    /\ maxBal' = [maxBal EXCEPT ![a] = m.bal]
    /\ lastVotes' = [lastVotes EXCEPT ![a] =
                       {r \in @ : r.slot # m.slot}
                         \cup {[slot |-> m.slot, bal |-> m.bal, val |-> m.val]}]
    /\ Send([type |-> "2b", from |-> a, bal |-> m.bal, slot |-> m.slot, val |-> m.val])

Next == \/ \E b \in Ballot : \/ StartBallot(b)
                             \/ \E s \in Slot : Propose(b, s)
        \/ \E a \in Acceptor : JoinBallot(a) \/ CastVote(a)

Spec == Init /\ [][Next]_vars

ChosenIn(s, v) ==
  \E b \in Ballot, Q \in Majority :
    \A a \in Q : [type |-> "2b", from |-> a, bal |-> b, slot |-> s, val |-> v] \in msgs

Agreement == \A s \in Slot : \A v, w \in Value : ChosenIn(s, v) /\ ChosenIn(s, w) => v = w

VotesBelowMaxBal == \A a \in Acceptor : \A r \in lastVotes[a] : r.bal <= maxBal[a]
=============================================================================
