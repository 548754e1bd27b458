-------------------------------- MODULE Queue -------------------------------
(* A reusable FIFO queue over a variable q with capacity Capacity.
   It has no Init/Next of its own; it is meant to be instantiated.       *)
EXTENDS Naturals, Sequences

CONSTANT Capacity
VARIABLE q

Empty == q = <<>>
Full == Len(q) >= Capacity
Front == Head(q)
Size == Len(q)

Enq(x) == /\ ~Full
          /\ q' = Append(q, x)

Deq == /\ ~Empty
       /\ q' = Tail(q)

Wellformed(S) == /\ Len(q) <= Capacity
                 /\ \A i \in 1..Len(q) : q[i] \in S
=============================================================================
