---- MODULE Shapes ----
\* SPECIFICATION formulas in the shapes TLC accepts.
EXTENDS Naturals
VARIABLES x, y
vars == <<x, y>>
Init == x = 0 /\ y = 0
IncX == x < 2 /\ x' = x + 1 /\ UNCHANGED y
IncY == y < 2 /\ y' = y + 1 /\ UNCHANGED x
Next == IncX \/ IncY
Fair == WF_vars(IncX) /\ SF_vars(IncY)
Live == [][Next]_vars /\ Fair
Spec1 == /\ WF_vars(Next)
         /\ [][Next]_vars
         /\ Init
Spec2 == Init /\ Live
Spec3 == Spec2
Spec4 == /\ x = 0
         /\ y = 0
         /\ Live
====
