----------------------------- MODULE RefCountGC -----------------------------
(* Reference counting over a tiny heap.  The mutator allocates rooted
   objects, links reachable objects, drops links and roots; the collector
   frees any object whose count is zero, decrementing its successors.
   Freed objects are never reachable, but cycles leak (_violation).      *)
EXTENDS Naturals, FiniteSets

CONSTANT Obj

VARIABLES alloc, roots, edges, rc

vars == <<alloc, roots, edges, rc>>

Ref(b) == Cardinality({e \in edges : e[2] = b}) + (IF b \in roots THEN 1 ELSE 0)

Succs(R) == UNION {{e[2] : e \in {d \in edges : d[1] = a}} : a \in R}

reach[n \in 0..Cardinality(Obj)] ==
  IF n = 0 THEN roots ELSE reach[n - 1] \cup Succs(reach[n - 1])

Reachable == reach[Cardinality(Obj)]

TypeOK ==
  /\ alloc \in SUBSET Obj
  /\ roots \in SUBSET alloc
  /\ edges \in SUBSET (alloc \X alloc)
  /\ rc \in [Obj -> 0..(Cardinality(Obj) + 1)]

Init ==
  /\ alloc = {}
  /\ roots = {}
  /\ edges = {}
  /\ rc = [o \in Obj |-> 0]

New(o) ==
  /\ o \notin alloc
  /\ alloc' = alloc \cup {o}
  /\ roots' = roots \cup {o}
  /\ rc' = [rc EXCEPT ![o] = 1]
  /\ UNCHANGED edges

Link(a, b) ==
  /\ {a, b} \subseteq Reachable
  /\ <<a, b>> \notin edges
  /\ edges' = edges \cup {<<a, b>>}
  /\ rc' = [rc EXCEPT ![b] = @ + 1]
  /\ UNCHANGED <<alloc, roots>>

Unlink(a, b) ==
  /\ <<a, b>> \in edges
  /\ a \in Reachable
  /\ edges' = edges \ {<<a, b>>}
  /\ rc' = [rc EXCEPT ![b] = @ - 1]
  /\ UNCHANGED <<alloc, roots>>

Unroot(o) ==
  /\ o \in roots
  /\ roots' = roots \ {o}
  /\ rc' = [rc EXCEPT ![o] = @ - 1]
  /\ UNCHANGED <<alloc, edges>>

Free(o) ==
  /\ o \in alloc
  /\ rc[o] = 0
  /\ LET out == {e \in edges : e[1] = o}
     IN  /\ edges' = edges \ out
         /\ rc' = [x \in Obj |-> IF <<o, x>> \in out THEN rc[x] - 1 ELSE rc[x]]
  /\ alloc' = alloc \ {o}
  /\ UNCHANGED roots

Next ==
  \/ \E o \in Obj : New(o) \/ Unroot(o) \/ Free(o)
  \/ \E <<a, b>> \in Obj \X Obj : Link(a, b) \/ Unlink(a, b)

Spec == Init /\ [][Next]_vars

CountsExact == \A o \in alloc : rc[o] = Ref(o)

FreedIsZero == \A o \in Obj \ alloc : rc[o] = 0

NoDanglingRoot == Reachable \subseteq alloc

\* wrong on purpose: an unreachable cycle keeps its counts above zero
NoLeak == \A o \in alloc \ Reachable : rc[o] = 0
=============================================================================
