;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The cost of crossing between Scheme and the C++ core:
;;;   build/pre-inst-env guile bench/guile-bench.scm
;;; Prints the time of one boundary crossing (a call returning two
;;; integers), of returning a lineage of 100,000 nodes to Scheme, as raw
;;; vectors and as records (the first time, which makes the id strings,
;;; and then, wall-clock and CPU), of drawing it with lineage->dot (and a tenth of
;;; it, to show the cost is linear), and of building a graph of 2,000,001
;;; artifacts from records with make-provenance-graph.  The figures of issue
;;; 15: under 5 ms for the lineage as records, under 0.5 s for the drawing,
;;; under 5 s for the build.  MP_BENCH_ARTIFACTS sets the build's size.

(use-modules (ice-9 format) (srfi srfi-1)
             (model-provenance bindings) (model-provenance graph))

(define (seconds thunk)
  (let ((start (get-internal-real-time)))
    (thunk)
    (/ (- (get-internal-real-time) start) 1.0 internal-time-units-per-second)))

(define (best-of n thunk)
  (apply min (map (lambda (i) (seconds thunk)) (iota n))))

(define (cpu-seconds thunk)
  (let ((start (get-internal-run-time)))
    (thunk)
    (/ (- (get-internal-run-time) start) 1.0 internal-time-units-per-second)))

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

(let* ((first (seconds (lambda () (ancestors chain deepest))))
       (raw (best-of 5 (lambda () (%graph-lineage chain deepest 'ancestors #t #t #f))))
       (records (best-of 5 (lambda () (ancestors chain deepest))))
       (cpu (/ (cpu-seconds (lambda () (do ((i 0 (+ i 1))) ((= i 20)) (ancestors chain deepest)))) 20)))
  (format #t "lineage of ~a nodes: ~,1f ms as vectors, ~,1f ms as records (~,1f ms of CPU on average), ~
~,1f ms the first time~%"
          (length (ancestors chain deepest)) (* 1e3 raw) (* 1e3 records) (* 1e3 cpu) (* 1e3 first)))

;; Drawing lineages of 100,000 and 10,000 nodes: linear if the ratio of
;; the times is about 10.
(define (dot-of id)
  (call-with-output-string (lambda (port) (lineage->dot chain id #:port port))))
(let* ((tenth (format #f "w~a" (quotient steps 10)))
       (large (best-of 3 (lambda () (dot-of deepest))))
       (small (best-of 3 (lambda () (dot-of tenth)))))
  (format #t "lineage->dot of ~a nodes: ~,1f ms; of ~a nodes: ~,2f ms (ratio ~,1f)~%"
          (length (ancestors chain deepest)) (* 1e3 large)
          (length (ancestors chain tenth)) (* 1e3 small) (/ large small)))

;; Building a graph: the records are made first, untimed but for the
;; figure printed, then make-provenance-graph is timed alone.
(define size
  (or (and=> (getenv "MP_BENCH_ARTIFACTS") string->number) 2000000))
(let* ((records #f)
       (making (seconds
                (lambda ()
                  (set! records
                    (cons (artifact "data" 'dataset #:license "CC0-1.0")
                          (map (lambda (k)
                                 (artifact (string-append "w" (number->string k)) 'weights
                                           #:license "Apache-2.0"))
                               (iota (- size 1) 1)))))))
       (build (best-of 3 (lambda () (make-provenance-graph records '())))))
  (format #t "making ~a artifact records: ~,2f s; make-provenance-graph of them: ~,2f s~%"
          size making build))
