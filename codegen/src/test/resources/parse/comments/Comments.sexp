(module Comments
  (def A () (and a (/\ b c)))
  (def B () (+ 1 2))
  (def C () "a string with (* not a comment *) and \\ a backslash")
)
