---------------------------- MODULE TrafficLight ----------------------------
(* A crossing of a north-south and an east-west road with a pedestrian
   button.  The controller cycles through phases driven by a timer; the
   colour of each light is derived from the phase with CASE.              *)
EXTENDS Naturals

CONSTANTS GreenTime, YellowTime

ASSUME GreenTime \in 1..5 /\ YellowTime \in 1..3

Phases == {"nsGreen", "nsYellow", "allRed1", "ewGreen", "ewYellow", "allRed2", "walk"}

VARIABLES phase, timer, button

vars == <<phase, timer, button>>

TypeOK ==
  /\ phase \in Phases
  /\ timer \in 0..GreenTime
  /\ button \in BOOLEAN

NS == CASE phase = "nsGreen"  -> "green"
        [] phase = "nsYellow" -> "yellow"
        [] OTHER              -> "red"

EW == CASE phase = "ewGreen"  -> "green"
        [] phase = "ewYellow" -> "yellow"
        [] OTHER              -> "red"

Duration(p) == CASE p \in {"nsGreen", "ewGreen"}   -> GreenTime
                 [] p \in {"nsYellow", "ewYellow"} -> YellowTime
                 [] p = "walk"                     -> 2
                 [] OTHER                          -> 1

\* after allRed2 we serve a waiting pedestrian before north-south again
Successor(p) == CASE p = "nsGreen"  -> "nsYellow"
                  [] p = "nsYellow" -> "allRed1"
                  [] p = "allRed1"  -> "ewGreen"
                  [] p = "ewGreen"  -> "ewYellow"
                  [] p = "ewYellow" -> "allRed2"
                  [] p = "allRed2"  -> IF button THEN "walk" ELSE "nsGreen"
                  [] p = "walk"     -> "nsGreen"

Init == phase = "nsGreen" /\ timer = GreenTime /\ button = FALSE

Tick ==
  /\ timer > 0
  /\ timer' = timer - 1
  /\ UNCHANGED <<phase, button>>

Switch ==
  /\ timer = 0
  /\ LET p == Successor(phase)
     IN  /\ phase' = p
         /\ timer' = Duration(p)
         /\ button' = IF p = "walk" THEN FALSE ELSE button

Press ==
  /\ ~button
  /\ button' = TRUE
  /\ UNCHANGED <<phase, timer>>

Next == Tick \/ Switch \/ Press

Spec == Init /\ [][Next]_vars

NeverBothGreen == ~(NS = "green" /\ EW = "green")
\* at least one direction shows red
OneRed == NS = "red" \/ EW = "red"
PedestriansSafe == phase = "walk" => NS = "red" /\ EW = "red"

\* used as ACTION_CONSTRAINT: nobody presses the button during the walk phase
NoPressWhileWalking == phase = "walk" => button' = button
=============================================================================
