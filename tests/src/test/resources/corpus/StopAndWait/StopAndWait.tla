---------------------------- MODULE StopAndWait ----------------------------
(***************************************************************************)
(* Stop-and-wait transfer of a file of Count blocks over lossy links.     *)
(* The sender keeps one block in flight, tagged with a sequence number;   *)
(* it retransmits until the matching ack comes back.  Sequence numbers    *)
(* advance by the operator constant NextSeq, so one model can use a       *)
(* single alternating bit and another a wider counter.  Links hold at     *)
(* most one message and may lose it at any time.                          *)
(***************************************************************************)
EXTENDS Naturals, Sequences

CONSTANTS Count, Seqs, NextSeq(_), LinkCap

ASSUME Count \in Nat \ {0}
ASSUME LinkCap \in Nat \ {0}
ASSUME \A s \in Seqs : NextSeq(s) \in Seqs /\ NextSeq(s) # s

VARIABLES sent, sseq, received, rseq, dataLink, ackLink

vars == <<sent, sseq, received, rseq, dataLink, ackLink>>

FirstSeq == CHOOSE s \in Seqs : \A t \in Seqs : s <= t

\* A FIFO link of at most LinkCap messages.
Link(M) == UNION {[1..n -> M] : n \in 0..LinkCap}

\* Drop the i-th message of a link.
Drop(l, i) == [j \in 1..(Len(l) - 1) |-> IF j < i THEN l[j] ELSE l[j + 1]]

TypeOK ==
  /\ sent \in 0..Count                 \* blocks acknowledged so far
  /\ sseq \in Seqs
  /\ received \in Seq(1..Count)
  /\ rseq \in Seqs                      \* the sequence number expected next
  /\ dataLink \in Link([seq : Seqs, blk : 1..Count])
  /\ ackLink \in Link(Seqs)

Init ==
  /\ sent = 0
  /\ sseq = FirstSeq
  /\ received = << >>
  /\ rseq = FirstSeq
  /\ dataLink = << >>
  /\ ackLink = << >>

\* (Re)transmit the current block while the link has room.
Send ==
  /\ sent < Count
  /\ Len(dataLink) < LinkCap
  /\ dataLink' = Append(dataLink, [seq |-> sseq, blk |-> sent + 1])
  /\ UNCHANGED <<sent, sseq, received, rseq, ackLink>>

\* The receiver takes a block; it keeps it only if it is the expected one,
\* and acks the number it got either way (if the ack link has room).
Receive ==
  /\ dataLink # << >>
  /\ Len(ackLink) < LinkCap
  /\ LET m == Head(dataLink)
     IN  /\ IF m.seq = rseq
              THEN /\ received' = Append(received, m.blk)
                   /\ rseq' = NextSeq(rseq)
              ELSE UNCHANGED <<received, rseq>>
         /\ ackLink' = Append(ackLink, m.seq)
  /\ dataLink' = Tail(dataLink)
  /\ UNCHANGED <<sent, sseq>>

GetAck ==
  /\ ackLink # << >>
  /\ IF Head(ackLink) = sseq
       THEN /\ sent' = sent + 1
            /\ sseq' = NextSeq(sseq)
       ELSE UNCHANGED <<sent, sseq>>
  /\ ackLink' = Tail(ackLink)
  /\ UNCHANGED <<received, rseq, dataLink>>

Lose ==
  \/ \E i \in 1..Len(dataLink) :
       /\ dataLink' = Drop(dataLink, i)
       /\ UNCHANGED <<sent, sseq, received, rseq, ackLink>>
  \/ \E i \in 1..Len(ackLink) :
       /\ ackLink' = Drop(ackLink, i)
       /\ UNCHANGED <<sent, sseq, received, rseq, dataLink>>

\* The transfer is over: stutter instead of deadlocking.
Finished == sent = Count /\ UNCHANGED vars

Next == Send \/ Receive \/ GetAck \/ Lose \/ Finished

\* Losses may go on forever unless delivery is strongly fair: Receive and
\* GetAck are disabled each time a message is lost.
FairSpec ==
  /\ Init
  /\ [][Next]_vars
  /\ WF_vars(Send)
  /\ SF_vars(Receive)
  /\ SF_vars(GetAck)

\* The receiver's file is a prefix of 1..Count, never a duplicate.
InOrder == \A i \in 1..Len(received) : received[i] = i
\* The sender is never ahead of the receiver.
AckedReceived == sent <= Len(received)
\* Every block arrives.
Complete == <>(Len(received) = Count)
=============================================================================
