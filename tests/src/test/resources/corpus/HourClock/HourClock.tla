------------------------------ MODULE HourClock -----------------------------
(* A twelve-hour wall clock with a quarter-hour minute hand and an AM/PM
   flag.  Tick advances the minute hand; the hour and the flag follow.    *)
EXTENDS Naturals

VARIABLES hr, quarter, pm

vars == <<hr, quarter, pm>>

TypeOK ==
  /\ hr \in 1..12
  /\ quarter \in 0..3
  /\ pm \in BOOLEAN

Init == hr = 12 /\ quarter = 0 /\ pm = FALSE

\* minutes since midnight, on a 24-hour scale
Minutes == ((hr % 12) + (IF pm THEN 12 ELSE 0)) * 60 + quarter * 15

Tick ==
  LET m == (Minutes + 15) % (24 * 60)
      h24 == m \div 60
  IN  /\ quarter' = (m % 60) \div 15
      /\ pm' = (h24 >= 12)
      /\ hr' = IF h24 % 12 = 0 THEN 12 ELSE h24 % 12

Next == Tick

Spec == Init /\ [][Next]_vars

Consistent == Minutes < 24 * 60 /\ Minutes % 15 = 0

\* wrong on purpose: the clock does reach a quarter to one in the afternoon
NeverQuarterToOne == ~(hr = 12 /\ quarter = 3 /\ pm)
=============================================================================
