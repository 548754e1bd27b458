(module Nested
  (def A () (and a (or b c) d))
  (def B () (or (and a b) (and c d)))
  (def C () (and (and a b) c))
  (def D () (and a (or (and b c) d) e))
)
