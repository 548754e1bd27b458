---- MODULE ParamInst ----
\* Parameterized INSTANCE: C(p) == INSTANCE Cell WITH self <- p.
EXTENDS Naturals
CONSTANT Procs
VARIABLE mem
C(p) == INSTANCE Cell WITH self <- p
Init == mem = [p \in Procs |-> 0]
Next == \E p \in Procs : \/ \E v \in 1..2 : C(p)!Write(v)
                         \/ C(p)!Clear
====
