--------------------- MODULE UnchangedInStepQuantifier ---------------------
(* Found by the temporal fuzz profile: [][\E s \in S : A(s)]_vars with an     *)
(* action A that is UNCHANGED x.  The \E became a method of its own that did  *)
(* not take the step's next state, and the generator stopped with "internal   *)
(* error: primed variable x outside an action".  TLC: the property holds.    *)
EXTENDS Naturals
VARIABLE x
A(s) == UNCHANGED x
Init == x = 0
Next == x < 2 /\ x' = x + 1
Spec == Init /\ [][Next]_x
Prop == [][\E s \in {1, 2} : A(s) \/ x' = x + s]_x
=============================================================================
