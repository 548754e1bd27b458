---- MODULE InfixDefinitions ----
\* Every user-definable operator symbol defined, then applied (the parser is syntactic: which
\* symbol may be redefined is the resolver's business).
a ## b == <<a, b>>
a $$ b == <<a, b>>
a !! b == <<a, b>>
a ::= b == <<a, b>>
a =| b == <<a, b>>
a \bigcirc b == <<a, b>>
a (+) b == <<a, b>>
a (-) b == <<a, b>>
a (.) b == <<a, b>>
a (/) b == <<a, b>>
a (\X) b == <<a, b>>
a |- b == <<a, b>>
a -| b == <<a, b>>
a ?? b == <<a, b>>
a %% b == <<a, b>>
a ^^ b == <<a, b>>
a && b == <<a, b>>
a || b == <<a, b>>
a ** b == <<a, b>>
a // b == <<a, b>>
a ... b == <<a, b>>
a \sqsubseteq b == <<a, b>>
a \prec b == <<a, b>>
a \star b == <<a, b>>
a \wr b == <<a, b>>
a := b == <<a, b>>
a |= b == <<a, b>>
a <: b == <<a, b>>
a ++ b == <<a, b>>
a -- b == <<a, b>>
a ^# == <<a>>
a ^+ == <<a>>
a ^* == <<a>>
Uses == <<1 ## 2, 1 $$ 2, 1 !! 2, 1 ::= 2, 1 =| 2, 1 \bigcirc 2, 1 (+) 2, 1 (-) 2, 1 (.) 2,
          1 (/) 2, 1 (\X) 2, 1 |- 2, 1 -| 2, 1 ?? 2, 1 %% 2, 1 ^^ 2, 1 && 2, 1 || 2, 1 ** 2,
          1 // 2, 1 ... 2, 1 \sqsubseteq 2, 1 \prec 2, 1 \star 2, 1 \wr 2, 1 := 2, 1 |= 2,
          1 <: 2, 1 ++ 2, 1 -- 2, 1^#, 1^+, 1^*>>
====
