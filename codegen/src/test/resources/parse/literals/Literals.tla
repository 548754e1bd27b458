---- MODULE Literals ----
A == "plain"
B == "escapes: \" \\ \n \t"
C == <<1, 23, 456>>
D == <<TRUE, FALSE>>
E == BOOLEAN \cup STRING
F == {}
G == <<>>
H == \b1010 + \o17 + \hFF
====
