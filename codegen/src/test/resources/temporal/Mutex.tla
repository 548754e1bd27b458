---- MODULE Mutex ----
\* Two processes share a critical section; liveness depends on how Enter is fair.
EXTENDS Naturals
CONSTANT Procs
VARIABLE pc
vars == <<pc>>
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
\* fairness under a constant condition: only where it holds
Favoured == Init /\ [][Next]_vars /\ \A p \in Procs : (p = 1 => SF_vars(Enter(p))) /\ WF_vars(Exit(p))
SwitchedOn == Init /\ [][Next]_vars /\ (2 \in Procs => \A p \in Procs : WF_vars(Enter(p)) /\ WF_vars(Exit(p)))
SwitchedOff == Init /\ [][Next]_vars /\ (3 \in Procs => \A p \in Procs : WF_vars(Enter(p)) /\ WF_vars(Exit(p)))

NoStarve == \A p \in Procs : pc[p] = "waiting" ~> pc[p] = "cs"
NoStarveBoxed == \A p \in Procs : [](pc[p] = "waiting" => <>(pc[p] = "cs"))
SomeoneEnters == (\E p \in Procs : pc[p] = "waiting") ~> (\E p \in Procs : pc[p] = "cs")
Excl == [](\A p, q \in Procs : pc[p] = "cs" /\ pc[q] = "cs" => p = q)
OnlyForward == [][\A p \in Procs : pc[p] = "cs" => pc'[p] # "waiting"]_vars
Props == Excl /\ OnlyForward /\ SomeoneEnters
CsOften == \A p \in Procs : []<>(pc[p] = "cs")
Settles == <>[](\A p \in Procs : pc[p] = "idle")
Nested == [](pc[1] = "cs" => [](pc[1] = "cs"))
\* fairness and state predicates as properties (the parts of a refinement's Abs!Spec)
EnterWeakly == \A p \in Procs : WF_vars(Enter(p))
EnterStrongly == \A p \in Procs : SF_vars(Enter(p))
ExitWeakly == \A p \in Procs : WF_vars(Exit(p))
AllIdle == \A p \in Procs : pc[p] = "idle"
FirstWaits == pc[1] = "waiting"
FirstServed == pc[1] = "waiting" ~> pc[1] = "cs"
\* properties under constant conditions: asked only where they hold
OneServed == \A p \in Procs : p = 1 => (pc[p] = "waiting" ~> pc[p] = "cs")
OneEntersWeakly == \A p \in Procs : p = 1 => WF_vars(Enter(p))
NeverAsked == 3 \in Procs => []<>(pc[1] = "cs")
NoneAsked == \A p \in Procs : p = 3 => <>(pc[p] = "cs")
GuardedBox == 1 \in Procs => [](pc[1] # "cs")
\* under an implication with a state condition: asked of the behaviours that begin with it
FromIdleNoCs == (pc[1] = "idle") => [](pc[1] # "cs")
FromCsNoCs == (pc[1] = "cs") => [](pc[1] # "cs")
FromIdleServed == (pc[1] = "idle") => (pc[1] = "waiting" ~> pc[1] = "cs")
FromIdleOften == (\A p \in Procs : pc[p] = "idle") => []<>(pc[1] = "cs")
FromIdleStartsIdle == (pc[1] = "idle") => (pc[2] = "idle" /\ <>(pc[1] # "idle"))
FromBothIdle == (pc[1] = "idle") => (1 \in Procs => ((pc[2] = "idle") => [](pc[1] # "cs")))
FromBothCs == (pc[1] = "idle") => ((pc[2] = "cs") => [](pc[1] # "cs"))
\* TLC refuses an action property under an implication ("must be of forms <>[]A or []<>A")
FromIdleForward == (pc[1] = "idle") => [][pc'[1] # "cs"]_vars
\* once a state has P, Q in every state from it on
ExclAfterCs == [](pc[1] = "cs" => [](\A p, q \in Procs : pc[p] = "cs" /\ pc[q] = "cs" => p = q))
\* the conjunct FALSE under a condition is no refusal (TLC: violated, or a tautology)
TF1 == 3 \in Procs => (FALSE /\ <>(pc[1] = "cs"))
TF2 == 1 \in Procs => (FALSE /\ <>(pc[1] = "cs"))
TF3 == \A p \in Procs : p = 1 => (FALSE /\ <>(pc[p] = "cs"))
\* fairness assumed by the property: its consequent asked of the behaviours also fair to it
AssumeWeak == (\A p \in Procs : WF_vars(Enter(p)) /\ WF_vars(Exit(p))) => NoStarve
AssumeStrong == StrongFairness => NoStarve
AssumeGrouped == SF_vars(\E p \in Procs : Enter(p)) /\ WF_vars(\E p \in Procs : Exit(p)) => SomeoneEnters
AssumeExitOnly == (\A p \in Procs : WF_vars(Exit(p))) => SomeoneEnters
AssumeStrongBox == StrongFairness => [](pc[1] # "cs")
AssumeFromIdle == StrongFairness => ((pc[1] = "idle") => []<>(pc[1] = "cs"))
AssumeEach == \A p \in Procs : SF_vars(Enter(p)) /\ WF_vars(Exit(p)) => (pc[p] = "waiting" ~> pc[p] = "cs")
AssumeFirst == \A p \in Procs : p = 1 => (StrongFairness => (pc[p] = "waiting" ~> pc[p] = "cs"))
AssumeNested == WF_vars(Next) => (StrongFairness => CsOften)
AssumeForEnterStrongly == WF_vars(Next) => EnterStrongly
FavouredFairness == \A p \in Procs : (p = 1 => SF_vars(Enter(p))) /\ WF_vars(Exit(p))
AssumeFavoured == FavouredFairness => FirstServed
AssumeFavouredAll == FavouredFairness => NoStarve
\* []<>P and <>[]P assumed: the cycle visits P, or stays in P
AssumeOften == []<>(pc[1] = "cs") => []<>(pc[2] = "cs")
OftenWaiting == []<>(pc[1] = "waiting") => []<>(pc[1] = "cs")
OtherIdle == <>[](pc[2] = "idle") /\ WF_vars(Request(1)) => []<>(pc[1] = "cs")
OtherIdleServed == \A p \in Procs : <>[](\A q \in Procs \ {p} : pc[q] = "idle") => (pc[p] = "waiting" ~> pc[p] = "cs")
AssumeStartsIdle == WF_vars(Next) => (pc[1] = "idle")
AssumeStartsWaiting == WF_vars(Next) => (pc[1] = "waiting")
\* an antecedent that is none of those: not checked here
AssumeLeads == ((pc[1] = "waiting") ~> (pc[1] = "cs")) => []<>(pc[2] = "cs")
====
