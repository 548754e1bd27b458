------------------------------ MODULE BagFacts ------------------------------
(***************************************************************************)
(* Facts about the standard module Bags, as ASSUMEs of a constant-level    *)
(* model: TLC evaluates every Bags operator with its own Java code, so the *)
(* model passes only if each operator gives TLC's answer, on bags written  *)
(* as records, with :> and @@, as sequences, and on values that are not    *)
(* bags (IsABag is FALSE for them, not an error).                          *)
(***************************************************************************)
EXTENDS Naturals, Bags, TLC

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

ASSUME /\ ("a" :> 1) \sqsubseteq B1
       /\ ~(B1 \sqsubseteq ("a" :> 2))
       /\ EmptyBag \sqsubseteq B2
       /\ B1 \sqsubseteq B1
=============================================================================
