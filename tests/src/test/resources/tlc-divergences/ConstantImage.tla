---------------------------- MODULE ConstantImage ----------------------------
(* BagOfAll(F, B) with an F whose body does not depend on its argument:    *)
(* TLC 2.18 evaluates such an operator to its value before applying it and *)
(* stops ("The first argument of BagOfAll should be an operator, but       *)
(* instead it is: 0"); finalspec applies it, and every copy has image 0.   *)
EXTENDS Naturals, Bags
Zero(e) == 0
ASSUME BagOfAll(Zero, <<1, 2>>) = (0 :> 3)
ASSUME BagOfAll(LAMBDA e : 0, [a |-> 2, b |-> 3]) = (0 :> 5)
=============================================================================
