Text before the header is ignored, even "unbalanced quotes and (* comments.
---------------------------- MODULE Comments ----------------------------
(* A block comment (* with a nested one *) and more *)
\* A line comment with /\ bullets and \/ in it
(***************************************************************************)
(* --algorithm Counter {                                                   *)
(*   variables x = 0;                                                      *)
(*   { while (TRUE) { x := x + 1 } }                                       *)
(* }                                                                       *)
(***************************************************************************)
A == /\ a   \* trailing comment
     (* a comment between bullets *)
     /\ b   (* block *) /\ c
B == 1 (* inline *) + 2
-----------------------------------------------------------------------------
C == "a string with (* not a comment *) and \\ a backslash"
=============================================================================
Anything after the end is ignored too: ==== "
