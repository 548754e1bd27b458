---- MODULE StringsComments ----
(* A comment (* with a nested one *) and a line comment after it *) \* here
A == "a string with (* in it"
B == "and one with \\* in it"
C == "and *) too"   \* a line comment with (* in it
(****************************************************)
(* a boxed comment                                  *)
(****************************************************)
D == (* inline (* nested (* deeply *) *) *) 1
E == "quotes \" and backslash \\ escapes"
====
