---- MODULE Base ----
EXTENDS Naturals
CONSTANT N
VARIABLE x
Inc(v) == v + 1
LOCAL Secret == 7
====
