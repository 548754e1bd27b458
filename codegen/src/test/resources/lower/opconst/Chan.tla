---- MODULE Chan ----
\* Operator constants: Send(_, _) is given by the model.
EXTENDS Naturals, Sequences
CONSTANTS Send(_, _), Msgs
VARIABLE chan
Init == chan = <<>>
Put == \E m \in Msgs : Len(chan) < 2 /\ chan' = Send(chan, m)
Get == chan /= <<>> /\ chan' = Tail(chan)
Next == Put \/ Get
Spec == Init /\ [][Next]_chan
====
