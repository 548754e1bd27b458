-------------------------------- MODULE Shelf --------------------------------
(* The TLA+ twin of Shelf.qnt: a shelf of at most three names, a tally of   *)
(* the names ever put, and the last put. Its variables carry Apalache type   *)
(* annotations, which decide the ITF form of their values: tally is a map.   *)
EXTENDS Integers, Sequences

Names == {"a", "b"}

VARIABLES
    \* @type: Seq(Str);
    items,
    \* @type: Str -> Int;
    tally,
    \* @type: {name: Str, count: Int};
    last

Init == /\ items = <<>>
        /\ tally = [n \in Names |-> 0]
        /\ last = [name |-> "none", count |-> 0]

Put(n) == /\ Len(items) < 3
          /\ items' = Append(items, n)
          /\ tally' = [tally EXCEPT ![n] = @ + 1]
          /\ last' = [name |-> n, count |-> tally[n] + 1]

Take == /\ Len(items) > 0
        /\ items' = Tail(items)
        /\ UNCHANGED <<tally, last>>

Next == (\E n \in Names : Put(n)) \/ Take

\* Violated once three names are on the shelf: explore writes that trace.
NotFull == Len(items) < 3
==============================================================================
