---- MODULE LiveMutex ----
\* N processes compete for one critical section. Whether a waiting process is starved depends on
\* how fair Enter is: weakly fair Enter can be disabled forever often enough, strongly fair cannot.
EXTENDS Naturals
CONSTANT Procs
VARIABLE pc
vars == <<pc>>
TypeOK == pc \in [Procs -> {"idle", "waiting", "cs"}]
Init == pc = [p \in Procs |-> "idle"]
Free == \A q \in Procs : pc[q] # "cs"
Request(p) == pc[p] = "idle" /\ pc' = [pc EXCEPT ![p] = "waiting"]
Enter(p) == pc[p] = "waiting" /\ Free /\ pc' = [pc EXCEPT ![p] = "cs"]
Exit(p) == pc[p] = "cs" /\ pc' = [pc EXCEPT ![p] = "idle"]
Next == \E p \in Procs : Request(p) \/ Enter(p) \/ Exit(p)
WeakSpec == Init /\ [][Next]_vars /\ \A p \in Procs : WF_vars(Enter(p)) /\ WF_vars(Exit(p))
StrongSpec == Init /\ [][Next]_vars /\ \A p \in Procs : SF_vars(Enter(p)) /\ WF_vars(Exit(p))
Exclusion == \A p, q \in Procs : pc[p] = "cs" /\ pc[q] = "cs" => p = q
NoStarvation == \A p \in Procs : pc[p] = "waiting" ~> pc[p] = "cs"
NoBackslide == [][\A p \in Procs : pc[p] = "cs" => pc'[p] \in {"cs", "idle"}]_vars
Correct == []Exclusion /\ NoBackslide /\ NoStarvation
====
