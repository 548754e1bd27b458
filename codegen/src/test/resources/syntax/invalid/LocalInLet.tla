---- MODULE LocalInLet ----
A == LET LOCAL B == 1
     IN B
====
