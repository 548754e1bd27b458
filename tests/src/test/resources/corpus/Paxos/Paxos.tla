-------------------------------- MODULE Paxos -------------------------------
(* Single-decree Paxos with a message set and tiny bounds.  Ballot -1
   stands for "none".  QuorumSize is a constant so that the _violation
   config can use quorums that do not intersect.                         *)
EXTENDS Integers, FiniteSets

CONSTANTS Acceptors, Values, MaxBallot, QuorumSize, None

ASSUME /\ MaxBallot \in Nat
       /\ QuorumSize \in 1..Cardinality(Acceptors)
       /\ None \notin Values

Ballots == 0..MaxBallot

Quorums == {Q \in SUBSET Acceptors : Cardinality(Q) = QuorumSize}

Messages ==
       [type : {"1a"}, bal : Ballots]
  \cup [type : {"1b"}, acc : Acceptors, bal : Ballots,
        mbal : Ballots \cup {-1}, mval : Values \cup {None}]
  \cup [type : {"2a"}, bal : Ballots, val : Values]
  \cup [type : {"2b"}, acc : Acceptors, bal : Ballots, val : Values]

VARIABLES maxBal, maxVBal, maxVal, msgs

vars == <<maxBal, maxVBal, maxVal, msgs>>

TypeOK ==
  /\ maxBal \in [Acceptors -> Ballots \cup {-1}]
  /\ maxVBal \in [Acceptors -> Ballots \cup {-1}]
  /\ maxVal \in [Acceptors -> Values \cup {None}]
  /\ msgs \subseteq Messages

Init ==
  /\ maxBal = [a \in Acceptors |-> -1]
  /\ maxVBal = [a \in Acceptors |-> -1]
  /\ maxVal = [a \in Acceptors |-> None]
  /\ msgs = {}

Send(m) == msgs' = msgs \cup {m}

Prepare(b) ==
  /\ ~\E m \in msgs : m.type = "1a" /\ m.bal = b
  /\ Send([type |-> "1a", bal |-> b])
  /\ UNCHANGED <<maxBal, maxVBal, maxVal>>

Promise(a) ==
  \E m \in msgs :
     /\ m.type = "1a"
     /\ m.bal > maxBal[a]
     /\ maxBal' = [maxBal EXCEPT ![a] = m.bal]
     /\ Send([type |-> "1b", acc |-> a, bal |-> m.bal,
              mbal |-> maxVBal[a], mval |-> maxVal[a]])
     /\ UNCHANGED <<maxVBal, maxVal>>

Accept(b, v) ==
  /\ ~\E m \in msgs : m.type = "2a" /\ m.bal = b
  /\ \E Q \in Quorums :
       LET replies == {m \in msgs : m.type = "1b" /\ m.bal = b /\ m.acc \in Q}
           voted   == {m \in replies : m.mbal >= 0}
       IN  /\ \A a \in Q : \E m \in replies : m.acc = a
           /\ \/ voted = {}
              \/ \E m \in voted :
                    /\ m.mval = v
                    /\ \A m2 \in voted : m2.mbal <= m.mbal
  /\ Send([type |-> "2a", bal |-> b, val |-> v])
  /\ UNCHANGED <<maxBal, maxVBal, maxVal>>

Vote(a) ==
  \E m \in msgs :
     /\ m.type = "2a"
     /\ m.bal >= maxBal[a]
     /\ maxBal' = [maxBal EXCEPT ![a] = m.bal]
     /\ maxVBal' = [maxVBal EXCEPT ![a] = m.bal]
     /\ maxVal' = [maxVal EXCEPT ![a] = m.val]
     /\ Send([type |-> "2b", acc |-> a, bal |-> m.bal, val |-> m.val])

Next == \/ \E b \in Ballots : \/ Prepare(b)
                              \/ \E v \in Values : Accept(b, v)
        \/ \E a \in Acceptors : Promise(a) \/ Vote(a)

Spec == Init /\ [][Next]_vars

VotedFor(a, b, v) == [type |-> "2b", acc |-> a, bal |-> b, val |-> v] \in msgs

Chosen == {v \in Values : \E b \in Ballots, Q \in Quorums :
                             \A a \in Q : VotedFor(a, b, v)}

Agreement == Cardinality(Chosen) <= 1
=============================================================================
