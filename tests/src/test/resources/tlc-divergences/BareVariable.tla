---------------------------- MODULE BareVariable ----------------------------
(* A property that is a boolean variable (or a definition equal to one):    *)
(* TLC 2.18 refuses it before the search ("The operator b, which equals ..., *)
(* cannot be used as a property"); finalspec checks it on the initial states *)
(* as it checks any state predicate named as a property.                    *)
VARIABLE b
Init == b = TRUE
Next == b' = ~b
Spec == Init /\ [][Next]_b
Holds == b
=============================================================================
