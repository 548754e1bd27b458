---- MODULE PlusCal ----
EXTENDS Naturals
VARIABLES x, pc
(* --algorithm Inc
variables x = 0;
begin
  L1: x := x + 1;
end algorithm; *)
\* BEGIN TRANSLATION
vars == << x, pc >>
Init == /\ x = 0
        /\ pc = "L1"
L1 == /\ pc = "L1"
      /\ x' = x + 1
      /\ pc' = "Done"
Next == L1 \/ (pc = "Done" /\ UNCHANGED vars)
\* END TRANSLATION
====
