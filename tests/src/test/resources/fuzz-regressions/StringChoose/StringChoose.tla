---- MODULE StringChoose ----
\* Found by CompilerFuzzTest (seed 12, profile full, spec 36), shrunk by the fuzzer: issue 10 finding 1.
\* TLC orders strings by when it interned them, and it has interned single letters and many names
\* before it reads a spec: its CHOOSE picks another string than finalspec's "x", so TLC finds
\* no violation (4 distinct states) and finalspec reports Inv2 violated.
EXTENDS Naturals, Integers, Sequences, FiniteSets, TLC
CONSTANTS Procs, P1, P2
VARIABLES mode, new

Init ==
  /\ mode = (IF \E k1 \in {"x", "p1", "ab"} : ({} \subseteq {P1}) THEN CHOOSE k1 \in {"x", "p1", "ab"} : ({} \subseteq {P1}) ELSE "Len")
  /\ new \in (UNION {[1..sqn -> {"x", "p1", "ab"}] : sqn \in 0..1})

A2 ==
  /\ UNCHANGED <<mode, new>>

Next ==
  \/ A2

Inv2 == ~(mode = "x" /\ new = <<"ab">>)

====
