---- MODULE ChainedImplies ----
A == a => b => c
====
