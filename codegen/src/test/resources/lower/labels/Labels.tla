---------------------------- MODULE Labels ----------------------------
(* One disjunct of Next per labelling case the oracle documents. *)
EXTENDS Naturals, Sequences, FiniteSets
CONSTANTS Limit
VARIABLES x, inbox, queue
vars == <<x, inbox, queue>>

Init == x = 0 /\ inbox = {1, 2} /\ queue = <<3, 4>>

Two == 2

Inc(n) == x + n <= Limit /\ x' = x + n /\ UNCHANGED <<inbox, queue>>

Outer(n) == Inc(n + 10)

Split(a) == \/ /\ a = 1 /\ x' = x + a /\ UNCHANGED <<inbox, queue>>
            \/ \E k \in {a, a + 1} : Inc(k)

Receive(m) == inbox' = inbox \ {m} /\ UNCHANGED <<x, queue>>

Take(v) == queue # <<>> /\ queue' = Tail(queue) /\ x' = v /\ UNCHANGED inbox

Put(S) == Cardinality(S) = 1 /\ inbox' = inbox \cup S /\ UNCHANGED <<x, queue>>

Tick == x' = 0 /\ UNCHANGED <<inbox, queue>>

Pair(a, b) == x' = a * b /\ UNCHANGED <<inbox, queue>>

Next ==
  \/ \E n \in 1..2 : Inc(n)
  \/ Inc(Two)
  \/ Outer(0)
  \/ Split(1)
  \/ \E m \in inbox : Receive(m)
  \/ queue # <<>> /\ Take(Head(queue))
  \/ Take(Len(queue))
  \/ \E S \in SUBSET {7, 8} : Put(S)
  \/ Tick
  \/ \E i \in 1..2 : x' = x + i /\ UNCHANGED <<inbox, queue>>
  \/ LET d == 3 IN Inc(d)
  \/ \E a \in {1}, b \in {2, 3} : Pair(a, b)
  \/ \E r \in [f : {1, 2}] : Pair(r.f, 1)

Spec == Init /\ [][Next]_vars
=============================================================================
