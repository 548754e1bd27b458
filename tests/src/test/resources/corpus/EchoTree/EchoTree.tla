------------------------------- MODULE EchoTree -------------------------------
(* A spanning tree built by flooding a fixed undirected graph on nodes 1..N.
   The root starts by sending "explore" to its neighbours; a node reached for
   the first time adopts the sender as its parent and forwards "explore" to
   its other neighbours; a node already reached drops the message.  Messages
   are records in a set, delivered in any order.  The invariants walk the
   parent pointers with recursive operators (the depth of a node, the path
   to the root) and check membership in function sets and SUBSET.          *)
EXTENDS Integers, Sequences, FiniteSets

CONSTANTS N, Root, Edge

Node == 1..N
NoParent == 0

ASSUME /\ N \in Nat \ {0}
       /\ Root \in Node
       /\ Edge \subseteq Node \X Node

Nbrs(n) == {k \in Node : <<n, k>> \in Edge \/ <<k, n>> \in Edge}

Explore(from, to, hops) == [from |-> from, to |-> to, hops |-> hops]

VARIABLES parent, reached, msgs

vars == <<parent, reached, msgs>>

TypeOK ==
  /\ parent \in [Node -> Node \cup {NoParent}]
  /\ reached \in SUBSET Node
  /\ msgs \in SUBSET [from : Node, to : Node, hops : 1..N]

Init ==
  /\ parent = [n \in Node |-> NoParent]
  /\ reached = {Root}
  /\ msgs = {Explore(Root, k, 1) : k \in Nbrs(Root)}

Deliver(m) ==
  IF m.to \in reached
  THEN /\ msgs' = msgs \ {m}
       /\ UNCHANGED <<parent, reached>>
  ELSE /\ parent' = [parent EXCEPT ![m.to] = m.from]
       /\ reached' = reached \cup {m.to}
       /\ msgs' = (msgs \ {m})
                    \cup {Explore(m.to, k, m.hops + 1) : k \in Nbrs(m.to) \ {m.from}}

Next == \E m \in msgs : Deliver(m)

Spec == Init /\ [][Next]_vars

RECURSIVE Depth(_)
Depth(n) == IF n = Root THEN 0 ELSE 1 + Depth(parent[n])

RECURSIVE PathToRoot(_)
PathToRoot(n) == IF n = Root THEN <<Root>> ELSE <<n>> \o PathToRoot(parent[n])

RECURSIVE Sum(_)
Sum(S) == IF S = {} THEN 0 ELSE LET x == CHOOSE y \in S : TRUE IN x + Sum(S \ {x})

\* Every reached node other than the root hangs below a reached parent, at a depth
\* no larger than the hop count it was reached with, on a path of distinct nodes.
TreeOK ==
  \A n \in reached \ {Root} :
    /\ parent[n] \in reached
    /\ Depth(n) < N
    /\ Len(PathToRoot(n)) = Depth(n) + 1
    /\ Cardinality({PathToRoot(n)[i] : i \in 1..Len(PathToRoot(n))}) = Depth(n) + 1

\* Unreached nodes have no parent; the depths of the reached nodes add up to at most the
\* sum of 0..N-1 (each depth is below N, and the root has depth 0).
Bookkeeping ==
  /\ \A n \in Node \ reached : parent[n] = NoParent
  /\ Sum({Depth(n) : n \in reached}) <= Sum(0..(N - 1))

\* Graphs for the configs (substituted for Edge): a ring with two chords, and a
\* denser graph on six nodes for the long run.
RingWithChords == {<<1, 2>>, <<2, 3>>, <<3, 4>>, <<4, 5>>, <<5, 1>>, <<1, 3>>, <<2, 4>>}
Dense == {<<1, 2>>, <<1, 3>>, <<2, 3>>, <<2, 4>>, <<3, 5>>, <<4, 5>>, <<4, 6>>, <<5, 6>>, <<1, 6>>}

\* Once nothing is in flight, every node is reached (the graph is connected).
Done == msgs = {} => reached = Node
=============================================================================
