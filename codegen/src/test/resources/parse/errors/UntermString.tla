---- MODULE UntermString ----
A == "abc
====
