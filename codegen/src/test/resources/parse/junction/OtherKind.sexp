(module OtherKind
  (def A () (\/ (and a) b))
  (def B () (/\ (or a) b))
  (def C () (\/ (and a b) c))
)
