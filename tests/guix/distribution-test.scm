;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The checker over every package of the distribution, as a
;;; whole-distribution `guix lint -c model-provenance' runs it: it raises
;;; nothing, and warns exactly on the packages that ship weights.  Prints
;;; the warnings and the time taken (the budget is checked by
;;; bench/guix-checker-bench.scm, not here).

(use-modules (srfi srfi-1) (srfi srfi-11) (srfi srfi-64) (ice-9 format)
             (gnu packages) (guix packages) (guix diagnostics) (guix lint)
             (model-provenance catalog) (model-provenance lint) (model-provenance guix))

(define packages
  ;; Hidden and deprecated packages too, and grafted replacements.
  (let ((all (fold-packages cons '() #:select? (const #t))))
    (delete-duplicates (append all (filter-map package-replacement all)) eq?)))
(define check (lint-checker-check %model-provenance-checker))

(test-begin "guix-distribution")

(test-assert "more than 27,017 packages, hidden ones and replacements included"
  (> (length packages) 27017))

(define raised '())
(define start (get-internal-real-time))
(define warnings
  (append-map (lambda (package)
                (catch #t
                  (lambda () (check package))
                  (lambda (key . args)
                    (set! raised (cons (list (package-full-name package) key args) failures))
                    '())))
              packages))
(define seconds (/ (- (get-internal-real-time) start) internal-time-units-per-second))

(format #t "~a packages checked in ~,2f s (~,1f us each, including the catalog), ~a warnings:~%"
        (length packages) seconds (/ (* 1e6 seconds) (length packages)) (length warnings))
(for-each (lambda (w)
            (format #t "  ~a: ~a: ~a~%" (location->string (lint-warning-location w))
                    (package-full-name (lint-warning-package w)) (lint-warning-message w)))
          warnings)

(test-equal "no package makes the checker raise" '() raised)

(define expected
  ;; The catalog's packages on which the standalone command warns: the
  ;; distribution must warn on those and no others.
  (let-values (((views declarations) (load-catalog)))
    (let ((context (make-lint-context #:catalog declarations)))
      (sort (delete-duplicates
             (filter-map (lambda (view) (and (pair? (check-package context view)) (package-view-name view)))
                         views))
            string<?))))

(test-equal "warnings on exactly the catalog's packages that the standalone command warns on"
  expected
  (sort (delete-duplicates (map (lambda (w) (package-name (lint-warning-package w))) warnings))
        string<?))

(test-assert "every warning has a location"
  (every lint-warning-location warnings))

(test-end "guix-distribution")
