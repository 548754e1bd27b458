---------------------------- MODULE QueueSystem -----------------------------
(* A two-stage pipeline: a source feeds jobs into an inbox, a worker moves
   them (incremented) to an outbox, and a sink drains the outbox.  Both
   buffers are instances of module Queue with different variables.       *)
EXTENDS Naturals, Sequences

CONSTANTS InCap, OutCap, MaxJob

VARIABLES inbox, outbox, nextJob, sunk

vars == <<inbox, outbox, nextJob, sunk>>

In  == INSTANCE Queue WITH q <- inbox, Capacity <- InCap
Out == INSTANCE Queue WITH q <- outbox, Capacity <- OutCap

Jobs == 0..MaxJob

TypeOK ==
  /\ In!Wellformed(Jobs)
  /\ Out!Wellformed(1..(MaxJob + 1))
  /\ nextJob \in 0..(MaxJob + 1)
  /\ sunk \in 0..(MaxJob + 1)

Init ==
  /\ inbox = <<>>
  /\ outbox = <<>>
  /\ nextJob = 0
  /\ sunk = 0

Produce ==
  /\ nextJob <= MaxJob
  /\ In!Enq(nextJob)
  /\ nextJob' = nextJob + 1
  /\ UNCHANGED <<outbox, sunk>>

Work ==
  /\ ~In!Empty
  /\ In!Deq
  /\ Out!Enq(In!Front + 1)
  /\ UNCHANGED <<nextJob, sunk>>

Consume ==
  /\ Out!Deq
  /\ sunk' = sunk + 1
  /\ UNCHANGED <<inbox, nextJob>>

Finished ==
  /\ nextJob > MaxJob /\ In!Empty /\ Out!Empty
  /\ UNCHANGED vars

Next == Produce \/ Work \/ Consume \/ Finished

Spec == Init /\ [][Next]_vars

\* every job is somewhere: not yet produced, queued, or sunk
Accounted == nextJob = In!Size + Out!Size + sunk

\* jobs leave in the order they were produced
InOrder ==
  /\ \A i \in 1..(Len(outbox) - 1) : outbox[i] < outbox[i + 1]
  /\ (outbox # <<>> /\ inbox # <<>>) => Out!Front <= In!Front
=============================================================================
