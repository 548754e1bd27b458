---- MODULE LiveFlicker ----
\* A signal flickers between two levels; a catcher can only act while it is low. Under weak
\* fairness the catcher may never act (it is never continuously enabled); strong fairness forces it.
EXTENDS Naturals
VARIABLES level, caught
vars == <<level, caught>>
Init == level = 0 /\ caught = FALSE
Toggle == level' = 1 - level /\ UNCHANGED caught
Catch == level = 0 /\ ~caught /\ caught' = TRUE /\ UNCHANGED level
Next == Toggle \/ Catch
WeakSpec == Init /\ [][Next]_vars /\ WF_vars(Toggle) /\ WF_vars(Catch)
StrongSpec == Init /\ [][Next]_vars /\ WF_vars(Toggle) /\ SF_vars(Catch)
EventuallyCaught == <>caught
StaysCaught == <>[]caught
Live == EventuallyCaught /\ StaysCaught
====
