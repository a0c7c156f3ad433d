;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The Guix adapter: views of real <package> objects, the model-provenance
;;; lint checker for `guix lint' and Guix's `run-checkers', and the package
;;; set of `guix model-provenance'.  Nothing else of model-provenance knows
;;; about Guix.
;;;
;;; The catalog is loaded once per process, when the checker first runs,
;;; and shared by every package it checks.  Packages are first screened
;;; cheaply (annotation, name, origin hashes and URIs); only those that may
;;; ship weights are turned into views and checked in full.

(define-module (model-provenance guix)
  #:use-module (ice-9 exceptions)
  #:use-module (ice-9 match)
  #:use-module (rnrs bytevectors)
  #:use-module (srfi srfi-1)
  #:use-module (srfi srfi-11)
  #:use-module (srfi srfi-26)
  #:use-module (guix base16)
  #:use-module (guix diagnostics)
  #:use-module (guix git-download)
  #:use-module (guix hg-download)
  #:use-module (guix i18n)
  #:use-module (guix lint)
  #:use-module (guix packages)
  #:use-module ((guix store) #:select (fixed-output-path))
  #:use-module (guix svn-download)
  #:use-module (guix utils)
  #:use-module (gnu packages)
  #:use-module (model-provenance annotations)
  #:use-module (model-provenance catalog)
  #:use-module (model-provenance evaluate)
  #:use-module (model-provenance graph)
  #:use-module (model-provenance lint)
  #:export (origin->origin-view
            package->package-view
            package-clause-locations
            package-may-ship-weights?
            find-package
            annotated-package-annotations
            guix-lint-context
            check-model-provenance
            %model-provenance-checker-description
            %model-provenance-checker))

;;; Views.

(define (origin-sha256 origin)
  ;; Hexadecimal, or #f: computed origins and (sha256 #f) have none.
  (match (origin-hash origin)
    ((? content-hash? hash)
     (let ((value (content-hash-value hash)))
       (and (eq? 'sha256 (content-hash-algorithm hash))
            (bytevector? value)
            (bytevector->base16-string value))))
    (_ #f)))

(define (origin-uris origin)
  (match (origin-uri origin)
    ((? string? uri) (list uri))
    ((? list? uris) (filter string? uris))
    ((? git-reference? reference)
     (filter string? (list (git-reference-url reference))))
    ((? svn-reference? reference)
     (filter string? (list (svn-reference-url reference))))
    ((? svn-multi-reference? reference)
     (filter string? (list (svn-multi-reference-url reference))))
    ((? hg-reference? reference)
     (filter string? (list (hg-reference-url reference))))
    (_ '())))                           ;computed origins, bzr, cvs...

(define (origin-file-name* origin uris)
  ;; As origin-actual-file-name, for every kind of origin.
  (match (origin-file-name origin)
    ((? string? name) name)
    (_ (match uris
         ((uri . _) (match (string-split uri #\/) ((_ ... last) last)))
         (() #f)))))

(define (origin-method-name origin)
  ;; url-fetch, git-fetch... (Guix's url-fetch is a procedure named url-fetch*).
  (let ((name (and (procedure? (origin-method origin)) (procedure-name (origin-method origin)))))
    (if name
        (string->symbol (string-trim-right (symbol->string name) #\*))
        'unknown)))

(define (origin-store-item origin file-name)
  ;; Where the origin's download is in the store, if it is there: its path
  ;; follows from its name and hash alone, so nothing is downloaded, built
  ;; or asked of a daemon.  url-fetch hashes the file itself; the other
  ;; methods a directory, recursively.
  (match (origin-hash origin)
    ((? content-hash? hash)
     (and file-name (bytevector? (content-hash-value hash))
          (let ((item (fixed-output-path file-name (content-hash-value hash)
                                         #:hash-algo (content-hash-algorithm hash)
                                         #:recursive? (not (eq? 'url-fetch (origin-method-name origin))))))
            (and (file-exists? item) item))))
    (_ #f)))

(define (origin->origin-view label origin)
  "Return the view of ORIGIN, reached through LABEL (\"source\" or an
input label)."
  (let* ((uris (origin-uris origin))
         (file-name (origin-file-name* origin uris)))
    (origin-view label
                 #:method (origin-method-name origin)
                 #:uris uris
                 #:file-name file-name
                 #:sha256 (origin-sha256 origin)
                 #:store-item (delay (origin-store-item origin file-name)))))

(define (location->alist location)
  ;; Guix counts lines from 1; views, like source properties, from 0.
  (and location
       `((filename . ,(location-file location))
         (line . ,(- (location-line location) 1))
         (column . ,(location-column location)))))

