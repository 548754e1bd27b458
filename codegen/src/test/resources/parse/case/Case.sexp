(module Case
  (def A () (case ((= x 1) "one") ((= x 2) "two") (other "many")))
  (def B () (case (a 1) (b 2)))
  (def C () (case (a (case (b 1) (c 2)))))
  (def D () (+ (case (a 1)) 1))
  (def E () (case (a (if b 1 2)) (other 3)))
)
