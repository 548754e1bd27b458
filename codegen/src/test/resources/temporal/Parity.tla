------------------------------- MODULE Parity -------------------------------
(* A counter modulo 4 whose parity refines Jumper's bit: the properties     *)
(* are Jumper's specs through an instance with a substitution, so TLC       *)
(* evaluates their WF/SF's ENABLED over Jumper's own variable.              *)
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x' = (x + 1) % 4
Spec == Init /\ [][Next]_x /\ WF_x(Next)
Bit == INSTANCE Jumper WITH n <- x % 2
JumpFair == Bit!JumpFair
FlipFair == Bit!FlipFair
PickFair == Bit!PickFair
IdleFair == Bit!IdleFair
=============================================================================
