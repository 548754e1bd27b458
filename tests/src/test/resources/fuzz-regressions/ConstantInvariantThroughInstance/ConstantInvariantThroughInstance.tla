------------------- MODULE ConstantInvariantThroughInstance -------------------
(* Found by the fuzzer's instance profile (seed 9001, spec 174), shrunk. The invariant is the
   instance's constant-level Inv1, false: TLC evaluates it once before the search and stops with
   "The invariant of Inv1 is equal to FALSE". finalspec took I!Inv1 to be state-level because the
   instance substitutes a variable, which Inv1 does not mention, and reported Inv1 violated in the
   initial state. *)
EXTENDS Naturals
VARIABLES w

I == INSTANCE ConstantInvariantInner WITH flag <- w

Init == I!Init
Next == I!Next
Inv1 == I!Inv1
=============================================================================
