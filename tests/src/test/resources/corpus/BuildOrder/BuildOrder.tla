----------------------------- MODULE BuildOrder -----------------------------
(***************************************************************************)
(* A build tool runs the targets of a dependency graph on two workers.     *)
(* The initial state picks any topological order of the targets as the     *)
(* plan: the set of plans is computed at constant level by a RECURSIVE     *)
(* operator, so Init has one state per linearisation of the DAG.  Workers  *)
(* take the next target of the plan whose dependencies are built; a        *)
(* target may fail once and is then retried.                               *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets

CONSTANTS Targets, Deps, Workers

ASSUME Deps \subseteq Targets \X Targets

\* The direct prerequisites of t.
Pre(t) == {d \in Targets : <<t, d>> \in Deps}

\* Every order of S that lists a target after all of its prerequisites.
RECURSIVE Orders(_)
Orders(S) ==
  IF S = {} THEN {<< >>}
  ELSE UNION { { <<t>> \o rest : rest \in Orders(S \ {t}) }
               : t \in {u \in S : Pre(u) \cap S = {}} }

Plans == Orders(Targets)

\* The set must be non-empty, or the graph has a cycle.
ASSUME Plans # {}

VARIABLES plan, built, running, failed

vars == <<plan, built, running, failed>>

\* An idle worker runs "none", which is no target (the ASSUME checks it).
Idle == "none"
ASSUME Idle \notin Targets

\* Configs cannot write tuples: the model's graph is defined here.
MCTargets == {"lib", "core", "net", "ui", "app", "docs"}
MCDeps == {<<"core", "lib">>, <<"net", "lib">>, <<"ui", "core">>,
           <<"app", "ui">>, <<"app", "net">>, <<"docs", "lib">>}

TypeOK ==
  /\ plan \in Plans
  /\ built \subseteq Targets
  /\ running \in [Workers -> Targets \cup {Idle}]
  /\ failed \subseteq Targets

Init ==
  /\ plan \in Plans
  /\ built = {}
  /\ running = [w \in Workers |-> Idle]
  /\ failed = {}

Busy == {running[w] : w \in Workers} \ {Idle}

\* The first target of the plan that is neither built nor running.
Ready == {i \in 1..Len(plan) : plan[i] \notin built \cup Busy /\ Pre(plan[i]) \subseteq built}

Start(w) ==
  /\ running[w] = Idle
  /\ Ready # {}
  /\ LET i == CHOOSE j \in Ready : \A k \in Ready : j <= k
     IN  running' = [running EXCEPT ![w] = plan[i]]
  /\ UNCHANGED <<plan, built, failed>>

Finish(w) ==
  /\ running[w] # Idle
  /\ built' = built \cup {running[w]}
  /\ running' = [running EXCEPT ![w] = Idle]
  /\ UNCHANGED <<plan, failed>>

\* A flaky build step: each target may fail once and goes back to the plan.
Fail(w) ==
  /\ running[w] # Idle
  /\ running[w] \notin failed
  /\ failed' = failed \cup {running[w]}
  /\ running' = [running EXCEPT ![w] = Idle]
  /\ UNCHANGED <<plan, built>>

Done == built = Targets /\ UNCHANGED vars

Next == Done \/ \E w \in Workers : Start(w) \/ Finish(w) \/ Fail(w)

Spec == Init /\ [][Next]_vars

\* Nothing is built before its prerequisites.
DepsFirst == \A t \in built : Pre(t) \subseteq built
\* Two workers never build the same target.
NoDoubleBuild == \A v, w \in Workers : v # w /\ running[v] # Idle => running[v] # running[w]
\* A wrong claim: every run follows the plan's order strictly.
InPlanOrder == \A i, j \in 1..Len(plan) : i < j /\ plan[j] \in built => plan[i] \in built
=============================================================================
