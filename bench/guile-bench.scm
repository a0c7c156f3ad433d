;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The cost of crossing between Scheme and the C++ core:
;;;   build/pre-inst-env guile bench/guile-bench.scm
;;; Prints the time of one boundary crossing (a call returning two
;;; integers), and of returning a lineage of 100,000 nodes to Scheme, as
;;; raw vectors and as records.

(use-modules (ice-9 format) (srfi srfi-1)
             (model-provenance bindings) (model-provenance graph))

(define (seconds thunk)
  (let ((start (get-internal-real-time)))
    (thunk)
    (/ (- (get-internal-real-time) start) 1.0 internal-time-units-per-second)))

(define (best-of n thunk)
  (apply min (map (lambda (i) (seconds thunk)) (iota n))))

;; A chain: data, then 50,000 fine-tunings, so 100,000 ancestors.
(define steps 50000)
(define chain
  (make-provenance-graph
   (cons (artifact "data" 'dataset)
         (map (lambda (k) (artifact (format #f "w~a" k) 'weights)) (iota steps 1)))
   (map (lambda (k)
          (step (format #f "s~a" k) (if (= k 1) 'train 'fine-tune)
                #:inputs (list (if (= k 1)
                                   '("data" . training-data)
                                   (cons (format #f "w~a" (- k 1)) 'initial-weights)))
                #:outputs (list (format #f "w~a" k))))
        (iota steps 1))))

(define deepest (format #f "w~a" steps))
(define calls 1000000)

(let ((total (best-of 3 (lambda () (do ((i 0 (+ i 1))) ((= i calls)) (%graph-counts chain))))))
  (format #t "one crossing (%graph-counts): ~,0f ns~%" (* 1e9 (/ total calls))))

(let ((raw (best-of 5 (lambda () (%graph-lineage chain deepest 'ancestors #t #t #f))))
      (records (best-of 5 (lambda () (ancestors chain deepest)))))
  (format #t "lineage of ~a nodes: ~,1f ms as vectors, ~,1f ms as records~%"
          (length (ancestors chain deepest)) (* 1e3 raw) (* 1e3 records)))

(let ((build (best-of 3 (lambda ()
                          (make-provenance-graph
                           (cons (artifact "data" 'dataset)
                                 (map (lambda (k) (artifact (format #f "w~a" k) 'weights))
                                      (iota steps 1)))
                           '())))))
  (format #t "building a graph of ~a artifacts from records: ~,1f ms~%" (+ steps 1) (* 1e3 build)))
