---- MODULE MC ----
EXTENDS StopAndWait, TLC

\* CONSTANT definitions @modelParameterConstants:0Count
const_1764662700456781000 == 
4
----

\* CONSTANT definitions @modelParameterConstants:1Seqs
const_1764662700456782000 == 
{0, 1}
----

\* CONSTANT definitions @modelParameterConstants:2NextSeq(_)
const_1764662700456783000(s) == 
1 - s
----

\* CONSTANT definitions @modelParameterConstants:3LinkCap
const_1764662700456790000 == 
3
----

\* SPECIFICATION definition @modelBehaviorSpec:0
spec_1764662700456784000 ==
FairSpec
----
\* INVARIANT definition @modelCorrectnessInvariants:0
inv_1764662700456785000 ==
TypeOK
----
\* INVARIANT definition @modelCorrectnessInvariants:1
inv_1764662700456786000 ==
InOrder
----
\* INVARIANT definition @modelCorrectnessInvariants:2
inv_1764662700456787000 ==
AckedReceived
----
\* PROPERTY definition @modelCorrectnessProperties:0
prop_1764662700456788000 ==
Complete
----
\* PROPERTY definition @modelCorrectnessProperties:1
prop_1764662700456789000 ==
\A k \in 1..const_1764662700456781000 : (sent = k - 1) ~> (sent >= k)
----
=============================================================================
\* Modification History
\* Created Tue Dec 02 08:25:00 UTC 2026 by corpus
