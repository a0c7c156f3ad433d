;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The garbage collector and threads against the bindings: graphs and
;;; evaluators built and dropped by the hundred while others are queried,
;;; with collections in between, and one graph queried from many threads.

(use-modules (srfi srfi-1) (srfi srfi-64) (ice-9 threads)
             (model-provenance graph) (model-provenance evaluate))

(load "chess.scm")

(define (fingerprint graph)
  (list (length (ancestors graph "sf-net"))
        (derivation-path graph "lc0-selfplay" "sf-net")
        (dominators graph "sf-net")))

(define expected (fingerprint (chess-graph)))

(test-begin "stress")

(test-assert "build and drop many graphs, collecting in between"
  (let ((kept (chess-graph)))
    (let loop ((round 0) (ok #t))
      (if (= round 300)
          (and ok (equal? expected (fingerprint kept)))
          (let* ((graph (chess-graph))
                 (evaluator (make-evaluator graph))
                 (verdict (evaluate evaluator "sf-net")))
            (when (zero? (modulo round 25)) (gc))
            (loop (+ round 1)
                  (and ok
                       (equal? expected (fingerprint graph))
                       (equal? expected (fingerprint kept))
                       (eq? 'retrainable-from-free-networks (verdict-kind verdict)))))))))

(test-assert "an evaluator keeps its graph alive"
  (let ((evaluator (make-evaluator (chess-graph))))
    (gc) (gc)
    (eq? 'retrainable-from-free-networks (verdict-kind (evaluate evaluator "sf-net")))))

(test-assert "dropped graphs are finalized"
  ;; Finalizers only drop a shared reference; running many of them while
  ;; allocating must neither crash nor disturb live graphs.
  (let ((live (chess-graph)))
    (for-each (lambda (i) (chess-graph)) (iota 500))
    (gc) (gc) (gc)
    (equal? expected (fingerprint live))))

(test-assert "eight threads query one graph at once"
  (let* ((graph (chess-graph))
         (evaluator (make-evaluator graph))
         (threads (map (lambda (i)
                         (call-with-new-thread
                          (lambda ()
                            (every (lambda (round)
                                     (when (zero? (modulo round 50)) (gc))
                                     (and (equal? expected (fingerprint graph))
                                          (eq? 'retrainable-from-free-networks
                                               (verdict-kind (evaluate evaluator "sf-net")))))
                                   (iota 200)))))
                       (iota 8))))
    (every join-thread threads)))

(test-assert "evaluate-all's entries, evaluated on demand from many threads at once"
  ;; Each entry's full verdict is evaluated once, whichever thread asks
  ;; first; the others get the same verdict.
  (let* ((evaluator (make-evaluator (chess-graph)))
         (entries (evaluate-all evaluator))
         (expected (map (lambda (e) (verdict-summary (evaluate evaluator (verdict-summary-entry-id e))))
                        entries))
         (results (par-map (lambda (i) (map verdict-summary entries)) (iota 16))))
    (and (every (lambda (r) (equal? r expected)) results)
         (every (lambda (e) (eq? (verdict-summary-entry-verdict e) (verdict-summary-entry-verdict e)))
                entries))))

(test-assert "threads building their own graphs"
  (every identity
         (par-map (lambda (i) (equal? expected (fingerprint (chess-graph)))) (iota 64))))

(test-end "stress")
