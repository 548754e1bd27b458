------------------------- MODULE ConstantLetProperty -------------------------
(* Found by the temporal fuzz profile: the LET definition names x, unused,    *)
(* so the property is constant-level for SANY but not for TLC, which counts   *)
(* every LET definition: TLC checks the conjunct on the initial states        *)
(* ("Property line 11, col 10 ... is violated by the initial state"), and     *)
(* finalspec reported "Invariant Prop is violated".                          *)
VARIABLE x
Init == x = 0
Next == UNCHANGED x
Spec == Init /\ [][Next]_x
Prop == (LET k == x IN FALSE) /\ TRUE
=============================================================================
