----------------------------- MODULE RingLeader -----------------------------
(* Leader election on a unidirectional ring in the style of Chang and
   Roberts.  Node i sends to node (i+1) % N through a FIFO channel.  Every
   initial assignment of distinct identifiers is explored.               *)
EXTENDS Naturals, Sequences, FiniteSets

CONSTANT N

ASSUME N \in 2..5

Nodes == 0..(N - 1)
Succ(i) == (i + 1) % N

\* all injective id assignments (ids are 1..N)
Perms == {f \in [Nodes -> 1..N] : \A i, j \in Nodes : i # j => f[i] # f[j]}

VARIABLES id, chan, state, sent

vars == <<id, chan, state, sent>>

TypeOK ==
  /\ id \in Perms
  /\ chan \in [Nodes -> Seq(1..N)]
  /\ state \in [Nodes -> {"candidate", "lost", "leader"}]
  /\ sent \in [Nodes -> BOOLEAN]

Init ==
  /\ id \in Perms
  /\ chan = [i \in Nodes |-> <<>>]
  /\ state = [i \in Nodes |-> "candidate"]
  /\ sent = [i \in Nodes |-> FALSE]

\* a node announces its own id once
Announce(i) ==
  /\ ~sent[i]
  /\ sent' = [sent EXCEPT ![i] = TRUE]
  /\ chan' = [chan EXCEPT ![Succ(i)] = Append(@, id[i])]
  /\ UNCHANGED <<id, state>>

\* node i handles the message at the head of its incoming channel
Receive(i) ==
  /\ chan[i] # <<>>
  /\ LET x == Head(chan[i])
         rest == [chan EXCEPT ![i] = Tail(@)]
     IN  CASE x > id[i] ->
                /\ chan' = [rest EXCEPT ![Succ(i)] = Append(@, x)]
                /\ state' = [state EXCEPT ![i] = "lost"]
           [] x < id[i] ->
                /\ chan' = rest
                /\ UNCHANGED state
           [] OTHER ->
                /\ chan' = rest
                /\ state' = [state EXCEPT ![i] = "leader"]
  /\ UNCHANGED <<id, sent>>

Quiet == /\ \A i \in Nodes : sent[i] /\ chan[i] = <<>>
         /\ UNCHANGED vars

Next == \/ \E i \in Nodes : Announce(i) \/ Receive(i)
        \/ Quiet

Spec == Init /\ [][Next]_vars

Leaders == {i \in Nodes : state[i] = "leader"}

AtMostOneLeader == Cardinality(Leaders) <= 1

LeaderHasMaxId == \A i \in Leaders : id[i] = N

ElectedAtEnd ==
  (\A i \in Nodes : sent[i] /\ chan[i] = <<>>) => Cardinality(Leaders) = 1

ChannelsSmall == \A i \in Nodes : Len(chan[i]) <= N
=============================================================================
