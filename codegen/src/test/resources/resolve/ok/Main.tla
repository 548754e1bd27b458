---- MODULE Main ----
EXTENDS Base, Sequences, FiniteSets, TLC
VARIABLE y
vars == <<x, y>>
C == INSTANCE Counter WITH Limit <- N, n <- y
P(k) == INSTANCE Counter WITH Limit <- k, n <- y
INSTANCE Helper WITH z <- x
RECURSIVE Fact(_)
Fact(n) == IF n = 0 THEN 1 ELSE n * Fact(n - 1)
Map(F(_), s) == [i \in 1..Len(s) |-> F(s[i])]
Double(s) == Map(LAMBDA e : 2 * e, s)
fib[k \in 0..10] == IF k < 2 THEN k ELSE fib[k - 1] + fib[k - 2]
a ++ b == a + b
Init == x = 0 /\ y = 0
Next == \/ x' = Inc(x) /\ UNCHANGED y
        \/ C!Inc /\ UNCHANGED x
        \/ P(3)!Inc /\ UNCHANGED x
        \/ /\ x' = HelperOp + (Fact(3) ++ fib[4])
           /\ y' = Cardinality({1, 2}) + Len(Double(<<1>>))
           /\ y' = (1 :> 2)[1]
           /\ y' = [<<1, 2>> EXCEPT ![1] = @ + 1][1]
Inv == \A i \in 1..N : LET q == i IN q >= 0 /\ SelectSeq(<<i>>, LAMBDA t : t > 0) = <<i>>
Spec == Init /\ [][Next]_vars /\ WF_vars(Next)
Live == <>(x = 3)
====
