---- MODULE Nested ----
\* INSTANCE inside an instantiated module: Mid instantiates Leaf twice.
EXTENDS Naturals
VARIABLES x, y
M == INSTANCE Mid WITH Bound <- 3, a <- x, b <- y
Init == x = 0 /\ y = 0
Next == M!Step \/ M!Other \/ (M!A!Tick /\ UNCHANGED y)
Inv == x <= 3 /\ y <= 2
====
