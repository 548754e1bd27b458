(module OperatorParameters
  (def Apply2 (##/2 $$/2 (+)/2 \prec/2 x y) (tuple (## x y) ($$ x y) ((+) x y) (\prec x y)))
  (def Apply1 (-./1 ^#/1 x) (tuple (-. x) (^# x)))
  (constants **/2 |-/2 ~/1 ^+/1)
  (def Use () (Apply2 (op \prec) (op |-) (op (+)) (op \prec) 1 2))
)
