---- MODULE LiveRoundRobin ----
\* A scheduler hands a turn around a ring of workers; each worker, when it has the turn, does a
\* unit of work and passes it on. Without fairness the ring may stop; with fairness every worker
\* runs infinitely often.
EXTENDS Naturals
CONSTANT N
VARIABLES turn, done
vars == <<turn, done>>
Workers == 1..N
Init == turn = 1 /\ done = [w \in Workers |-> 0]
Run(w) == /\ turn = w
          /\ done' = [done EXCEPT ![w] = (@ + 1) % 3]
          /\ turn' = IF w = N THEN 1 ELSE w + 1
Next == \E w \in Workers : Run(w)
Unfair == Init /\ [][Next]_vars
Fair == Init /\ [][Next]_vars /\ \A w \in Workers : WF_vars(Run(w))
EveryoneRuns == \A w \in Workers : []<>(turn = w)
TurnMoves == \A w \in Workers : [](turn = w => <>(turn # w))
====
