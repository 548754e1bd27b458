---------------------------- MODULE JunctionMaze ----------------------------
(* A robot walks a small grid with walls and a key that opens a door.
   The spec is deliberately written with tricky junction-list layouts:
   nested bullets, bullets of both kinds at the same column, IF and CASE
   inside bullets, comments between bullets.  The ASSUMEs pin down how
   such layouts parse, so a parser that disagrees with SANY fails early. *)
EXTENDS Integers

CONSTANTS W, H

ASSUME W \in 2..5 /\ H \in 2..5

\* A /\ bullet followed by a \/ at the same column ends the conjunction
\* list: J1 is (/\ FALSE) \/ TRUE, and J2 is (\/ TRUE) /\ FALSE.
J1 == /\ FALSE
      \/ TRUE
J2 == \/ TRUE
      /\ FALSE
J3 == /\ \/ FALSE
         \/ TRUE
      /\ TRUE
J4 == \/ /\ TRUE
         /\ FALSE
      \/ /\ TRUE
         \* a comment between bullets
         /\ TRUE
J5 == /\ 1 + 1
         = 2
      /\ IF J1 THEN TRUE
         ELSE FALSE
J6 == (/\ TRUE
       /\ FALSE) \/ (\/ FALSE
                     \/ TRUE)

ASSUME /\ J1
       /\ ~J2
       /\ J3
       /\ J4
       /\ J5
       /\ J6

Cells == (0..W) \X (0..H)
Walls == {<<1, 1>>, <<1, 2>>, <<W - 1, 0>>}
Door == <<W, H - 1>>
KeyCell == <<0, H>>

VARIABLES pos, hasKey, moves

vars == <<pos, hasKey, moves>>

TypeOK == /\ pos \in Cells
          /\ hasKey \in BOOLEAN
          /\ moves \in 0..3

Init == /\ pos = <<0, 0>>
        /\ hasKey = FALSE
        /\ moves = 0

Free(c) == /\ c \in Cells
           /\ c \notin Walls
           /\ \/ c # Door
              \/ hasKey

Step(dx, dy) ==
  LET target == <<pos[1] + dx, pos[2] + dy>>
  IN  /\ Free(target)
      /\ pos' = target
      /\ hasKey' = \/ hasKey
                   \/ target = KeyCell
      /\ moves' = IF moves = 3 THEN 0 ELSE moves + 1

Next ==
  \/ /\ pos[1] < W
     /\ Step(1, 0)
  \/ /\ pos[1] > 0
     /\ Step(-1, 0)
  \/ /\ \/ pos[2] < H
        \/ FALSE
     /\ Step(0, 1)
  \/ /\ CASE pos[2] > 0 -> TRUE
          [] OTHER -> FALSE
     /\ Step(0, -1)

Spec == Init /\ [][Next]_vars

NotInWall == pos \notin Walls

DoorNeedsKey == pos = Door => hasKey

\* the robot can get through the door
NeverThroughDoor == pos # Door
=============================================================================
