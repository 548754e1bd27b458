------------------------------ MODULE BagFacts ------------------------------
(***************************************************************************)
(* Facts about the standard module Bags, as ASSUMEs of a constant-level    *)
(* model: TLC evaluates every Bags operator with its own Java code, so the *)
(* model passes only if each operator gives TLC's answer, on bags written  *)
(* as records, with :> and @@, as sequences, and on values that are not    *)
(* bags (IsABag is FALSE for them, not an error).  SubBag, which TLC      *)
(* evaluates from the module's recursive definition, gives every subbag.  *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets, Bags, TLC

B1 == [a |-> 2, b |-> 1]
B2 == ("b" :> 3) @@ ("c" :> 1)

ASSUME EmptyBag = <<>>

\* IsABag: every count an integer above 0; FALSE for what is not a function
ASSUME /\ IsABag(B1) /\ IsABag(<<1, 2>>) /\ IsABag(EmptyBag)
       /\ ~IsABag(<<0>>) /\ ~IsABag({1}) /\ ~IsABag("a" :> "x")

ASSUME /\ BagToSet(B1) = {"a", "b"}
       /\ SetToBag({"a", "b"}) = [a |-> 1, b |-> 1]
       /\ SetToBag({}) = EmptyBag

ASSUME /\ BagIn("a", B1) /\ ~BagIn("c", B1)
       /\ CopiesIn("a", B1) = 2 /\ CopiesIn("z", B1) = 0
       /\ BagCardinality(B1) = 3 /\ BagCardinality(EmptyBag) = 0

\* (+) adds counts; (-) subtracts them and drops what has none left
ASSUME /\ B1 (+) B2 = ("a" :> 2) @@ ("b" :> 4) @@ ("c" :> 1)
       /\ B1 (-) B2 = ("a" :> 2)
       /\ B2 (-) B1 = ("b" :> 2) @@ ("c" :> 1)
       /\ B1 (-) EmptyBag = B1
       /\ ("a" :> 0) (-) EmptyBag = EmptyBag

\* BagUnion counts each distinct bag of the set once
ASSUME /\ BagUnion({B1, B2, B1}) = ("a" :> 2) @@ ("b" :> 4) @@ ("c" :> 1)
       /\ BagUnion({}) = EmptyBag
       /\ BagUnion({B1}) = B1

\* BagOfAll: the copies of the elements with the same image add up; TLC's
\* code applies the operator to each element once and needs only a function
\* (an operator whose body ignores its argument stops TLC 2.18: see
\* tests/src/test/resources/tlc-divergences/ConstantImage.tla)
Initial(s) == IF s = "c" THEN "b" ELSE s
ASSUME /\ BagOfAll(Initial, B2) = ("b" :> 4)
       /\ BagOfAll(LAMBDA e : e \in {"a", "b"}, B1 (+) B2) = (TRUE :> 6) @@ (FALSE :> 1)
       /\ BagOfAll(LAMBDA e : e, B1) = B1
       /\ BagOfAll(LAMBDA e : e + 1, EmptyBag) = EmptyBag
       /\ BagOfAll(LAMBDA e : e % 2, <<1, 2, 3>>) = (0 :> 2) @@ (1 :> 4)
       /\ BagOfAll(LAMBDA e : e, ("a" :> 0)) = ("a" :> 0)

\* SubBag: all bags with at most B's copies of each element, EmptyBag included
ASSUME /\ SubBag(("a" :> 2)) = {EmptyBag, ("a" :> 1), ("a" :> 2)}
       /\ SubBag(EmptyBag) = {EmptyBag}
       /\ Cardinality(SubBag(B1)) = 6
       /\ ("b" :> 2) \in SubBag(B2) /\ ~(("b" :> 4) \in SubBag(B2))
       /\ \A S \in SubBag(B1 (+) B2) : S \sqsubseteq B1 (+) B2
       /\ SubBag(<<2>>) = {<< >>, <<1>>, <<2>>}

ASSUME /\ ("a" :> 1) \sqsubseteq B1
       /\ ~(B1 \sqsubseteq ("a" :> 2))
       /\ EmptyBag \sqsubseteq B2
       /\ B1 \sqsubseteq B1
=============================================================================
