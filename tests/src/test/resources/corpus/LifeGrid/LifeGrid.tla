------------------------------ MODULE LifeGrid ------------------------------
(* Conway's Game of Life on a small torus, started from every board with
   a given number of live cells.  Exercises functions of two arguments:
   [r \in Rows, c \in Cols |-> ...], g[r, c], EXCEPT ![r, c], a function
   over tuples [<<r, c>> \in ... |-> ...], a user-defined infix operator
   and LOCAL definitions.  Next is deterministic.                         *)
EXTENDS Naturals, FiniteSets

CONSTANTS R, C, InitPop

ASSUME R \in 2..4 /\ C \in 2..4 /\ InitPop \in 0..(R * C)

Rows == 0..(R - 1)
Cols == 0..(C - 1)
Cells == Rows \X Cols

\* addition on a ring of size n, written as an infix operator
a (+) n == (a + 1) % n
a (-) n == (a + n - 1) % n

LOCAL Around(x, n) == {x (-) n, x, x (+) n}

Neighbours(r, c) ==
  {<<i, j>> \in Around(r, R) \X Around(c, C) : <<i, j>> # <<r, c>>}

Population(g) == Cardinality({cell \in Cells : g[cell[1], cell[2]]})

VARIABLES grid, gen

vars == <<grid, gen>>

TypeOK ==
  /\ grid \in [Rows \X Cols -> BOOLEAN]
  /\ gen \in 0..1

Init ==
  /\ grid \in {g \in [Rows \X Cols -> BOOLEAN] : Population(g) = InitPop}
  /\ gen = 0

LiveAround(r, c) ==
  Cardinality({nb \in Neighbours(r, c) : grid[nb[1], nb[2]]})

Rule(alive, n) ==
  CASE alive /\ n \in {2, 3} -> TRUE
    [] ~alive /\ n = 3       -> TRUE
    [] OTHER                 -> FALSE

Step ==
  /\ grid' = [r \in Rows, c \in Cols |-> Rule(grid[r, c], LiveAround(r, c))]
  /\ gen' = 1 - gen

\* an external poke: flip the top-left cell (keeps the model non-trivial)
Poke ==
  /\ grid' = [grid EXCEPT ![0, 0] = ~@]
  /\ gen' = gen

Next == Step \/ Poke

Spec == Init /\ [][Next]_vars

\* on a torus this small every cell has the same number of neighbours
Degree == [<<r, c>> \in Cells |-> Cardinality(Neighbours(r, c))]
UniformDegree == \A x, y \in Cells : Degree[x] = Degree[y]

PopulationBounded == Population(grid) <= R * C

\* wrong on purpose: boards do die out
NeverEmpty == Population(grid) > 0
=============================================================================
