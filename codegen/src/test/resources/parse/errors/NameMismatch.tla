---- MODULE WrongName ----
A == 1
====
