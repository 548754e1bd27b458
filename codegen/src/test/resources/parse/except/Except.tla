---- MODULE Except ----
A == [f EXCEPT ![1] = 2]
B == [f EXCEPT ![1] = @ + 1, ![2] = @ * 2]
C == [r EXCEPT !.a = 1, !.b = @]
D == [f EXCEPT ![a].b[c] = @ \cup {1}]
E == [f EXCEPT ![a, b] = 0]
F == [f EXCEPT ![x][y].z = IF @ > 0 THEN @ - 1 ELSE 0]
G == [[f EXCEPT ![1] = 1] EXCEPT ![2] = 2]
====
