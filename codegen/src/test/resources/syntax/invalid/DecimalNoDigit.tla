---- MODULE DecimalNoDigit ----
A == .5
====
