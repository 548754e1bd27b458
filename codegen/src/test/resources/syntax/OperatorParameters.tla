---- MODULE OperatorParameters ----
\* Operator parameters declared with infix, prefix and postfix symbols.
Apply2(_ ## _, _ $$ _, _ (+) _, _ \prec _, x, y) == <<x ## y, x $$ y, x (+) y, x \prec y>>
Apply1(-. _, _ ^#, x) == <<-x, x^#>>
CONSTANTS _ ** _, _ |- _, ~ _, _ ^+
Use == Apply2(\prec, |-, (+), \prec, 1, 2)
====
