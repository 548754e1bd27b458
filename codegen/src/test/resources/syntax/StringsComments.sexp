(module StringsComments
  (def A () "a string with (* in it")
  (def B () "and one with \\* in it")
  (def C () "and *) too")
  (def D () 1)
  (def E () "quotes \" and backslash \\ escapes")
)
