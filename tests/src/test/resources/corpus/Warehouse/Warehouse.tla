------------------------------ MODULE Warehouse -----------------------------
(***************************************************************************)
(* A warehouse keeps stock of a few items, takes customer orders and      *)
(* reorders from a supplier when an item runs low.  Orders and deliveries *)
(* are counted in Nat; the model overrides Nat with a finite range, and   *)
(* the reorder threshold with a smaller value, through the definition    *)
(* overrides the TLA+ Toolbox writes into MC.tla/MC.cfg (def_ov_...).    *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS Items, Capacity, Customers

\* When stock falls to this level, the warehouse reorders.  A definition,
\* not a constant: models override it.
ReorderLevel == 2

VARIABLES stock, pending, onOrder, shipped

vars == <<stock, pending, onOrder, shipped>>

TypeOK ==
  /\ stock \in [Items -> Nat]
  /\ pending \in [Customers -> Items \cup {"none"}]
  /\ onOrder \subseteq Items
  /\ shipped \in Nat

Init ==
  /\ stock = [i \in Items |-> Capacity]
  /\ pending = [c \in Customers |-> "none"]
  /\ onOrder = {}
  /\ shipped = 0

Order(c, i) ==
  /\ pending[c] = "none"
  /\ pending' = [pending EXCEPT ![c] = i]
  /\ UNCHANGED <<stock, onOrder, shipped>>

\* Ship a pending order from stock; the count of shipments wraps at 3 so the
\* model stays finite (it only tells whether anything was shipped lately).
Ship(c) ==
  /\ pending[c] # "none"
  /\ stock[pending[c]] > 0
  /\ stock' = [stock EXCEPT ![pending[c]] = @ - 1]
  /\ pending' = [pending EXCEPT ![c] = "none"]
  /\ shipped' = (shipped + 1) % 3
  /\ UNCHANGED onOrder

Reorder(i) ==
  /\ stock[i] <= ReorderLevel
  /\ i \notin onOrder
  /\ onOrder' = onOrder \cup {i}
  /\ UNCHANGED <<stock, pending, shipped>>

Deliver(i) ==
  /\ i \in onOrder
  /\ stock' = [stock EXCEPT ![i] = Capacity]
  /\ onOrder' = onOrder \ {i}
  /\ UNCHANGED <<pending, shipped>>

Next ==
  \/ \E c \in Customers, i \in Items : Order(c, i)
  \/ \E c \in Customers : Ship(c)
  \/ \E i \in Items : Reorder(i) \/ Deliver(i)

\* Ship(c) needs strong fairness: while stock is out it is disabled, and with
\* weak fairness another customer could take every delivery forever.
Spec == Init /\ [][Next]_vars /\ \A i \in Items : WF_vars(Reorder(i)) /\ WF_vars(Deliver(i))
                              /\ \A c \in Customers : SF_vars(Ship(c))

NeverOver == \A i \in Items : stock[i] <= Capacity
\* Low stock is always being handled.
LowIsOrdered == \A i \in Items : stock[i] = 0 => i \in onOrder \/ ENABLED Reorder(i)
\* Every order is eventually shipped.
OrdersShip == \A c \in Customers : pending[c] # "none" ~> pending[c] = "none"
=============================================================================
