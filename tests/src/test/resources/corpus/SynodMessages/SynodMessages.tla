---------------------------- MODULE SynodMessages ----------------------------
(* Single-decree Paxos (the synod protocol) written in the message-set style:
   every message ever sent stays in msgs, and each action finds the messages
   it reacts to with quantifiers over msgs and set comprehensions.  A proposer
   of ballot b picks a subset S of the promises for b that covers a majority
   (\E S \in SUBSET ...) and proposes the value of the highest vote reported
   in S, or any value when S reports none.  TypeOK checks membership in
   function sets and in SUBSET of a union of record sets, and Agreement asks
   that no two values are ever chosen.                                       *)
EXTENDS Integers, FiniteSets

CONSTANTS Acceptor, Value, MaxBal, None

ASSUME /\ MaxBal \in Nat
       /\ None \notin Value

Ballot == 0..MaxBal
NoBal == -1

Majority == {Q \in SUBSET Acceptor : 2 * Cardinality(Q) > Cardinality(Acceptor)}

Message ==
       [kind : {"prepare"}, bal : Ballot]
  \cup [kind : {"promise"}, from : Acceptor, bal : Ballot,
        vbal : Ballot \cup {NoBal}, vval : Value \cup {None}]
  \cup [kind : {"propose"}, bal : Ballot, val : Value]
  \cup [kind : {"accepted"}, from : Acceptor, bal : Ballot, val : Value]

VARIABLES promised, votedBal, votedVal, msgs

vars == <<promised, votedBal, votedVal, msgs>>

TypeOK ==
  /\ promised \in [Acceptor -> Ballot \cup {NoBal}]
  /\ votedBal \in [Acceptor -> Ballot \cup {NoBal}]
  /\ votedVal \in [Acceptor -> Value \cup {None}]
  /\ msgs \in SUBSET Message

Init ==
  /\ promised = [a \in Acceptor |-> NoBal]
  /\ votedBal = [a \in Acceptor |-> NoBal]
  /\ votedVal = [a \in Acceptor |-> None]
  /\ msgs = {}

Send(m) == msgs' = msgs \cup {m}

Prepare(b) ==
  /\ Send([kind |-> "prepare", bal |-> b])
  /\ UNCHANGED <<promised, votedBal, votedVal>>

Promise(a) ==
  \E m \in msgs :
    /\ m.kind = "prepare"
    /\ m.bal > promised[a]
    /\ promised' = [promised EXCEPT ![a] = m.bal]
    /\ Send([kind |-> "promise", from |-> a, bal |-> m.bal,
             vbal |-> votedBal[a], vval |-> votedVal[a]])
    /\ UNCHANGED <<votedBal, votedVal>>

\* The value a proposer may propose given the promises S it heard.
SafeIn(S, v) ==
  LET voted == {m \in S : m.vbal # NoBal}
  IN  \/ voted = {}
      \/ \E m \in voted : /\ m.vval = v
                          /\ \A m2 \in voted : m2.vbal <= m.vbal

Propose(b) ==
  /\ ~ \E m \in msgs : m.kind = "propose" /\ m.bal = b
  /\ \E Q \in Majority,
        S \in SUBSET {m \in msgs : m.kind = "promise" /\ m.bal = b} :
       /\ \A a \in Q : \E m \in S : m.from = a
       /\ \E v \in Value :
            /\ SafeIn(S, v)
            /\ Send([kind |-> "propose", bal |-> b, val |-> v])
  /\ UNCHANGED <<promised, votedBal, votedVal>>

Accept(a) ==
  \E m \in msgs :
    /\ m.kind = "propose"
    /\ m.bal >= promised[a]
    /\ promised' = [promised EXCEPT ![a] = m.bal]
    /\ votedBal' = [votedBal EXCEPT ![a] = m.bal]
    /\ votedVal' = [votedVal EXCEPT ![a] = m.val]
    /\ Send([kind |-> "accepted", from |-> a, bal |-> m.bal, val |-> m.val])

Next == \/ \E b \in Ballot : Prepare(b) \/ Propose(b)
        \/ \E a \in Acceptor : Promise(a) \/ Accept(a)

Spec == Init /\ [][Next]_vars

AcceptedBy(b, v) ==
  {m.from : m \in {x \in msgs : x.kind = "accepted" /\ x.bal = b /\ x.val = v}}

Chosen(v) == \E b \in Ballot, Q \in Majority : Q \subseteq AcceptedBy(b, v)

Agreement == \A v, w \in Value : Chosen(v) /\ Chosen(w) => v = w

PromiseCoversVote == \A a \in Acceptor : votedBal[a] <= promised[a]
=============================================================================
