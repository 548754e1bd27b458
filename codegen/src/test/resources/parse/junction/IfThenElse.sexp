(module IfThenElse
  (def A () (and (if a b c) (if a (and b c) d) e))
  (def B () (and (if (and a b) c d)))
  (def C () (if (and (/\ a b)) (and c) (or (\/ d e))))
  (def D () (and (= (' x) (if a 1 2)) (= (' y) 3)))
)
