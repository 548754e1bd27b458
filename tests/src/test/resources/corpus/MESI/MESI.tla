-------------------------------- MODULE MESI --------------------------------
(* MESI cache coherence for a single memory line shared by several caches
   on a snooping bus.  Each cache line is a record with a state and a data
   value; writes store a new version number.  With BrokenUpgrade a write
   forgets to invalidate sharers.                                         *)
EXTENDS Naturals, FiniteSets

CONSTANTS Caches, MaxVersion, BrokenUpgrade

ASSUME MaxVersion \in Nat /\ BrokenUpgrade \in BOOLEAN

States == {"M", "E", "S", "I"}

VARIABLES line, mem, latest

vars == <<line, mem, latest>>

TypeOK ==
  /\ line \in [Caches -> [st : States, val : 0..MaxVersion]]
  /\ mem \in 0..MaxVersion
  /\ latest \in 0..MaxVersion

Init ==
  /\ line = [c \in Caches |-> [st |-> "I", val |-> 0]]
  /\ mem = 0
  /\ latest = 0

Others(c) == Caches \ {c}
Owner == {c \in Caches : line[c].st = "M"}
Valid(c) == line[c].st # "I"

\* read miss: an M owner flushes to memory; everybody valid ends up shared
ReadMiss(c) ==
  /\ line[c].st = "I"
  /\ LET flushed == IF Owner # {} THEN line[CHOOSE o \in Owner : TRUE].val ELSE mem
         shared  == \E o \in Others(c) : Valid(o)
     IN  /\ mem' = flushed
         /\ line' = [d \in Caches |->
                       CASE d = c      -> [st |-> IF shared THEN "S" ELSE "E", val |-> flushed]
                         [] Valid(d)   -> [line[d] EXCEPT !.st = "S"]
                         [] OTHER      -> line[d]]
  /\ UNCHANGED latest

\* write: gain exclusive ownership, invalidate others, store a new version
Write(c) ==
  /\ latest < MaxVersion
  /\ latest' = latest + 1
  /\ line' = [d \in Caches |->
                IF d = c THEN [st |-> "M", val |-> latest + 1]
                ELSE IF BrokenUpgrade /\ line[c].st = "S" THEN line[d]
                ELSE [line[d] EXCEPT !.st = "I"]]
  /\ mem' = IF \E o \in Owner \ {c} : TRUE
              THEN line[CHOOSE o \in Owner : o # c].val
              ELSE mem

\* silent upgrade on a hit in E
SilentWrite(c) ==
  /\ line[c].st = "E"
  /\ latest < MaxVersion
  /\ latest' = latest + 1
  /\ line' = [line EXCEPT ![c] = [st |-> "M", val |-> latest + 1]]
  /\ UNCHANGED mem

Evict(c) ==
  /\ Valid(c)
  /\ mem' = IF line[c].st = "M" THEN line[c].val ELSE mem
  /\ line' = [line EXCEPT ![c].st = "I", ![c].val = 0]
  /\ UNCHANGED latest

Next == \E c \in Caches :
          \/ ReadMiss(c)
          \/ Write(c)
          \/ SilentWrite(c)
          \/ Evict(c)

Spec == Init /\ [][Next]_vars

\* single writer / multiple readers
SWMR ==
  \A c \in Caches :
     line[c].st \in {"M", "E"} => \A d \in Others(c) : line[d].st = "I"

\* every valid copy holds the latest version; memory is stale only under M
Coherent ==
  /\ \A c \in Caches : Valid(c) => line[c].val = latest
  /\ Owner = {} => mem = latest
=============================================================================
