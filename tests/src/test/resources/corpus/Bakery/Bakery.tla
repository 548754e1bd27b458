------------------------------- MODULE Bakery -------------------------------
(* Lamport's bakery algorithm with a bound on ticket numbers.  Choosing a
   ticket and scanning the other processes are modelled as fine-grained
   steps; a process whose next ticket would exceed MaxTicket gives up and
   returns to its noncritical section.                                    *)
EXTENDS Naturals, FiniteSets

CONSTANTS N, MaxTicket

ASSUME /\ N \in Nat \ {0}
       /\ MaxTicket \in Nat \ {0}

Procs == 1..N

VARIABLES num, choosing, pc, scan, maxSeen

vars == <<num, choosing, pc, scan, maxSeen>>

Labels == {"ncs", "read", "pick", "check", "cs"}

TypeOK ==
  /\ num \in [Procs -> 0..MaxTicket]
  /\ choosing \in [Procs -> BOOLEAN]
  /\ pc \in [Procs -> Labels]
  /\ scan \in [Procs -> SUBSET Procs]
  /\ maxSeen \in [Procs -> 0..MaxTicket]

\* lexicographic order on <<ticket, id>> pairs
LessThan(a, b) == \/ a[1] < b[1]
                  \/ /\ a[1] = b[1]
                     /\ a[2] < b[2]

Init ==
  /\ num = [p \in Procs |-> 0]
  /\ choosing = [p \in Procs |-> FALSE]
  /\ pc = [p \in Procs |-> "ncs"]
  /\ scan = [p \in Procs |-> {}]
  /\ maxSeen = [p \in Procs |-> 0]

Enter(p) ==
  /\ pc[p] = "ncs"
  /\ choosing' = [choosing EXCEPT ![p] = TRUE]
  /\ scan' = [scan EXCEPT ![p] = Procs \ {p}]
  /\ maxSeen' = [maxSeen EXCEPT ![p] = 0]
  /\ pc' = [pc EXCEPT ![p] = "read"]
  /\ UNCHANGED num

\* read the ticket of one other process, remembering the largest
ReadOne(p) ==
  /\ pc[p] = "read"
  /\ \/ /\ scan[p] # {}
        /\ \E q \in scan[p] :
              /\ maxSeen' = [maxSeen EXCEPT ![p] = IF num[q] > @ THEN num[q] ELSE @]
              /\ scan' = [scan EXCEPT ![p] = @ \ {q}]
        /\ UNCHANGED pc
     \/ /\ scan[p] = {}
        /\ pc' = [pc EXCEPT ![p] = "pick"]
        /\ UNCHANGED <<scan, maxSeen>>
  /\ UNCHANGED <<num, choosing>>

Pick(p) ==
  /\ pc[p] = "pick"
  /\ maxSeen[p] < MaxTicket          \* bounded tickets: otherwise wait
  /\ num' = [num EXCEPT ![p] = maxSeen[p] + 1]
  /\ choosing' = [choosing EXCEPT ![p] = FALSE]
  /\ scan' = [scan EXCEPT ![p] = Procs \ {p}]
  /\ pc' = [pc EXCEPT ![p] = "check"]
  /\ UNCHANGED maxSeen

\* a ticket would overflow: abandon the attempt and start over later
GiveUp(p) ==
  /\ pc[p] = "pick"
  /\ maxSeen[p] = MaxTicket
  /\ choosing' = [choosing EXCEPT ![p] = FALSE]
  /\ pc' = [pc EXCEPT ![p] = "ncs"]
  /\ UNCHANGED <<num, scan, maxSeen>>

Check(p) ==
  /\ pc[p] = "check"
  /\ IF scan[p] = {}
       THEN /\ pc' = [pc EXCEPT ![p] = "cs"]
            /\ UNCHANGED scan
       ELSE \E q \in scan[p] :
              /\ ~choosing[q]
              /\ \/ num[q] = 0
                 \/ LessThan(<<num[p], p>>, <<num[q], q>>)
              /\ scan' = [scan EXCEPT ![p] = @ \ {q}]
              /\ UNCHANGED pc
  /\ UNCHANGED <<num, choosing, maxSeen>>

Exit(p) ==
  /\ pc[p] = "cs"
  /\ num' = [num EXCEPT ![p] = 0]
  /\ pc' = [pc EXCEPT ![p] = "ncs"]
  /\ UNCHANGED <<choosing, scan, maxSeen>>

Next == \E p \in Procs : Enter(p) \/ ReadOne(p) \/ Pick(p) \/ GiveUp(p) \/ Check(p) \/ Exit(p)

Spec == Init /\ [][Next]_vars

MutualExclusion ==
  \A p, q \in Procs : (p # q) => ~(pc[p] = "cs" /\ pc[q] = "cs")

InCS == {p \in Procs : pc[p] = "cs"}
AtMostOne == Cardinality(InCS) <= 1
=============================================================================
