------------------------ MODULE TriviallyFalseProperty ------------------------
(* Found by the temporal fuzz profile: a PROPERTY with the conjunct FALSE     *)
(* (here inside a nested conjunction) makes TLC stop before the search: "The  *)
(* spec is trivially false because FALSE is false."; finalspec reported the   *)
(* property violated by the initial state.                                   *)
VARIABLE x
Init == x = 0
Next == UNCHANGED x
Spec == Init /\ [][Next]_x
Prop == [](x = 0) /\ (x = 0 /\ FALSE)
=============================================================================
