(module Unicode
  (def A () (and (\in a S) (\notin b T) (~ c)))
  (def B () (or (\A ((\in x S)) (<= x 1)) (\E ((\in y S)) (=> (>= y 2) (/= y 3)))))
  (def C () (\subseteq S (\cup T (\cap U V))))
  (def D () (\in (fn ((\in x S)) x) (fnset S T)))
  (def E () (\in (tuple 1 2) (\X S T)))
  (def F () (/\ ([] ([]_ A (tuple x))) (<> B)))
  (def G () (<=> a b))
)
