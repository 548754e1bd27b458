--------------------------- MODULE ParkingGarage ----------------------------
(***************************************************************************)
(* A parking garage with a fixed number of spaces, a ticket machine and  *)
(* a clock of whole hours.  The tariff is an operator constant           *)
(* Fee(hours, kind), so the same garage is checked under two tariffs.    *)
(* Each car visits at most Visits times.  Liveness: under weak fairness  *)
(* of Leave and Tick every car eventually leaves and the garage ends     *)
(* empty; revenue never goes down ([][A]_v).                             *)
(***************************************************************************)
EXTENDS Integers, FiniteSets

CONSTANTS Cars, Spaces, Visits, MaxHours, Fee(_, _), Kind(_)

ASSUME \A h \in 0..MaxHours, c \in Cars : Fee(h, Kind(c)) \in Nat

VARIABLES parked, since, clock, visits, revenue

vars == <<parked, since, clock, visits, revenue>>

TypeOK ==
  /\ parked \subseteq Cars
  /\ since \in [Cars -> 0..MaxHours]
  /\ clock \in 0..MaxHours
  /\ visits \in [Cars -> 0..Visits]
  /\ revenue \in Nat

Init ==
  /\ parked = {}
  /\ since = [c \in Cars |-> 0]
  /\ clock = 0
  /\ visits = [c \in Cars |-> 0]
  /\ revenue = 0

Enter(c) ==
  /\ c \notin parked
  /\ Cardinality(parked) < Spaces
  /\ visits[c] < Visits
  /\ parked' = parked \cup {c}
  /\ since' = [since EXCEPT ![c] = clock]
  /\ visits' = [visits EXCEPT ![c] = @ + 1]
  /\ UNCHANGED <<clock, revenue>>

Leave(c) ==
  /\ c \in parked
  /\ parked' = parked \ {c}
  /\ revenue' = revenue + Fee(clock - since[c], Kind(c))
  /\ UNCHANGED <<since, clock, visits>>

\* The clock stops at MaxHours (closing time): nobody enters after that.
Tick ==
  /\ clock < MaxHours
  /\ clock' = clock + 1
  /\ UNCHANGED <<parked, since, visits, revenue>>

Closed == clock = MaxHours /\ parked = {} /\ UNCHANGED vars

Next == Tick \/ Closed \/ \E c \in Cars : Enter(c) \/ Leave(c)

Liveness == WF_vars(Tick) /\ \A c \in Cars : WF_vars(Leave(c))
Spec == Init /\ [][Next]_vars /\ Liveness

Capacity == Cardinality(parked) <= Spaces
\* The garage can always make progress until closing time.
CanMove == clock < MaxHours => ENABLED (Tick \/ \E c \in Cars : Enter(c) \/ Leave(c))

RevenueGrows == [][revenue' >= revenue]_revenue
EndsEmpty == <>[](parked = {})
EveryCarLeaves == \A c \in Cars : c \in parked ~> c \notin parked
\* Wrong under Flat: a stay of zero hours is free, so revenue may stay 0.
SomeRevenue == <>(revenue > 0)

\* Tariffs for the models.
Hourly(h, k) == IF k = "van" THEN 3 * h ELSE 2 * h
Flat(h, k) == IF h = 0 THEN 0 ELSE 5
CarKind(c) == IF c = 1 THEN "van" ELSE "car"
=============================================================================
