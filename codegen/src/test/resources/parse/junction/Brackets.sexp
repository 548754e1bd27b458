(module Brackets
  (def A () (\/ (and (/\ a b)) c))
  (def B () (apply f (and a b)))
  (def C () (set (and a) b))
  (def D () (tuple (and a b) c))
  (def E () (fn ((\in x S)) (and a b)))
  (def F () (except f (! [1] (and a b)) (! [2] c)))
  (def G () (record (a (or x)) (b y)))
)
