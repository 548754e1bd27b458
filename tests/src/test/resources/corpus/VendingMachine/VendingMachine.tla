--------------------------- MODULE VendingMachine ---------------------------
(***************************************************************************)
(* A snack machine that takes coins of 1, 2 and 5, sells two products     *)
(* and pays change from its own coin box (a bag: how many coins of each   *)
(* value).  It refuses a sale it cannot give change for.  The spec uses   *)
(* the standard modules as people do: Bags for the coin box, TLC's :>     *)
(* and @@ for the price list, Assert inside an action, ToString to keep  *)
(* a short log of sales, and PrintT in an ASSUME.  With UseGreedy the   *)
(* machine makes change greedily and can get stuck (the _violation model).*)
(***************************************************************************)
EXTENDS Naturals, Sequences, Bags, TLC

CONSTANTS MaxCredit, LogSize, UseGreedy

Coins == {1, 2, 5}
Prices == "gum" :> 3 @@ "chips" :> 4
Products == DOMAIN Prices

ASSUME PrintT(<<"prices", Prices>>)
ASSUME \A p \in Products : Prices[p] <= MaxCredit

VARIABLES box, credit, stock, log

vars == <<box, credit, stock, log>>

\* Total value of a bag of coins (a recursive function defined in a LET).
Value(b) ==
  LET sum[S \in SUBSET BagToSet(b)] ==
        IF S = {} THEN 0
        ELSE LET c == CHOOSE x \in S : TRUE
             IN  c * CopiesIn(c, b) + sum[S \ {c}]
  IN  sum[BagToSet(b)]

\* Greedy change from the box, largest coin first (a recursive operator
\* defined in a LET).  Greedy can fail where change exists: 6 from a box
\* of one 5 and some 2s.  Returns the empty bag when it fails.
GreedyChange(amount, b) ==
  LET RECURSIVE Pay(_, _)
      Pay(a, rest) ==
        IF a = 0 THEN EmptyBag
        ELSE LET fits == {c \in Coins : c <= a /\ CopiesIn(c, rest) > 0}
             IN  IF fits = {} THEN EmptyBag
                 ELSE LET c == CHOOSE x \in fits : \A y \in fits : y <= x
                      IN  (c :> 1) (+) Pay(a - c, rest (-) (c :> 1))
      out == Pay(amount, b)
  IN  IF Value(out) = amount THEN out ELSE EmptyBag

\* Exact change by search: the payout with fewest coins, if any exists.
SearchChange(amount, b) ==
  LET counts == {f \in [Coins -> 0..MaxCredit] :
                   /\ \A c \in Coins : f[c] <= CopiesIn(c, b)
                   /\ f[1] + 2 * f[2] + 5 * f[5] = amount}
      size(f) == f[1] + f[2] + f[5]
      AsBag(f) == [c \in {x \in Coins : f[x] > 0} |-> f[c]]
  IN  IF counts = {} THEN EmptyBag
      ELSE AsBag(CHOOSE f \in counts : \A g \in counts : size(f) <= size(g))

Change(amount, b) == IF UseGreedy THEN GreedyChange(amount, b) ELSE SearchChange(amount, b)

TypeOK ==
  /\ IsABag(box) /\ BagToSet(box) \subseteq Coins
  /\ credit \in 0..MaxCredit
  /\ stock \in [Products -> 0..2]
  /\ log \in Seq(STRING) /\ Len(log) <= LogSize

Init ==
  /\ box = (1 :> 1) @@ (2 :> 1)
  /\ credit = 0
  /\ stock = [p \in Products |-> 2]
  /\ log = << >>

Insert(c) ==
  /\ credit + c <= MaxCredit
  /\ credit' = credit + c
  /\ box' = box (+) SetToBag({c})
  /\ UNCHANGED <<stock, log>>

Record(s) == IF Len(log) < LogSize THEN Append(log, s) ELSE Append(Tail(log), s)

Sell(p) ==
  /\ stock[p] > 0
  /\ credit >= Prices[p]
  /\ LET due == credit - Prices[p]
         out == Change(due, box)
     IN  /\ due = 0 \/ out # EmptyBag
         /\ Assert(Value(out) = due, "change must equal what is due")
         /\ box' = box (-) out
         /\ log' = Record(p \o ":" \o ToString(due))
  /\ stock' = [stock EXCEPT ![p] = @ - 1]
  /\ credit' = 0

\* The customer gives up: the machine returns the credit if it can.
Refund ==
  /\ credit > 0
  /\ Change(credit, box) # EmptyBag
  /\ box' = box (-) Change(credit, box)
  /\ credit' = 0
  /\ UNCHANGED <<stock, log>>

Next ==
  \/ \E c \in Coins : Insert(c)
  \/ \E p \in Products : Sell(p)
  \/ Refund

Spec == Init /\ [][Next]_vars

\* The box never holds less than the credit it owes.
Solvent == Value(box) >= credit
\* The box's coins by size: BagOfAll adds up the copies of the coins that
\* have the same image, so the small and the large ones are all the coins.
BySize == BagOfAll(LAMBDA c : IF c < 5 THEN "small" ELSE "large", box)
SizesAddUp == CopiesIn("small", BySize) + CopiesIn("large", BySize) = BagCardinality(box)
\* Only a sold-out machine stops: while something is in stock, a customer
\* can still insert a coin, buy or get a refund.
NotStuck == (\E p \in Products : stock[p] > 0) => ENABLED Next
=============================================================================
