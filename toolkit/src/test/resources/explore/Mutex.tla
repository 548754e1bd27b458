---- MODULE Mutex ----
\* Two processes share a critical section; liveness depends on how Enter is fair.
EXTENDS Naturals
CONSTANT Procs
VARIABLE pc
vars == <<pc>>
TypeOK == pc \in [Procs -> {"idle", "waiting", "cs"}]
Init == pc = [p \in Procs |-> "idle"]
Request(p) == pc[p] = "idle" /\ pc' = [pc EXCEPT ![p] = "waiting"]
Enter(p) == pc[p] = "waiting" /\ (\A q \in Procs : pc[q] # "cs") /\ pc' = [pc EXCEPT ![p] = "cs"]
Exit(p) == pc[p] = "cs" /\ pc' = [pc EXCEPT ![p] = "idle"]
Next == \E p \in Procs : Request(p) \/ Enter(p) \/ Exit(p)
Unfair == Init /\ [][Next]_vars
Weak == Init /\ [][Next]_vars /\ \A p \in Procs : WF_vars(Enter(p)) /\ WF_vars(Exit(p))
StrongFairness == /\ \A p \in Procs : SF_vars(Enter(p))
                  /\ \A p \in Procs : WF_vars(Exit(p))
Strong == Init /\ [][Next]_vars /\ StrongFairness
\* fairness of a disjunction and of an \E
Grouped == Init /\ [][Next]_vars /\ SF_vars(\E p \in Procs : Enter(p)) /\ WF_vars(\E p \in Procs : Exit(p))

NoStarve == \A p \in Procs : pc[p] = "waiting" ~> pc[p] = "cs"
NoStarveBoxed == \A p \in Procs : [](pc[p] = "waiting" => <>(pc[p] = "cs"))
SomeoneEnters == (\E p \in Procs : pc[p] = "waiting") ~> (\E p \in Procs : pc[p] = "cs")
Excl == [](\A p, q \in Procs : pc[p] = "cs" /\ pc[q] = "cs" => p = q)
OnlyForward == [][\A p \in Procs : pc[p] = "cs" => pc'[p] # "waiting"]_vars
Props == Excl /\ OnlyForward /\ SomeoneEnters
CsOften == \A p \in Procs : []<>(pc[p] = "cs")
Settles == <>[](\A p \in Procs : pc[p] = "idle")
Nested == [](pc[1] = "cs" => <>[](pc[1] = "idle"))
====
