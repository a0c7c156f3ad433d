;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; How well the checker finds the packages that ship trained models,
;;; measured against the catalog over the whole distribution:
;;;   tests/guix/run BUILD guile bench/guix-detection.scm
;;; Truth: the Guix packages whose weights the catalog records (built or
;;; not).  Detection without the catalog: origins that look like weights
;;; (file names, model hubs and repositories).  With the catalog: origin
;;; hashes and URIs, and package names.  Prints recall and precision of
;;; each, and the packages each misses or adds.

(use-modules (ice-9 format) (ice-9 match) (srfi srfi-1)
             (gnu packages) (guix packages)
             (model-provenance annotations) (model-provenance catalog) (model-provenance graph)
             (model-provenance lint) (model-provenance guix))

(define-values (views declarations) (load-catalog))
(define context (guix-lint-context))

(define truth
  (delete-duplicates
   (filter-map (lambda (a) (and (eq? 'weights (artifact-kind a)) (artifact-guix-package a)))
               (append-map provenance-artifacts declarations))))

(define packages
  ;; Hidden packages too: they ship inside others.
  (fold-packages cons '() #:select? (negate package-superseded)))

(define (names-where predicate)
  (delete-duplicates
   (filter-map (lambda (p) (and (predicate p) (package-name p))) packages)))

(define by-origins
  (names-where (lambda (p) (any weights-origin? (package-view-origins (package->package-view p))))))

(define with-catalog
  (names-where (lambda (p) (and (package-may-ship-weights? context p)
                                (pair? (package-shipped-weights context (package->package-view p)))))))

(define (report name found)
  (let* ((hits (lset-intersection string=? found truth))
         (recall (/ (length hits) (max 1 (length truth))))
         (precision (/ (length hits) (max 1 (length found)))))
    (format #t "~a: found ~a packages, ~a of the ~a the catalog knows: recall ~,2f, precision ~,2f~%"
            name (length found) (length hits) (length truth) recall precision)
    (format #t "  missed: ~{~a~^ ~}~%" (sort (lset-difference string=? truth found) string<?))
    (format #t "  not in the catalog: ~{~a~^ ~}~%" (sort (lset-difference string=? found truth) string<?))))

(format #t "~a packages in the distribution~%" (length packages))
(report "origins that look like weights (no catalog)" by-origins)
(report "with the catalog (hashes, URIs, package names)" with-catalog)
