------------------------------ MODULE FifoOps ------------------------------
(* Helpers on sequences used as bounded FIFOs.  No variables: modules     *)
(* that EXTEND this one get the operators as their own.                   *)
EXTENDS Naturals, Sequences

Full(s, cap) == Len(s) >= cap
Push(s, x) == Append(s, x)
Front(s) == Head(s)
Rest(s) == Tail(s)
\* The items of a FIFO as a set.
Items(s) == {s[i] : i \in DOMAIN s}
=============================================================================
