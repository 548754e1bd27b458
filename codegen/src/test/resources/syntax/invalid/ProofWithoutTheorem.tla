---- MODULE ProofWithoutTheorem ----
A == 1
  OBVIOUS
====
