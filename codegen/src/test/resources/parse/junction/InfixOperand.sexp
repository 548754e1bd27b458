(module InfixOperand
  (def A () (= x (and a b)))
  (def B () (=> (and a b) c))
  (def C () (=> (and (/\ a b)) c))
  (def D () (\in x (and a b)))
  (def E () (~ (and a b)))
  (def F () (=> a (and b c)))
)
