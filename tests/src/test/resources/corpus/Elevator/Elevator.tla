------------------------------ MODULE Elevator ------------------------------
(* A single elevator serving Floors.  Calls are a set of floors; the car
   keeps its direction while there are calls ahead (the elevator
   algorithm), opens its door at a called floor and serves the call.
   A trip counter is kept for statistics only; the config's VIEW leaves it
   out so states differing only in the counter are identified.          *)
EXTENDS Integers

CONSTANTS Floors, MaxTrips

ASSUME /\ Floors \subseteq Int /\ Floors # {}
       /\ MaxTrips \in Nat

\* a building with a basement; the configs substitute Floors <- Building
Building == -1..2

Bottom == CHOOSE f \in Floors : \A g \in Floors : f <= g
Top == CHOOSE f \in Floors : \A g \in Floors : f >= g

VARIABLES pos, dir, door, calls, trips

vars == <<pos, dir, door, calls, trips>>

TypeOK ==
  /\ pos \in Floors
  /\ dir \in {-1, 0, 1}
  /\ door \in {"open", "closed"}
  /\ calls \in SUBSET Floors
  /\ trips \in 0..MaxTrips

Init ==
  /\ pos = Bottom
  /\ dir = 0
  /\ door = "closed"
  /\ calls = {}
  /\ trips = 0

Ahead(d) == {f \in calls : (f - pos) * d > 0}

Call(f) ==
  /\ f \notin calls
  /\ ~(f = pos /\ door = "open")
  /\ calls' = calls \cup {f}
  /\ UNCHANGED <<pos, dir, door, trips>>

\* pick a direction when idle, keep it while calls remain ahead
Move ==
  /\ door = "closed"
  /\ pos \notin calls
  /\ LET d == IF dir # 0 /\ Ahead(dir) # {} THEN dir
              ELSE IF Ahead(1) # {} THEN 1
              ELSE IF Ahead(-1) # {} THEN -1
              ELSE 0
     IN  /\ d # 0
         /\ pos + d \in Floors
         /\ pos' = pos + d
         /\ dir' = d
  /\ UNCHANGED <<door, calls, trips>>

Open ==
  /\ door = "closed"
  /\ pos \in calls
  /\ door' = "open"
  /\ calls' = calls \ {pos}
  /\ trips' = IF trips < MaxTrips THEN trips + 1 ELSE 0
  /\ UNCHANGED <<pos, dir>>

Close ==
  /\ door = "open"
  /\ door' = "closed"
  /\ dir' = IF Ahead(dir) = {} THEN 0 ELSE dir
  /\ UNCHANGED <<pos, calls, trips>>

Next == \/ \E f \in Floors : Call(f)
        \/ Move
        \/ Open
        \/ Close

Spec == Init /\ [][Next]_vars

DoorClosedWhileMoving == dir # 0 /\ door = "open" => pos \notin calls

InBuilding == pos >= Bottom /\ pos <= Top

NotIdleWithCallsAndOpenDoor == door = "open" => pos \notin calls

View == <<pos, dir, door, calls>>
=============================================================================
