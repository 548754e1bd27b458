--------------------------- MODULE BigConstant ---------------------------
(* A constant-level definition too large for a small heap: the code generator computes it once,
   when the machine is built, so the heap fills before the search starts. *)
EXTENDS Naturals, FiniteSets
VARIABLE x

Triples == {<<a, b, c>> : a \in 1..200, b \in 1..200, c \in 1..200}

Init == x = 0
Next == x' = Cardinality(Triples) % 2
=========================================================================
