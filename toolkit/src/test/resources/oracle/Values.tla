---------------------------- MODULE Values ----------------------------
(* One variable per kind of value, for the oracle's ITF round trip. Same is a
   self-loop, so JSON -> TLC -> JSON can be checked through "next". *)
EXTENDS Naturals, Integers, Sequences
CONSTANTS A, B
VARIABLES int, neg, str, bool, mv, set, nested, tup, emptySeq, rec, fmv, fint,
          emptyFn, interval, subset, fnset, rcdset, prod, pred, cup, seqOfRec

vars == <<int, neg, str, bool, mv, set, nested, tup, emptySeq, rec, fmv, fint,
          emptyFn, interval, subset, fnset, rcdset, prod, pred, cup, seqOfRec>>

Init ==
  /\ int = 42
  /\ neg = -7
  /\ str = "say \"hi\"\\"
  /\ bool = TRUE
  /\ mv = A
  /\ set = {3, 1, 2}
  /\ nested = {{2}, {}, {1, 2}}
  /\ tup = <<1, "a", B>>
  /\ emptySeq = <<>>
  /\ rec = [b |-> <<>>, a |-> {A}]
  /\ fmv = [p \in {A, B} |-> p = A]
  /\ fint = [x \in 2..3 |-> x * x]
  /\ emptyFn = [x \in {} |-> 1]
  /\ interval = 1..3
  /\ subset = SUBSET {1, 2}
  /\ fnset = [{1, 2} -> {"x"}]
  /\ rcdset = [f : {1, 2}, g : {TRUE}]
  /\ prod = {1, 2} \X {"a"}
  /\ pred = {x \in 1..6 : x % 2 = 1}
  /\ cup = {5} \cup {4}
  /\ seqOfRec = <<[k |-> 1], [k |-> 2]>>

Same == UNCHANGED vars

Next == Same
=============================================================================
