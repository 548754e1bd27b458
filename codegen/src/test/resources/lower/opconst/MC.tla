---- MODULE MC ----
EXTENDS Chan, TLC
\* the Toolbox's style: a model module with generated names
const_1700000000001 == {1, 2, 3}
MCSend(s, m) == Append(s, m)
spec_1700000000002 == Spec
====
