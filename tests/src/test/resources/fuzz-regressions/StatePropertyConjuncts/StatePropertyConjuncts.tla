------------------------ MODULE StatePropertyConjuncts ------------------------
(* Found by the temporal fuzz profile: a state-level PROPERTY is split into   *)
(* its conjuncts (nested conjunctions too), each checked on the initial       *)
(* states and named by its position; finalspec checked the whole body as one  *)
(* predicate named Prop.  Here the conjunct x = 1 fails: "Property line 12,   *)
(* col 22 to line 12, col 26 of module StatePropertyConjuncts is violated by  *)
(* the initial state".                                                       *)
VARIABLE x
Init == x = 0
Next == UNCHANGED x
Spec == Init /\ [][Next]_x
Prop == (x = 0) /\ ((x = 1) /\ TRUE)
=============================================================================
