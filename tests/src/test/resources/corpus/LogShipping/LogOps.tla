------------------------------ MODULE LogOps -------------------------------
(* Views of one replica's log.  The log is a VARIABLE here so that a     *)
(* parameterised INSTANCE can bind it to any expression: L(r) below is   *)
(* LogOps with log <- logs[r].                                            *)
EXTENDS Naturals, Sequences

VARIABLE log

Last == Len(log)
Upto(n) == SubSeq(log, 1, n)
Appended(e) == Append(log, e)
IsPrefixOf(other) == Len(log) <= Len(other) /\ log = SubSeq(other, 1, Len(log))
=============================================================================
