;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; What the model-provenance checker costs Guix, over every package of the
;;; distribution.  Run with Guix's modules and the patched guix/lint.scm on
;;; the load path; bench/guix-checker-bench sets that up:
;;;   guile guix-checker-bench.scm installed|absent
;;; installed: the checker's own cost per package, the catalog loaded (once,
;;; timed apart), inputs forced as the checker forces them; and what forcing
;;; the inputs alone costs.  absent: what the patched `guix lint' pays per
;;; package when model-provenance is not installed.

(use-modules (ice-9 format) (ice-9 match) (srfi srfi-1)
             (gnu packages) (guix packages) (guix lint))

(define (guix-lint-context)
  ;; Resolved at run time: absent, model-provenance is not there.
  ((module-ref (resolve-interface '(model-provenance guix)) 'guix-lint-context)))

(define (seconds thunk)
  (let ((start (get-internal-real-time)))
    (thunk)
    (/ (- (get-internal-real-time) start) 1.0 internal-time-units-per-second)))

(define (best-of n thunk)
  (apply min (map (lambda (i) (seconds thunk)) (iota n))))

(define packages (fold-packages cons '()))
(define count (length packages))
(define (per-package s) (/ (* 1e6 s) count))

(define check
  ;; The checker `guix lint -c model-provenance' runs: the patched Guix's.
  (lint-checker-check (find (lambda (c) (eq? 'model-provenance (lint-checker-name c)))
                            %local-checkers)))

(define (check-all)
  (for-each check packages))

(define (force-inputs)
  (for-each (lambda (p) (package-inputs p) (package-native-inputs p)) packages))

(format #t "~a packages~%" count)
(match (cdr (command-line))
  (("installed")
   ;; Forcing a package's inputs the first time costs Guix far more than
   ;; later (thunks, lazily resolved inputs): timed apart, as any checker
   ;; that looks at inputs pays it.
   (let ((cold-inputs (seconds force-inputs)))
     (format #t "forcing every package's inputs the first time: ~,2f s, ~,1f us/package~%"
             cold-inputs (per-package cold-inputs)))
   (let ((catalog (seconds guix-lint-context)))
     (format #t "loading the catalog and making its graph, once: ~,3f s~%" catalog))
   (let ((first (seconds check-all)))
     (format #t "checker, first pass (catalog loaded): ~,2f s, ~,1f us/package~%"
             first (per-package first)))
   (let ((inputs (best-of 3 force-inputs))
         (checker (best-of 3 check-all)))
     (format #t "checker, best of 3: ~,3f s, ~,1f us/package~%" checker (per-package checker))
     (format #t "of which forcing inputs: ~,1f us/package~%" (per-package inputs))))
  (("absent")
   (let ((first (seconds check-all))
         (next (best-of 5 check-all)))
     (format #t "model-provenance absent, first pass (one failed lookup): ~,1f us/package~%"
             (per-package first))
     (format #t "model-provenance absent, best of 5: ~,3f us/package~%" (per-package next)))))
