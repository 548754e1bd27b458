------------------------ MODULE MCReplicatedCounter ------------------------
(* Model module: binds the operator constant Merge for TLC. *)
EXTENDS ReplicatedCounter

\* The join of the CRDT's lattice: pointwise maximum.
MCMerge(a, b) == [n \in DOMAIN a |-> IF a[n] >= b[n] THEN a[n] ELSE b[n]]

\* A tempting mistake: adding the vectors counts every gossiped increment again.
MCMergeSum(a, b) == [n \in DOMAIN a |-> a[n] + b[n]]

\* Keeps the wrong model finite: counts beyond this are not explored.
SumBound == \A n, m \in Nodes : vec[n][m] <= 2 * MaxIncr /\ mail[n][m] <= 2 * MaxIncr
=============================================================================
