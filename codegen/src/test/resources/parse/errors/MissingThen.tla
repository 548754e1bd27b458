---- MODULE MissingThen ----
A == IF a b ELSE c
====
