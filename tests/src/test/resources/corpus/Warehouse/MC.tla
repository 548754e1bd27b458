---- MODULE MC ----
EXTENDS Warehouse, TLC

\* MV CONSTANT declarations@modelParameterConstants
CONSTANTS
alice, bob
----

\* MV CONSTANT definitions Customers
const_1764667800111201000 == 
{alice, bob}
----

\* CONSTANT definitions @modelParameterConstants:0Items
const_1764667800111202000 == 
{"bolts", "nuts"}
----

\* CONSTANT definitions @modelParameterConstants:1Capacity
const_1764667800111203000 == 
3
----

\* CONSTANT definition @modelParameterDefinitions:0
def_ov_1764667800111204000 ==
0..10
----
\* CONSTANT definition @modelParameterDefinitions:1
def_ov_1764667800111205000 ==
1
----
\* Constant expression definition @modelExpressionEval
const_expr_1764667800111206000 == 
[i \in const_1764667800111202000 |-> const_1764667800111203000]
----

\* Constant expression ASSUME statement @modelExpressionEval
ASSUME PrintT(<<"$!@$!@$!@$!@$!",const_expr_1764667800111206000>>)
----

\* SPECIFICATION definition @modelBehaviorSpec:0
spec_1764667800111207000 ==
Spec
----
\* INVARIANT definition @modelCorrectnessInvariants:0
inv_1764667800111208000 ==
TypeOK
----
\* INVARIANT definition @modelCorrectnessInvariants:1
inv_1764667800111209000 ==
NeverOver
----
\* INVARIANT definition @modelCorrectnessInvariants:2
inv_1764667800111210000 ==
LowIsOrdered
----
\* PROPERTY definition @modelCorrectnessProperties:0
prop_1764667800111211000 ==
OrdersShip
----
=============================================================================
\* Modification History
\* Created Tue Dec 02 09:30:00 UTC 2026 by corpus
