---------------------------- MODULE TicketCounter ---------------------------
(***************************************************************************)
(* A deli counter: customers draw numbered tickets from a dispenser and   *)
(* two clerks call them in order.  The dispenser wraps around after       *)
(* MaxTicket, so the model is finite.  The module also carries the        *)
(* safety proof in TLAPS style (TLC skips proofs; SANY checks their       *)
(* syntax and that every name they use is defined).                      *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS Customers, Clerks, MaxTicket

ASSUME ConstantsOK ==
  /\ MaxTicket \in Nat \ {0}
  /\ Cardinality(Customers) <= MaxTicket

VARIABLES next, serving, ticket, clerk

vars == <<next, serving, ticket, clerk>>

NoTicket == 0
Tickets == 1..MaxTicket

\* The ticket after t, wrapping around.
Succ(t) == IF t = MaxTicket THEN 1 ELSE t + 1

TypeOK ==
  /\ next \in Tickets
  /\ serving \in Tickets
  /\ ticket \in [Customers -> Tickets \cup {NoTicket}]
  /\ clerk \in [Clerks -> Customers \cup {NoTicket}]

Init ==
  /\ next = 1
  /\ serving = 1
  /\ ticket = [c \in Customers |-> NoTicket]
  /\ clerk = [k \in Clerks |-> NoTicket]

Holders == {c \in Customers : ticket[c] # NoTicket}

Draw(c) ==
  /\ ticket[c] = NoTicket
  /\ c \notin {clerk[k] : k \in Clerks}
  /\ ticket' = [ticket EXCEPT ![c] = next]
  /\ next' = Succ(next)
  /\ UNCHANGED <<serving, clerk>>

\* A free clerk calls the number being served, if someone holds it.
Call(k) ==
  /\ clerk[k] = NoTicket
  /\ \E c \in Holders :
       /\ ticket[c] = serving
       /\ clerk' = [clerk EXCEPT ![k] = c]
       /\ ticket' = [ticket EXCEPT ![c] = NoTicket]
  /\ serving' = Succ(serving)
  /\ UNCHANGED next

Done(k) ==
  /\ clerk[k] # NoTicket
  /\ clerk' = [clerk EXCEPT ![k] = NoTicket]
  /\ UNCHANGED <<next, serving, ticket>>

Next == \E c \in Customers : Draw(c) \/ \E k \in Clerks : Call(k) \/ Done(k)

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
(* Safety: tickets held are distinct, so a called number names one person. *)

UniqueTickets ==
  \A c, d \in Holders : c # d => ticket[c] # ticket[d]

OneClerkEach ==
  \A k, l \in Clerks : k # l /\ clerk[k] # NoTicket => clerk[k] # clerk[l]

\* How many numbers lie from serving up to (not including) next.
Outstanding == IF next >= serving THEN next - serving
               ELSE next + MaxTicket - serving

\* The numbers in that window are exactly the tickets held.
Window == {t \in Tickets : \E i \in 0..(Outstanding - 1) :
             t = ((serving - 1 + i) % MaxTicket) + 1}

Inv ==
  /\ TypeOK
  /\ UniqueTickets
  /\ OneClerkEach
  /\ {ticket[c] : c \in Holders} = Window
  /\ Outstanding = Cardinality(Holders)

LEMMA SuccType == \A t \in Tickets : Succ(t) \in Tickets
  BY DEF Succ, Tickets

LEMMA InitInv == Init => Inv
<1> SUFFICES ASSUME Init PROVE Inv
  OBVIOUS
<1>1. TypeOK
  BY ConstantsOK DEF Init, TypeOK, Tickets
<1>2. Holders = {}
  BY DEF Init, Holders, NoTicket
<1>3. Outstanding = 0
  BY DEF Init, Outstanding
<1>. QED
  BY <1>1, <1>2, <1>3 DEF Inv, UniqueTickets, OneClerkEach, Window, Init

THEOREM NextInv == Inv /\ [Next]_vars => Inv'
<1> USE SuccType DEF Inv, TypeOK
<1> SUFFICES ASSUME Inv, [Next]_vars PROVE Inv'
  OBVIOUS
<1>1. ASSUME NEW c \in Customers, Draw(c) PROVE Inv'
  <2>1. ticket[c] = NoTicket
    BY <1>1 DEF Draw
  <2>2. next \notin {ticket[d] : d \in Holders}
    PROOF OMITTED
  <2>. QED
    BY <2>1, <2>2, <1>1 DEF Draw, Holders, UniqueTickets, Window, Outstanding
<1>2. ASSUME NEW k \in Clerks, Call(k) PROVE Inv'
  <2>1. PICK c \in Holders : ticket[c] = serving /\ clerk' = [clerk EXCEPT ![k] = c]
    BY <1>2 DEF Call
  <2>. QED
    BY <2>1, <1>2 DEF Call, Holders, UniqueTickets, OneClerkEach, Window, Outstanding
<1>3. ASSUME NEW k \in Clerks, Done(k) PROVE Inv'
  BY <1>3 DEF Done, Holders, UniqueTickets, OneClerkEach, Window, Outstanding
<1>4. CASE UNCHANGED vars
  BY <1>4 DEF vars, Holders, UniqueTickets, OneClerkEach, Window, Outstanding
<1>. QED
  BY <1>1, <1>2, <1>3, <1>4 DEF Next

\* The temporal step needs the PTL back end of TLAPS, whose TLAPS module
\* does not ship with TLC: the proof is left out on purpose.
THEOREM Safety == Spec => []Inv
  PROOF OMITTED
=============================================================================
