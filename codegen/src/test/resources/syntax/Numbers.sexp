(module Numbers
  (def Bin () (tuple 10 3))
  (def Oct () (tuple 15 7))
  (def Hex () (tuple 31 31 255))
  (def Dec () (tuple (decimal 1.5) (decimal 0.25) (decimal 10.0)))
  (def Range () (.. 1 5))
)
