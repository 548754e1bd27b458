---- MODULE Arith ----
A == a + b * c
B == a + b - c
C == a - b - c
D == -a + b
E == -a * b
F == a ^ (b ^ c)
G == 2 ^ (-a)
H == (a * b) \div c % d
I == a .. b + 1
J == a + b > c * d
K == -a^2
L == a - -b
M == a * (b / c)
====
