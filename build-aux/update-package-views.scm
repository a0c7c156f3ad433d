;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; Writes catalog/guix-packages.scm: the package views of every Guix
;;; package the catalog knows, read from a real Guix with the adapter, so
;;; that the main job lints what Guix really has.  With Guix's modules on
;;; the load path (tests/guix/run BUILD does that):
;;;   guile build-aux/update-package-views.scm CATALOG-DIR [OUTPUT]
;;; Without OUTPUT, prints to standard output (the guix tests compare it
;;; with the committed file).

(use-modules (ice-9 match) (ice-9 pretty-print) (srfi srfi-1) (srfi srfi-11) (srfi srfi-26)
             (gnu packages) (guix packages)
             (model-provenance annotations) (model-provenance catalog)
             (model-provenance graph) (model-provenance lint) (model-provenance guix))

(define catalog-directory (cadr (command-line)))

(define (catalog-packages)
  ;; The (NAME . VERSION) of the Guix packages the catalog's weights name,
  ;; VERSION #f when the catalog records none, in the catalog's order.
  (let-values (((views declarations) (load-catalog catalog-directory)))
    (delete-duplicates
     (cons '("lc0" . #f)               ;the engine: the nets' lineage needs it, it ships none
           (filter-map (lambda (a)
                         (and (eq? 'weights (artifact-kind a)) (artifact-guix-package a)
                              (cons (artifact-guix-package a)
                                    (and (not (string-null? (artifact-version a)))
                                         (artifact-version a)))))
                       (append-map provenance-artifacts declarations)))
     (lambda (a b) (string=? (car a) (car b))))))

(define (package-named name version)
  (or (find-package name version)
      (error "the catalog names a package Guix does not have:" name version)))

(define (write-origin o port)
  (format port "(origin-view ~s #:method '~a~%" (origin-view-label o) (origin-view-method o))
  (format port "                     #:uris '~s" (origin-view-uris o))
  (when (origin-view-file-name o)
    (format port "~%                     #:file-name ~s" (origin-view-file-name o)))
  (when (origin-view-sha256 o)
    (format port "~%                     #:sha256 ~s" (origin-view-sha256 o)))
  (display ")" port))

(define (write-view view port)
  (let ((location (package-view-location view)))
    (format port "  (package-view ~s ~s~%" (package-view-name view) (package-view-version view))
    (format port "    #:location (at ~s ~a ~a)~%" (assq-ref location 'filename)
            (+ 1 (assq-ref location 'line)) (assq-ref location 'column))
    (format port "    #:origins~%    (list ")
    (let loop ((origins (package-view-origins view)) (first? #t))
      (match origins
        (() #t)
        ((o . rest)
         (unless first? (format port "~%          "))
         (write-origin o port)
         (loop rest #f))))
    (display "))" port)))

(define (write-views port)
  (display ";;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The Guix packages the catalog knows, as package views: their locations
;;; and origins (URIs, sha256 in hexadecimal) as Guix master of 2026-03-21
;;; (commit 43770a9d8ac4) defines them.  Generated from that Guix by
;;; build-aux/update-package-views.scm; do not edit.  The main job lints
;;; these packages against the catalog.

(define (at file line column)
  ;; Guix prints lines from 1; views keep them from 0, like syntax-source.
  `((filename . ,file) (line . ,(- line 1)) (column . ,column)))

" port)
  (display "(list\n" port)
  (for-each (match-lambda
              ((name . version)
               (write-view (package->package-view (package-named name version)) port)
               (newline port)))
            (catalog-packages))
  (display ")\n" port))

(match (command-line)
  ((_ _) (write-views (current-output-port)))
  ((_ _ output)
   ;; Written aside, then renamed: a failure leaves the old file whole.
   (let ((temporary (string-append output ".new")))
     (call-with-output-file temporary write-views)
     (rename-file temporary output))))
