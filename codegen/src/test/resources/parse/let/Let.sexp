(module Let
  (def A () (let ((def x () 1)) (+ x 1)))
  (def B () (let ((def f (a b) (+ a b)) (fundef g ((\in i (.. 1 3))) (* i 2)) (recursive h/1) (def h (n) (if (= n 0) 0 (h (- n 1))))) (+ (f 1 (apply g 2)) (h 3))))
  (def C () (let ((def x () (let ((def y () 2)) y))) x))
  (def D () (+ 1 (let ((def x () 2)) (+ x 3))))
)
