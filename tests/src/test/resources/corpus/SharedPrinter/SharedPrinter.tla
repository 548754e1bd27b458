--------------------------- MODULE SharedPrinter ----------------------------
(***************************************************************************)
(* Office workers share one printer.  A worker who wants to print waits   *)
(* until the printer is free and grabs it; jobs take one or two steps.   *)
(* The printer being free only now and then, a waiting worker's Grab is  *)
(* enabled intermittently: weak fairness lets the others take turns      *)
(* forever while one starves, strong fairness does not.  The two         *)
(* configs check the same property under each.                           *)
(***************************************************************************)
EXTENDS Naturals

CONSTANTS Workers, MaxPages

VARIABLES state, printer, pages

vars == <<state, printer, pages>>

Free == "free"

TypeOK ==
  /\ state \in [Workers -> {"working", "waiting", "printing"}]
  /\ printer \in Workers \cup {Free}
  /\ pages \in 0..MaxPages

Init ==
  /\ state = [w \in Workers |-> "working"]
  /\ printer = Free
  /\ pages = 0

WantPrint(w) ==
  /\ state[w] = "working"
  /\ state' = [state EXCEPT ![w] = "waiting"]
  /\ UNCHANGED <<printer, pages>>

Grab(w) ==
  /\ state[w] = "waiting"
  /\ printer = Free
  /\ printer' = w
  /\ state' = [state EXCEPT ![w] = "printing"]
  /\ pages' = 0

PrintPage(w) ==
  /\ printer = w
  /\ pages < MaxPages
  /\ pages' = pages + 1
  /\ UNCHANGED <<state, printer>>

Finish(w) ==
  /\ printer = w
  /\ pages > 0
  /\ printer' = Free
  /\ state' = [state EXCEPT ![w] = "working"]
  /\ pages' = 0

Next == \E w \in Workers : WantPrint(w) \/ Grab(w) \/ PrintPage(w) \/ Finish(w)

Work(w) == PrintPage(w) \/ Finish(w)

WeakSpec ==
  Init /\ [][Next]_vars
       /\ \A w \in Workers : WF_vars(Work(w)) /\ WF_vars(Grab(w))

StrongSpec ==
  Init /\ [][Next]_vars
       /\ \A w \in Workers : WF_vars(Work(w)) /\ SF_vars(Grab(w))

OnePrinter == \A w \in Workers : state[w] = "printing" <=> printer = w

NoStarvation == \A w \in Workers : state[w] = "waiting" ~> state[w] = "printing"
PrinterFreed == []<>(printer = Free)
=============================================================================
