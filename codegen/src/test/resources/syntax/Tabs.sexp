(module Tabs
  (variables x y)
  (def A () (and (= x 1) (= y 2)))
  (def B () (and (= x 1) (or (= y 2) (= y 3))))
  (def C () (or (= x 1) (and (= y 1) (= y 2))))
  (def D () (and (/\ (= x 1) (= y 2)) (= y 3)))
  (def E () (and (= x 1) (/\ (= y 2) (= y 3))))
)
