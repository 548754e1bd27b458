------------------------------ MODULE Stage --------------------------------
(* A processing stage between two buffers: it takes an item from its     *)
(* input, applies Work and puts the result on its output.  The buffers   *)
(* are two instances of the same module, with different variables.       *)
EXTENDS Naturals

CONSTANTS Cap, Work(_)
VARIABLES in, out, count

Inp == INSTANCE Buffer WITH buf <- in
Outp == INSTANCE Buffer WITH buf <- out

TypeOK == Inp!TypeOK /\ Outp!TypeOK /\ count \in Nat

\* Both buffers change in one step: the item moves through the stage.
Process ==
  /\ Inp!CanTake
  /\ Outp!Put(Work(Inp!Front(in)))
  /\ Inp!Take
  /\ count' = count + 1
=============================================================================
