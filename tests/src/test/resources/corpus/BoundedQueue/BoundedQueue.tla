---------------------------- MODULE BoundedQueue ----------------------------
(* A producer/consumer buffer of bounded capacity.  Besides plain put and
   get, the producer may push a pair with \o, the consumer may take a batch
   with SubSeq, and a cleaner purges negative entries with SelectSeq.      *)
EXTENDS Integers, Sequences

CONSTANTS Cap, Vals

ASSUME /\ Cap \in Nat \ {0}
       /\ Vals \subseteq Int

VARIABLES buf, taken, lastOut

vars == <<buf, taken, lastOut>>

\* higher-order helpers: an operator is passed as an argument
Count(s, P(_)) == Len(SelectSeq(s, P))
Keep(s, P(_)) == SelectSeq(s, P)

IsNeg(x) == x < 0

\* the config cannot spell negative numbers; it substitutes Vals <- SmallVals
SmallVals == {-1, 0, 2}

TypeOK ==
  /\ Len(buf) \in 0..Cap
  /\ \A i \in 1..Len(buf) : buf[i] \in Vals
  /\ taken \in 0..3
  /\ lastOut \in Vals \cup {0}

Init ==
  /\ buf = <<>>
  /\ taken = 0
  /\ lastOut = 0

Put(v) ==
  /\ Len(buf) < Cap
  /\ buf' = Append(buf, v)
  /\ UNCHANGED <<taken, lastOut>>

PutPair(v, w) ==
  /\ Len(buf) + 2 <= Cap
  /\ buf' = buf \o <<v, w>>
  /\ UNCHANGED <<taken, lastOut>>

Get ==
  /\ buf # <<>>
  /\ lastOut' = Head(buf)
  /\ buf' = Tail(buf)
  /\ taken' = (taken + 1) % 4

\* consume the first k elements at once
GetBatch(k) ==
  /\ k \in 2..Len(buf)
  /\ lastOut' = buf[k]
  /\ buf' = SubSeq(buf, k + 1, Len(buf))
  /\ taken' = (taken + k) % 4

Purge ==
  /\ Count(buf, IsNeg) > 0
  /\ buf' = Keep(buf, LAMBDA x : ~IsNeg(x))
  /\ UNCHANGED <<taken, lastOut>>

Next ==
  \/ \E v \in Vals : Put(v)
  \/ \E <<v, w>> \in Vals \X Vals : PutPair(v, w)
  \/ Get
  \/ \E k \in 2..Cap : GetBatch(k)
  \/ Purge

Spec == Init /\ [][Next]_vars

Bounded == Len(buf) <= Cap

\* SubSeq/Tail/\o agree with each other on the current buffer
SeqLaws ==
  /\ buf = SubSeq(buf, 1, Len(buf))
  /\ buf # <<>> => buf = <<Head(buf)>> \o Tail(buf)
  /\ Count(buf, IsNeg) + Len(Keep(buf, LAMBDA x : x >= 0)) = Len(buf)

\* wrong on purpose: the buffer does get full
NeverFull == Len(buf) < Cap
=============================================================================
