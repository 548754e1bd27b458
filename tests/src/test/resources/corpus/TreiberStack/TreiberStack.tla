---------------------------- MODULE TreiberStack ----------------------------
(* Treiber's lock-free stack.  Push and pop read the top pointer, prepare
   locally, then compare-and-swap.  Nodes are <<owner, k>> pairs and are
   never reused, so there is no ABA problem in this model.               *)
EXTENDS Naturals, FiniteSets

CONSTANTS Procs, PerProc, Null

ASSUME /\ Procs \subseteq Nat
       /\ PerProc \in 1..3

Nodes == Procs \X (1..PerProc)
NN == Cardinality(Nodes)

VARIABLES top, next, pc, t, nx, mine, pushed, popped

vars == <<top, next, pc, t, nx, mine, pushed, popped>>

TypeOK ==
  /\ top \in Nodes \cup {Null}
  /\ next \in [Nodes -> Nodes \cup {Null}]
  /\ pc \in [Procs -> {"idle", "pushRead", "pushCas", "popRead", "popNext", "popCas"}]
  /\ t \in [Procs -> Nodes \cup {Null}]
  /\ nx \in [Procs -> Nodes \cup {Null}]
  /\ mine \in [Procs -> Nodes \cup {Null}]
  /\ pushed \subseteq Nodes
  /\ popped \subseteq Nodes

Init ==
  /\ top = Null
  /\ next = [n \in Nodes |-> Null]
  /\ pc = [p \in Procs |-> "idle"]
  /\ t = [p \in Procs |-> Null]
  /\ nx = [p \in Procs |-> Null]
  /\ mine = [p \in Procs |-> Null]
  /\ pushed = {}
  /\ popped = {}

\* a fresh node owned by p, if any is left
Fresh(p) == {n \in {p} \X (1..PerProc) : n \notin pushed /\ n # mine[p]}

StartPush(p) ==
  /\ pc[p] = "idle"
  /\ Fresh(p) # {}
  /\ mine' = [mine EXCEPT ![p] = CHOOSE n \in Fresh(p) : \A m \in Fresh(p) : n[2] <= m[2]]
  /\ pc' = [pc EXCEPT ![p] = "pushRead"]
  /\ UNCHANGED <<top, next, t, nx, pushed, popped>>

PushRead(p) ==
  /\ pc[p] = "pushRead"
  /\ t' = [t EXCEPT ![p] = top]
  /\ next' = [next EXCEPT ![mine[p]] = top]     \* node is private until published
  /\ pc' = [pc EXCEPT ![p] = "pushCas"]
  /\ UNCHANGED <<top, nx, mine, pushed, popped>>

PushCas(p) ==
  /\ pc[p] = "pushCas"
  /\ IF top = t[p]
       THEN /\ top' = mine[p]
            /\ pushed' = pushed \cup {mine[p]}
            /\ mine' = [mine EXCEPT ![p] = Null]
            /\ pc' = [pc EXCEPT ![p] = "idle"]
       ELSE /\ pc' = [pc EXCEPT ![p] = "pushRead"]     \* retry
            /\ UNCHANGED <<top, pushed, mine>>
  /\ UNCHANGED <<next, t, nx, popped>>

StartPop(p) ==
  /\ pc[p] = "idle"
  /\ pc' = [pc EXCEPT ![p] = "popRead"]
  /\ UNCHANGED <<top, next, t, nx, mine, pushed, popped>>

PopRead(p) ==
  /\ pc[p] = "popRead"
  /\ t' = [t EXCEPT ![p] = top]
  /\ pc' = [pc EXCEPT ![p] = IF top = Null THEN "idle" ELSE "popNext"]
  /\ UNCHANGED <<top, next, nx, mine, pushed, popped>>

PopNext(p) ==
  /\ pc[p] = "popNext"
  /\ nx' = [nx EXCEPT ![p] = next[t[p]]]
  /\ pc' = [pc EXCEPT ![p] = "popCas"]
  /\ UNCHANGED <<top, next, t, mine, pushed, popped>>

PopCas(p) ==
  /\ pc[p] = "popCas"
  /\ \/ /\ top = t[p]
        /\ top' = nx[p]
        /\ popped' = popped \cup {t[p]}
        /\ pc' = [pc EXCEPT ![p] = "idle"]
     \/ /\ top # t[p]
        /\ pc' = [pc EXCEPT ![p] = "popRead"]
        /\ UNCHANGED <<top, popped>>
  /\ t' = [t EXCEPT ![p] = Null]
  /\ nx' = [nx EXCEPT ![p] = Null]
  /\ UNCHANGED <<next, mine, pushed>>

\* the pops are unbounded in principle; stop popping once everything is gone
PopAllowed == popped # Nodes

Done == /\ popped = Nodes
        /\ \A p \in Procs : pc[p] = "idle"
        /\ UNCHANGED vars

Next ==
  \/ Done
  \/ \E p \in Procs :
        \/ StartPush(p) \/ PushRead(p) \/ PushCas(p)
        \/ StartPop(p) /\ PopAllowed
        \/ PopRead(p) \/ PopNext(p) \/ PopCas(p)

Spec == Init /\ [][Next]_vars

\* walk the list from top; walk[i] is the i-th node (or Null)
walk[i \in 0..NN] == IF i = 0 THEN top
                     ELSE IF walk[i - 1] = Null THEN Null
                          ELSE next[walk[i - 1]]

OnStack == {walk[i] : i \in 0..NN} \ {Null}

StackIsExact == OnStack = pushed \ popped

Acyclic == walk[NN] = Null

PoppedWerePushed == popped \subseteq pushed
=============================================================================