(define (package-origins package)
  ;; (LABEL . ORIGIN) pairs: the source, then every input that is an origin.
  (append (match (package-source package)
            ((? origin? source) (list (cons "source" source)))
            (_ '()))
          (filter-map (match-lambda
                        (((? string? label) (? origin? origin) . _) (cons label origin))
                        (_ #f))
                      (append (package-inputs package) (package-native-inputs package)))))

;;; Where the clauses of an annotation were written.

(define (syntax-location form file)
  (let ((source (syntax-source form)))
    (and source (assq-ref source 'line)
         `((filename . ,file) (line . ,(assq-ref source 'line))
           (column . ,(assq-ref source 'column))))))

(define (model-provenance-clauses form)
  ;; The clauses of the first (model-provenance CLAUSE ...) list in FORM, a
  ;; syntax object, as syntax objects, or #f.
  (syntax-case form ()
    ((head . rest)
     (and (identifier? #'head) (eq? 'model-provenance (syntax->datum #'head)))
     (syntax-case #'rest ()
       ((clause ...) #'(clause ...))
       (_ #f)))
    ((first . rest)
     (or (model-provenance-clauses #'first) (model-provenance-clauses #'rest)))
    (_ #f)))

(define (package-clause-locations package)
  "Return a procedure that, given the clauses of PACKAGE's model-provenance
property, returns their locations, read from the package's source file as
`package-field-location' does; #f where unknown."
  (lambda (clauses)
    (let* ((unknown (map (const #f) clauses))
           (field (package-field-location package 'properties))
           (file (and field (location-file field)))
           (found (and file (search-path %load-path file))))
      (if (not found)
          unknown
          (or (false-if-exception
               (call-with-input-file found
                 (lambda (port)
                   (go-to-location port (location-line field) (+ 1 (location-column field)))
                   (match (model-provenance-clauses (read-syntax port))
                     (#f unknown)
                     (forms
                      (let ((locations (map (cut syntax-location <> file) forms)))
                        (if (= (length locations) (length clauses)) locations unknown)))))))
              unknown)))))

(define (package->package-view package)
  "Return the view of PACKAGE that the model-provenance checker works on:
its source and every input that is an origin."
  (package-view (package-name package) (package-version package)
                #:location (location->alist (package-location package))
                #:origins (map (match-lambda
                                 ((label . origin) (origin->origin-view label origin)))
                               (package-origins package))
                #:properties (package-properties package)
                #:clause-locations (package-clause-locations package)))

;;; Finding packages.

(define* (find-package name #:optional version)
  "Return the newest package called NAME (at VERSION, if given), or #f.
Hidden packages count, last: they ship inside others
(webrtc-for-telegram-desktop in telegram-desktop); deprecated names of
other packages do not."
  (match (find-best-packages-by-name name version)
    ((package . _) package)
    (()
     (fold-packages (lambda (package found)
                      (or found
                          (and (string=? name (package-name package))
                               (or (not version) (string=? version (package-version package)))
                               package)))
                    #f #:select? (negate package-superseded)))))

;;; Screening.

(define (catalog-hashes context)
  ;; The sha256 of the catalog's weights as bytevectors, so that screening
  ;; compares origins' hashes without rendering them in hexadecimal.
  (let ((table (make-hash-table)))
    (for-each (lambda (artifact)
                (when (artifact-sha256 artifact)
                  (hash-set! table (base16-string->bytevector (artifact-sha256 artifact)) #t)))
              (lint-context-catalog-weights context))
    table))

(define (origin-may-ship-weights? hashes context origin)
  (or (match (origin-hash origin)
        ((? content-hash? hash) (hash-ref hashes (content-hash-value hash)))
        (_ #f))
      (any (lambda (uri)
             (or (pair? (catalog-weights-for-uri context uri))
                 (weights-file-name? uri)
                 (weights-location? uri)))
           (origin-uris origin))
      (match (origin-file-name origin)
        ((? string? name) (weights-file-name? name))
        (_ #f))))

(define package-may-ship-weights?
  (let ((hashes-of (make-weak-key-hash-table)))
    (lambda (context package)
      "Return true unless PACKAGE certainly ships no weights the checker would
report on: no annotation, no catalog entry naming it, no origin whose hash,
URI or file name is that of weights."
      (let ((hashes (or (hashq-ref hashes-of context)
                        (let ((hashes (catalog-hashes context)))
                          (hashq-set! hashes-of context hashes)
                          hashes))))
        (or (assq 'model-provenance (package-properties package))
            (pair? (catalog-weights-for-package context (package-name package)))
            (any (match-lambda ((label . origin) (origin-may-ship-weights? hashes context origin)))
                 (package-origins package)))))))

;;; The context, once per process.

(define (annotated-package-annotations)
  "Return the (NAME . ANNOTATION) pairs of the packages of the
distribution that carry a model-provenance property."
  (fold-packages (lambda (package result)
                   (match (assq 'model-provenance (package-properties package))
                     (#f result)
                     ((_ . annotation) (cons (cons (package-name package) annotation) result))))
                 '()))

(define (make-guix-lint-context)
  (define (context-of declarations)
    (make-lint-context #:catalog declarations
                       #:other-annotations annotated-package-annotations
                       #:version-known? (lambda (name version)
                                          (pair? (find-packages-by-name name version)))))
  (guard (e ((or (input-error? e) (annotation-error? e) (provenance-error? e))
             ;; Said once: without the catalog, the checker still reports
             ;; weights without provenance and checks annotations.
             (warning (G_ "model-provenance: the catalog cannot be used: ~a~%")
                      (if (annotation-error? e) (annotation-error->string e) (exception-message e)))
             (context-of '())))
    (let-values (((views declarations) (load-catalog)))
      (context-of declarations))))

(define %context (delay (make-guix-lint-context)))

(define (guix-lint-context)
  "Return the lint context the checker uses: the catalog under the default
policy and hardware, made once per process."
  (force %context))

;;; The checker.

(define (warning->lint-warning package w)
  (lint-warning
   (package package)
   ;; The message may hold tildes (URLs): it is data, not a format string.
   (message-text "~a")
   (message-data (list (warning-message w)))
   (location (match (warning-location w)
               (#f (package-location package))
               (location (source-properties->location location))))))

(define (check-model-provenance package)
  "Return the model-provenance lint warnings of PACKAGE: weights shipped
without provenance, verdicts the default policy does not accept, and
annotations that are invalid or that the package contradicts."
  (let ((context (guix-lint-context)))
    (if (package-may-ship-weights? context package)
        (map (cut warning->lint-warning package <>)
             (check-package context (package->package-view package)))
        '())))

(define %model-provenance-checker-description
  "Check that shipped trained weights have a provenance users can reproduce")

(define %model-provenance-checker
  (lint-checker
   (name 'model-provenance)
   (description %model-provenance-checker-description)
   (check check-model-provenance)))
