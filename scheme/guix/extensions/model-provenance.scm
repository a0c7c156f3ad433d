;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; guix model-provenance: lint, show, why and graph for Guix packages.
;;; Installed in share/guix/extensions, where GUIX_EXTENSIONS_PATH finds it.

(define-module (guix extensions model-provenance)
  #:use-module (ice-9 match)
  #:use-module (srfi srfi-1)
  #:use-module (guix packages)
  #:use-module (guix scripts)
  #:use-module (gnu packages)
  #:use-module (model-provenance annotations)
  #:use-module (model-provenance cli)
  #:use-module (model-provenance guix)
  #:use-module (model-provenance lint)
  #:export (guix-model-provenance))

(define (annotated-packages)
  ;; Every package that declares provenance: annotations may refer to
  ;; each other's artifacts.
  (fold-packages (lambda (package result)
                   (if (assq 'model-provenance (package-properties package))
                       (cons package result)
                       result))
                 '()))

(define (all-packages)
  (fold-packages cons '()))

(define (read-packages options)
  ;; Packages named on the command line (after the subcommand), every
  ;; annotated package, and for `lint' without names, every package.
  (let* ((operands (reverse (filter-map (match-lambda (('operand . o) o) (_ #f)) options)))
         (named (match operands
                  ((command . names)
                   (filter-map (lambda (name)
                                 (false-if-exception (specification->package name)))
                               names))
                  (_ '())))
         (packages (match operands
                     (("lint") (all-packages))
                     (_ (delete-duplicates (append named (annotated-packages)) eq?)))))
    (values (map package->package-view packages) '())))

(define-command (guix-model-provenance . args)
  (category extension)
  (synopsis "tell where the trained weights of packages come from")
  (exit (run-model-provenance args
                              #:program "guix model-provenance"
                              #:packages-from "packages of Guix"
                              #:catalog-packages? #f
                              #:read-packages read-packages)))
