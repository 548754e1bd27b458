---- MODULE NestedCommentOpen ----
A == 1
(* an outer comment (* with a closed inner one *)
====
