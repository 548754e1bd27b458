---- MODULE AssumeProveOperand ----
A == ASSUME TRUE PROVE TRUE
====
