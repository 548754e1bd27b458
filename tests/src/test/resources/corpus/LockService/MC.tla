---- MODULE MC ----
EXTENDS LockService, TLC

\* MV CONSTANT declarations@modelParameterConstants
CONSTANTS
c1, c2, c3
----

\* MV CONSTANT declarations@modelParameterConstants
CONSTANTS
nobody
----

\* MV CONSTANT definitions Clients
const_1764662400123345000 == 
{c1, c2, c3}
----

\* SYMMETRY definition
symm_1764662400123346000 == 
Permutations(const_1764662400123345000)
----

\* MV CONSTANT definitions Nobody
const_1764662400123347000 == 
nobody
----

\* CONSTANT definitions @modelParameterConstants:1MaxRequests
const_1764662400123348000 == 
2
----

\* SPECIFICATION definition @modelBehaviorSpec:0
spec_1764662400123349000 ==
FairSpec
----
\* INVARIANT definition @modelCorrectnessInvariants:0
inv_1764662400123350000 ==
TypeOK
----
\* INVARIANT definition @modelCorrectnessInvariants:1
inv_1764662400123351000 ==
NoDuplicates
----
\* INVARIANT definition @modelCorrectnessInvariants:2
inv_1764662400123352000 ==
HolderNotQueued
----
=============================================================================
\* Modification History
\* Created Tue Dec 02 08:20:00 UTC 2026 by corpus
