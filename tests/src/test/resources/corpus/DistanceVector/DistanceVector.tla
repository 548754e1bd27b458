-------------------------- MODULE DistanceVector ---------------------------
(***************************************************************************)
(* Distance-vector routing (as in RIP) on a small fixed network.  Each   *)
(* router keeps its best known hop count to every destination and       *)
(* improves it from a neighbour's table.  The true distances are        *)
(* computed at constant level by Bellman-Ford, written with functions   *)
(* over pairs: f[<<a, b>> \in Nodes \X Nodes] == ...                    *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS Nodes, Links, Inf

\* Links are undirected; the tuple pattern binds both ends.
Adj[<<a, b>> \in Nodes \X Nodes] == <<a, b>> \in Links \/ <<b, a>> \in Links

Neighbours(n) == {m \in Nodes : Adj[<<n, m>>]}

Min(x, y) == IF x <= y THEN x ELSE y

\* dist[k][<<a, b>>]: shortest path from a to b using at most k links.
dist[k \in 0..Cardinality(Nodes)] ==
  IF k = 0 THEN [<<a, b>> \in Nodes \X Nodes |-> IF a = b THEN 0 ELSE Inf]
  ELSE LET prev == dist[k - 1]   \* named once: TLC evaluates it once
       IN  [<<a, b>> \in Nodes \X Nodes |->
              LET via == {prev[m, b] + 1 : m \in Neighbours(a)}
                  best == IF via = {} THEN Inf
                          ELSE CHOOSE v \in via : \A w \in via : v <= w
              IN  Min(prev[a, b], Min(best, Inf))]

Shortest == dist[Cardinality(Nodes)]

ASSUME \A a, b \in Nodes : Shortest[a, b] < Inf   \* the network is connected

VARIABLES table

TypeOK == table \in [Nodes -> [Nodes -> 0..Inf]]

Init == table = [n \in Nodes |-> [d \in Nodes |-> IF d = n THEN 0 ELSE Inf]]

\* Router n reads neighbour m's table and keeps the better routes.
Update(n, m) ==
  /\ Adj[<<n, m>>]
  /\ \E d \in Nodes : table[m][d] + 1 < table[n][d]
  /\ table' = [table EXCEPT ![n] = [d \in Nodes |-> Min(@[d], table[m][d] + 1)]]

Next == \E n, m \in Nodes : Update(n, m)

Spec == Init /\ [][Next]_table

\* A router's estimate is never better than the truth.
Sound == \A n, d \in Nodes : table[n][d] >= Shortest[n, d]
\* Every finite estimate is backed by a neighbour one hop closer.
Backed == \A n, d \in Nodes :
            n # d /\ table[n][d] < Inf =>
              \E m \in Neighbours(n) : table[m][d] = table[n][d] - 1 \/ table[m][d] < table[n][d]
\* When no update is possible, the tables are exact.
Converged == ~ENABLED Next => \A n, d \in Nodes : table[n][d] = Shortest[n, d]
\* Wrong: routes are never longer than two hops.
Short == \A n, d \in Nodes : table[n][d] <= 2 \/ table[n][d] = Inf

\* Configs cannot write tuples: the networks are defined here.
Ring4 == {<<1, 2>>, <<2, 3>>, <<3, 4>>, <<4, 1>>}
Kite == {<<1, 2>>, <<1, 3>>, <<2, 3>>, <<3, 4>>, <<4, 5>>}
=============================================================================
