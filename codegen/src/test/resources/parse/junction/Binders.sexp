(module Binders
  (def A () (and (\E ((\in i S)) (and a b)) (\A ((\in j S)) c)))
  (def B () (and (let ((def y () 1) (def z () (and a b))) y) c))
  (def C () (\E ((\in x (filter (\in y S) (and (> y 1) (< y 3))))) (= x 2)))
  (def D () (and (= (filter (\in x S) (> x 1)) (set)) (CHOOSE (\in x S) (and (> x 0) (< x 9)))))
)
