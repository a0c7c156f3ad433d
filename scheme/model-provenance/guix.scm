;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The Guix adapter: views of real <package> objects, and the
;;; model-provenance lint checker for Guix's `run-checkers'.  Written
;;; against the API Guix exports; nothing else of model-provenance knows
;;; about Guix.

(define-module (model-provenance guix)
  #:use-module (ice-9 match)
  #:use-module (srfi srfi-1)
  #:use-module (guix base16)
  #:use-module (guix diagnostics)
  #:use-module (guix git-download)
  #:use-module (guix lint)
  #:use-module (guix packages)
  #:use-module (model-provenance annotations)
  #:use-module (model-provenance lint)
  #:export (origin->origin-view
            package->package-view
            check-model-provenance
            %model-provenance-checker))

(define (origin-sha256 origin)
  (let ((hash (origin-hash origin)))
    (and hash
         (eq? 'sha256 (content-hash-algorithm hash))
         (bytevector->base16-string (content-hash-value hash)))))

(define (origin-uris origin)
  (match (origin-uri origin)
    ((? string? uri) (list uri))
    (((? string? uris) ...) uris)
    ((? git-reference? reference) (list (git-reference-url reference)))
    (_ '())))

(define (origin->origin-view label origin)
  "Return the view of ORIGIN, reached through LABEL (\"source\" or an
input label)."
  (origin-view label
               #:method (if (git-reference? (origin-uri origin)) 'git-fetch 'url-fetch)
               #:uris (origin-uris origin)
               #:file-name (origin-actual-file-name origin)
               #:sha256 (origin-sha256 origin)))

(define (location->alist location)
  ;; Guix counts lines from 1; views, like source properties, from 0.
  (and location
       `((filename . ,(location-file location))
         (line . ,(- (location-line location) 1))
         (column . ,(location-column location)))))

(define (package->package-view package)
  "Return the view of PACKAGE that the model-provenance checker works on:
its source and every input that is an origin."
  (package-view (package-name package) (package-version package)
                #:location (location->alist (package-location package))
                #:origins
                (append (match (package-source package)
                          ((? origin? source) (list (origin->origin-view "source" source)))
                          (_ '()))
                        (filter-map (match-lambda
                                      ((label (? origin? origin) . _)
                                       (origin->origin-view label origin))
                                      (_ #f))
                                    (append (package-inputs package)
                                            (package-native-inputs package))))
                #:properties (package-properties package)))

(define* (check-model-provenance package #:key (catalog '()))
  "Return the model-provenance lint warnings of PACKAGE: weights shipped
without annotation, verdicts the default policy does not accept, and
annotations the package contradicts."
  (let* ((view (package->package-view package))
         (context (make-lint-context (list view) #:catalog catalog)))
    (map (lambda (w)
           (lint-warning
            (package package)
            (message-text (warning-message w))
            (location (match (warning-location w)
                        (#f (package-location package))
                        (location (source-properties->location location))))))
         (check-package context view))))

(define %model-provenance-checker
  (lint-checker
   (name 'model-provenance)
   (description "Check that shipped trained weights have a provenance users can reproduce")
   (check check-model-provenance)))
