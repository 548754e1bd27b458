(module Except
  (def A () (except f (! [1] 2)))
  (def B () (except f (! [1] (+ @ 1)) (! [2] (* @ 2))))
  (def C () (except r (! .a 1) (! .b @)))
  (def D () (except f (! [a] .b [c] (\cup @ (set 1)))))
  (def E () (except f (! [a b] 0)))
  (def F () (except f (! [x] [y] .z (if (> @ 0) (- @ 1) 0))))
  (def G () (except (except f (! [1] 1)) (! [2] 2)))
)
