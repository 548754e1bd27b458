------------------------------ MODULE SeatMap ------------------------------
(***************************************************************************)
(* A constant-level model of a theatre's seating plan: rows of seats,     *)
(* group bookings placed left to right by a recursive first-fit          *)
(* operator, and the plan's properties stated as ASSUMEs.  There are no  *)
(* variables; the config gives only constants.  TLC evaluates every      *)
(* ASSUME and reports 0 states when they all hold.                        *)
(***************************************************************************)
EXTENDS Integers, Sequences, FiniteSets, TLC

CONSTANTS Rows, SeatsPerRow, Groups

Seats == (1..Rows) \X (1..SeatsPerRow)

\* Sum of a sequence of numbers.
RECURSIVE SeqSum(_)
SeqSum(s) == IF s = << >> THEN 0 ELSE Head(s) + SeqSum(Tail(s))

\* Place each group (a party size) in the first row with room for all of it,
\* side by side.  free[r] is the number of free seats left in row r.  The
\* result is a sequence of <<row, first seat>>, or <<0, 0>> for a group
\* that does not fit anywhere.
RECURSIVE Place(_, _)
Place(gs, free) ==
  IF gs = << >> THEN << >>
  ELSE LET size == Head(gs)
           fits == {r \in 1..Rows : free[r] >= size}
       IN  IF fits = {}
             THEN << <<0, 0>> >> \o Place(Tail(gs), free)
             ELSE LET r == CHOOSE x \in fits : \A y \in fits : x <= y
                      first == SeatsPerRow - free[r] + 1
                  IN  << <<r, first>> >> \o Place(Tail(gs), [free EXCEPT ![r] = @ - size])

Plan == Place(Groups, [r \in 1..Rows |-> SeatsPerRow])

\* The seats of the i-th group.
SeatsOf(i) ==
  IF Plan[i][1] = 0 THEN {}
  ELSE {<<Plan[i][1], s>> : s \in Plan[i][2]..(Plan[i][2] + Groups[i] - 1)}

Seated == {i \in 1..Len(Groups) : Plan[i][1] # 0}
Turned == SelectSeq([i \in 1..Len(Groups) |-> i], LAMBDA i : i \notin Seated)

ASSUME Rows \in Nat \ {0} /\ SeatsPerRow \in Nat \ {0}
ASSUME Groups \in Seq(1..SeatsPerRow)
\* Every placed seat exists, and no seat is sold twice.
ASSUME \A i \in Seated : SeatsOf(i) \subseteq Seats
ASSUME \A i, j \in Seated : i # j => SeatsOf(i) \cap SeatsOf(j) = {}
\* Seats sold add up to the seated parties.
ASSUME Cardinality(UNION {SeatsOf(i) : i \in Seated})
         = SeqSum([k \in 1..Len(Groups) |-> IF k \in Seated THEN Groups[k] ELSE 0])
ASSUME PrintT("turned away: " \o ToString(Turned))
\* The box office's claim for this evening: nobody is turned away.
ASSUME Turned = << >>

\* Bookings for the configs (a config cannot write a sequence).
Tonight == <<4, 2, 3, 1, 3, 2>>
BusyNight == <<4, 2, 3, 1, 3, 2, 4>>
=============================================================================
