------------------------------ MODULE Buffer -------------------------------
(* One bounded FIFO buffer of capacity Cap, as a variable.  It EXTENDS a  *)
(* user module (FifoOps), so an INSTANCE of Buffer sees FifoOps too.      *)
EXTENDS FifoOps

CONSTANT Cap
VARIABLE buf

TypeOK == buf \in Seq(Nat) /\ Len(buf) <= Cap

CanPut == ~Full(buf, Cap)
Put(x) == CanPut /\ buf' = Push(buf, x)
CanTake == buf # << >>
Take == CanTake /\ buf' = Rest(buf)
Next == Take
=============================================================================
