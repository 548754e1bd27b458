---- MODULE MC ----
EXTENDS CyclicBarrier, TLC

\* MV CONSTANT declarations@modelParameterConstants
CONSTANTS
t1, t2, t3, t4
----

\* MV CONSTANT definitions Threads
const_1764666000777901000 == 
{t1, t2, t3, t4}
----

\* CONSTANT definitions @modelParameterConstants:1Rounds
const_1764666000777902000 == 
3
----

\* SPECIFICATION definition @modelBehaviorSpec:0
spec_1764666000777903000 ==
Spec
----
\* INVARIANT definition @modelCorrectnessInvariants:0
inv_1764666000777904000 ==
TypeOK
----
\* INVARIANT definition @modelCorrectnessInvariants:1
inv_1764666000777905000 ==
SameRound /\ Lockstep
----
\* PROPERTY definition @modelCorrectnessProperties:0
prop_1764666000777906000 ==
Passes
----
=============================================================================
\* Modification History
\* Created Tue Dec 02 09:15:00 UTC 2026 by corpus
