------------------------------- MODULE NQueens ------------------------------
(* Place N queens row by row.  The set of all solutions is also computed
   statically with a set comprehension over [1..N -> 1..N]; every complete
   board reached by the search must be one of them.                       *)
EXTENDS Integers, Sequences, FiniteSets

CONSTANT N

ASSUME N \in 1..6

Rows == 1..N
Cols == 1..N

Abs(x) == IF x < 0 THEN -x ELSE x

\* queens in rows i and j (i # j) attack each other
Attacks(q, i, j) ==
  \/ q[i] = q[j]
  \/ Abs(q[i] - q[j]) = Abs(i - j)

IsSolution(q) ==
  ~\E <<i, j>> \in Rows \X Rows : i < j /\ Attacks(q, i, j)

Solutions == {q \in [Rows -> Cols] : IsSolution(q)}

SomeSolution == CHOOSE q \in Solutions : TRUE

ASSUME Solutions # {}

VARIABLE queens      \* a sequence: queens[r] is the column of the queen in row r

vars == <<queens>>

TypeOK ==
  /\ Len(queens) \in 0..N
  /\ \A r \in 1..Len(queens) : queens[r] \in Cols

Init == queens = <<>>

Place(c) ==
  LET r == Len(queens) + 1
      q == Append(queens, c)
  IN  /\ r <= N
      /\ \A i \in 1..(r - 1) : ~Attacks(q, i, r)
      /\ queens' = q

Next == \E c \in Cols : Place(c)

Spec == Init /\ [][Next]_vars

\* partial boards are always conflict free
NoConflict == \A i, j \in 1..Len(queens) : i < j => ~Attacks(queens, i, j)

CompleteIsSolution ==
  Len(queens) = N => [r \in Rows |-> queens[r]] \in Solutions

\* the sequence <<>> and a function with empty domain are equal values
SolutionChosen == IsSolution(SomeSolution) /\ DOMAIN SomeSolution = Rows

NeverComplete == Len(queens) < N
=============================================================================
