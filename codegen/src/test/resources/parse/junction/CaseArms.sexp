(module CaseArms
  (def A () (and (= x (case (a 1) (b 2) (other 3))) (= y 1)))
  (def B () (case (a (and (= x 1) (= y 2))) (b (and (= x 2))) (other FALSE)))
  (def C () (case (a (and (/\ x y))) (b z)))
  (def D () (and (case (a 1) (b 2)) ([] (= x 1))))
)
