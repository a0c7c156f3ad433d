;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The Guix adapter against real Guix.  Where (guix packages) cannot be
;;; loaded the suite exits 77, which ctest reports as skipped.

(use-modules (srfi srfi-1) (srfi srfi-64))

(unless (false-if-exception (resolve-interface '(guix packages)))
  (format #t "(guix packages) does not load here: skipping the Guix adapter tests~%")
  (exit 77))

(define (guix-ref module name) (module-ref (resolve-interface module) name))

(define package->package-view (guix-ref '(model-provenance guix) 'package->package-view))
(define checker (guix-ref '(model-provenance guix) '%model-provenance-checker))
(define specification->package (guix-ref '(gnu packages) 'specification->package))
(define lint-checker-name (guix-ref '(guix lint) 'lint-checker-name))
(define lint-checker-check (guix-ref '(guix lint) 'lint-checker-check))
(define lint-warning-message (guix-ref '(guix lint) 'lint-warning-message))
(define origin-view-label (guix-ref '(model-provenance lint) 'origin-view-label))
(define origin-view-sha256 (guix-ref '(model-provenance lint) 'origin-view-sha256))
(define package-view-origins (guix-ref '(model-provenance lint) 'package-view-origins))

(test-begin "guix")

(test-equal "the checker's name" 'model-provenance (lint-checker-name checker))

(let* ((stockfish (specification->package "stockfish"))
       (view (package->package-view stockfish))
       (big (find (lambda (o) (string=? "neural-network-big" (origin-view-label o)))
                  (package-view-origins view))))
  (test-assert "stockfish's big net is an input origin" big)
  (test-assert "with its sha256 in hexadecimal"
    (and big (string-prefix? "c288c895ea92" (origin-view-sha256 big))))
  (test-assert "the checker flags the unannotated nets"
    (any (lambda (w) (string-contains (lint-warning-message w) "looks like trained weights"))
         ((lint-checker-check checker) stockfish))))

(test-end "guix")
