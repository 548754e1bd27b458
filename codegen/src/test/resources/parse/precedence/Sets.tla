---- MODULE Sets ----
A == S \cup (T \cap U)
B == S \cup T \cup U
C == (S \ T) \cup U
D == SUBSET S \subseteq T
E == UNION (S \cup T)
F == DOMAIN f \cup g
G == S \X T \X U
H == (S \X T) \X U
I == S \X T \cup U
J == a \in S \X T
K == (S \intersect T) \union U
L == x \in 1..3 \cup 5..6
====
