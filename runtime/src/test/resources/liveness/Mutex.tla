---- MODULE Mutex ----
VARIABLE pc
Procs == {1, 2}
Init == pc = [p \in Procs |-> "idle"]
Request(p) == pc[p] = "idle" /\ pc' = [pc EXCEPT ![p] = "waiting"]
Enter(p) == pc[p] = "waiting" /\ (\A q \in Procs : pc[q] # "cs") /\ pc' = [pc EXCEPT ![p] = "cs"]
Exit(p) == pc[p] = "cs" /\ pc' = [pc EXCEPT ![p] = "idle"]
Next == \E p \in Procs : Request(p) \/ Enter(p) \/ Exit(p)
Unfair == Init /\ [][Next]_pc
Weak == Init /\ [][Next]_pc /\ \A p \in Procs : WF_pc(Enter(p)) /\ WF_pc(Exit(p))
Strong == Init /\ [][Next]_pc /\ \A p \in Procs : SF_pc(Enter(p)) /\ WF_pc(Exit(p))
NoStarve == pc[1] = "waiting" ~> pc[1] = "cs"
Excl == [](~(pc[1] = "cs" /\ pc[2] = "cs"))
====
