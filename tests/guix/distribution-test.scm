;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The checker over every package of the distribution, as a
;;; whole-distribution `guix lint -c model-provenance' runs it: it raises
;;; nothing, and warns exactly on the packages that ship weights.  Prints
;;; the warnings and the time taken (the budget is checked by
;;; bench/guix-checker-bench.scm, not here).

(use-modules (srfi srfi-1) (srfi srfi-64) (ice-9 format)
             (gnu packages) (guix packages) (guix diagnostics) (guix lint)
             (model-provenance guix))

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

(test-equal "warnings on exactly the packages that ship known or visible weights"
  '("gnubg" "lc0-611246" "lc0-791556" "lc0-815383" "lc0-maia-1100" "lc0-maia-1200"
    "lc0-maia-1300" "lc0-maia-1400" "lc0-maia-1500" "lc0-maia-1600" "lc0-maia-1700"
    "lc0-maia-1800" "lc0-maia-1900" "lc0-t1" "lc0-t1-256" "lc0-t1-512" "lc0-t2"
    "opencv" "python-onnx-asr" "rnnoise" "stockfish" "tesseract-ocr-tessdata-fast")
  (sort (delete-duplicates (map (lambda (w) (package-name (lint-warning-package w))) warnings))
        string<?))

(test-assert "every warning has a location"
  (every lint-warning-location warnings))

(test-end "guix-distribution")
