---------------------------- MODULE BankTransfer ----------------------------
(* Tellers move money between accounts in three separate steps: check the
   balance, withdraw, deposit.  Money is conserved (counting money in
   flight), but because the check is not atomic with the withdrawal two
   tellers can both pass the check and overdraw an account.              *)
EXTENDS Integers, FiniteSets

CONSTANTS Accounts, Tellers, Initial, MaxJobs

ASSUME /\ Initial \in Nat
       /\ MaxJobs \in Nat
       /\ Cardinality(Accounts) >= 2

Amounts == 1..Initial

VARIABLES bal, job, pc, jobs

vars == <<bal, job, pc, jobs>>

NoJob == [from |-> CHOOSE a \in Accounts : TRUE, to |-> CHOOSE a \in Accounts : TRUE, amt |-> 0]

Jobs == [from : Accounts, to : Accounts, amt : 0..Initial]

TypeOK ==
  /\ bal \in [Accounts -> (-Initial * MaxJobs)..(Initial * (Cardinality(Accounts) + MaxJobs))]
  /\ job \in [Tellers -> Jobs]
  /\ pc \in [Tellers -> {"idle", "checked", "withdrawn"}]
  /\ jobs \in 0..MaxJobs

Init ==
  /\ bal = [a \in Accounts |-> Initial]
  /\ job = [t \in Tellers |-> NoJob]
  /\ pc = [t \in Tellers |-> "idle"]
  /\ jobs = 0

\* pick a transfer and check the source balance (or give up)
Check(t) ==
  /\ pc[t] = "idle"
  /\ jobs < MaxJobs
  /\ \E <<src, dst>> \in Accounts \X Accounts, amt \in Amounts :
        /\ src # dst
        /\ bal[src] >= amt
        /\ job' = [job EXCEPT ![t] = [from |-> src, to |-> dst, amt |-> amt]]
  /\ pc' = [pc EXCEPT ![t] = "checked"]
  /\ jobs' = jobs + 1
  /\ UNCHANGED bal

Withdraw(t) ==
  /\ pc[t] = "checked"
  /\ bal' = [bal EXCEPT ![job[t].from] = @ - job[t].amt]
  /\ pc' = [pc EXCEPT ![t] = "withdrawn"]
  /\ UNCHANGED <<job, jobs>>

Deposit(t) ==
  /\ pc[t] = "withdrawn"
  /\ bal' = [bal EXCEPT ![job[t].to] = @ + job[t].amt]
  /\ pc' = [pc EXCEPT ![t] = "idle"]
  /\ job' = [job EXCEPT ![t] = NoJob]
  /\ UNCHANGED jobs

Idle == /\ jobs = MaxJobs
        /\ \A t \in Tellers : pc[t] = "idle"
        /\ UNCHANGED vars

Next == \/ \E t \in Tellers : Check(t) \/ Withdraw(t) \/ Deposit(t)
        \/ Idle

Spec == Init /\ [][Next]_vars

RECURSIVE SumOver(_, _)
SumOver(f, S) == IF S = {} THEN 0
                 ELSE LET x == CHOOSE y \in S : TRUE IN f[x] + SumOver(f, S \ {x})

InFlight == SumOver([t \in Tellers |-> IF pc[t] = "withdrawn" THEN job[t].amt ELSE 0], Tellers)

MoneyConserved == SumOver(bal, Accounts) + InFlight = Initial * Cardinality(Accounts)

NoOverdraft == \A a \in Accounts : bal[a] >= 0
=============================================================================
