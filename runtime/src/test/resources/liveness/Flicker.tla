---- MODULE Flicker ----
EXTENDS Naturals
VARIABLES x, y
Init == x = 0 /\ y = FALSE
Toggle == x' = 1 - x /\ y' = y
Catch == x = 0 /\ ~y /\ y' = TRUE /\ x' = x
Next == Toggle \/ Catch
Weak == Init /\ [][Next]_<<x, y>> /\ WF_<<x, y>>(Toggle) /\ WF_<<x, y>>(Catch)
Strong == Init /\ [][Next]_<<x, y>> /\ WF_<<x, y>>(Toggle) /\ SF_<<x, y>>(Catch)
Caught == <>y
StaysCaught == <>[]y
====
