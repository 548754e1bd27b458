(module ColonGt
  (def A () (and (= f (@@ (:> 1 2) (:> 2 3))) (= g (:> 1 2)) (= h (@@ (:> 1 2) (:> 3 4)))))
  (def B () (and (= f (:> a (and b c))) d))
)
