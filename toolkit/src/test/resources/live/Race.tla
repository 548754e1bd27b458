---------------------------- MODULE Race ----------------------------
\* Two threads add one to a shared counter by reading it, then writing what they read plus one.
\* Without the lock (Locked = FALSE) one update can be lost; with it, a thread reads only when
\* no other thread is between its read and its write.
EXTENDS Naturals

CONSTANTS Threads, Locked

VARIABLES x, tmp, pc

Init == /\ x = 0
        /\ tmp = [t \in Threads |-> 0]
        /\ pc = [t \in Threads |-> "read"]

Read(t) == /\ pc[t] = "read"
           /\ Locked => \A u \in Threads : pc[u] # "write"
           /\ tmp' = [tmp EXCEPT ![t] = x]
           /\ pc' = [pc EXCEPT ![t] = "write"]
           /\ UNCHANGED x

Write(t) == /\ pc[t] = "write"
            /\ x' = tmp[t] + 1
            /\ pc' = [pc EXCEPT ![t] = "done"]
            /\ UNCHANGED tmp

Next == \E t \in Threads : Read(t) \/ Write(t)

NoLostUpdate == (\A t \in Threads : pc[t] = "done") => x = 2
======================================================================
