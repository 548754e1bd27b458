---- MODULE StringChooseDeep ----
\* Found by CompilerFuzzTest (seed 13, profile full, spec 112), shrunk by the fuzzer: issue 10 finding 1.
\* CHOOSE among {"kiwi", "b", "p1"} picks "p1" in TLC (which interned "p1" and "b" before reading
\* the spec) and another string in finalspec: TLC violates Inv2 at depth 2 (2 distinct, 2 generated),
\* finalspec passes (2 distinct, 5 generated).
EXTENDS Naturals, Integers, Sequences, FiniteSets, TLC
CONSTANTS Procs, P1, P2
VARIABLES mode

Init ==
  /\ mode = (("kiwi" :> "kiwi") @@ ("b" :> "p1") @@ ("p1" :> "b"))

A2(k2) ==
  /\ (IF TRUE THEN mode' = [k3 \in {"kiwi", "b", "p1"} |-> (IF \E k4 \in {"kiwi", "b", "p1"} : TRUE THEN CHOOSE k4 \in {"kiwi", "b", "p1"} : TRUE ELSE "TRUE")] ELSE mode' = (CASE (CASE TRUE -> TRUE [] FALSE -> FALSE [] OTHER -> FALSE) -> (IF TRUE THEN mode ELSE mode) [] FALSE -> mode [] OTHER -> (IF TRUE THEN mode ELSE mode)))
  /\ mode' \in [{"kiwi", "b", "p1"} -> {"kiwi", "b", "p1"}]

Next ==
  \/ \E k2 \in Procs : A2(k2)

Inv2 == ~(mode = [k6 \in {"kiwi", "b", "p1"} |-> "p1"])

====
