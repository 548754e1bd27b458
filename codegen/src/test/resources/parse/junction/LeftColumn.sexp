(module LeftColumn
  (def A () (= (and a b) c))
  (def B () (/\ (and a b) c))
  (def C () (and a b c))
  (def D () 1)
)
