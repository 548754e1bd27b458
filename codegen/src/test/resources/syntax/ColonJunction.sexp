(module ColonJunction
  (def ::= (a b) (tuple a b))
  (def :> (a b) (tuple a b))
  (def A () (and (::= 1 2) (:> 3 4)))
  (def B () (:> (and 1) 2))
  (def C () (::= (or 1) 2))
  (def D () (and 1 (:> 2 3)))
)
