--------------------------- MODULE ReadersWriters ---------------------------
(* A readers-writers lock: many readers or one writer.  Clients are model
   values, so the default config uses symmetry.  Each client asks for the
   lock, is granted it by the lock manager, and later releases it.  With
   WriterPriority, readers are not admitted while a writer waits.        *)
EXTENDS Naturals, FiniteSets, TLC

CONSTANTS Clients, WriterPriority, MaxOps

ASSUME WriterPriority \in BOOLEAN /\ MaxOps \in Nat

VARIABLES readers, writer, waiting, ops

vars == <<readers, writer, waiting, ops>>

Requests == [who : Clients, kind : {"read", "write"}]

TypeOK ==
  /\ readers \in SUBSET Clients
  /\ writer \in SUBSET Clients
  /\ waiting \in SUBSET Requests
  /\ ops \in 0..MaxOps

Init ==
  /\ readers = {}
  /\ writer = {}
  /\ waiting = {}
  /\ ops = 0

Busy(c) == \/ c \in readers \cup writer
           \/ \E r \in waiting : r.who = c

Ask(c, k) ==
  /\ ~Busy(c)
  /\ ops < MaxOps
  /\ waiting' = waiting \cup {[who |-> c, kind |-> k]}
  /\ ops' = ops + 1
  /\ UNCHANGED <<readers, writer>>

WriterWaiting == \E r \in waiting : r.kind = "write"

GrantRead(r) ==
  /\ r \in waiting
  /\ r.kind = "read"
  /\ writer = {}
  /\ IF WriterPriority THEN ~WriterWaiting ELSE TRUE
  /\ readers' = readers \cup {r.who}
  /\ waiting' = waiting \ {r}
  /\ UNCHANGED <<writer, ops>>

GrantWrite(r) ==
  /\ r \in waiting
  /\ r.kind = "write"
  /\ readers = {} /\ writer = {}
  /\ writer' = {r.who}
  /\ waiting' = waiting \ {r}
  /\ UNCHANGED <<readers, ops>>

Release(c) ==
  /\ c \in readers \cup writer
  /\ readers' = readers \ {c}
  /\ writer' = writer \ {c}
  /\ UNCHANGED <<waiting, ops>>

Rest == /\ ops = MaxOps
        /\ readers = {} /\ writer = {} /\ waiting = {}
        /\ UNCHANGED vars

Next ==
  \/ \E c \in Clients :
        \/ \E k \in {"read", "write"} : Ask(c, k)
        \/ Release(c)
  \/ \E r \in waiting : GrantRead(r) \/ GrantWrite(r)
  \/ Rest

Spec == Init /\ [][Next]_vars

Safe ==
  /\ Cardinality(writer) <= 1
  /\ writer # {} => readers = {}

Perms == Permutations(Clients)

\* wrong on purpose: more than one reader does get in at the same time
SingleReader == Cardinality(readers) <= 1
=============================================================================
