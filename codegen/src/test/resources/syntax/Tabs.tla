---- MODULE Tabs ----
\* Tabs in junction lists count as SANY counts them: a tab reaches the next multiple of 8.
VARIABLES x, y
A ==	/\ x = 1
	/\ y = 2
B ==    /\ x = 1
	/\ \/ y = 2
	   \/ y = 3
C ==	\/ x = 1
        \/ /\ y = 1
	   /\ y = 2
D == /\ x = 1
  	/\ y = 2
     /\ y = 3
E ==	/\ x = 1
 	/\ y = 2
	 	/\ y = 3
====
