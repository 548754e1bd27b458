------------------------- MODULE TemporalConjunctSpan -------------------------
(* Found by the temporal fuzz profile (seed 20261202): TLC names the implied   *)
(* invariant [](( x = 0 )) by its position, which spans the parentheses of    *)
(* its operand ("Invariant line 13, col 6 to line 13, col 16 ... is          *)
(* violated"); finalspec's span ended inside them.  Fixed in the parser: an   *)
(* application spans its operands' parentheses, as SANY's syntax tree does.  *)
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x < 2 /\ x' = x + 1
Spec == Init /\ [][Next]_x
Prop ==
  /\ []((x = 0))
  /\ <>(x = 2)
=============================================================================
