---- MODULE Numbers ----
\* Number forms: binary, octal, hexadecimal (either case of the letter), decimals.
Bin == <<\b1010, \B11>>
Oct == <<\o17, \O7>>
Hex == <<\h1F, \H1f, \hff>>
Dec == <<1.5, 0.25, 10.0>>
Range == 1..5
====
