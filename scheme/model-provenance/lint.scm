;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The model-provenance lint checker, on package views: what a checker
;;; needs to know of a package, without Guix.  (model-provenance guix)
;;; makes views of real packages; the standalone command reads them from
;;; files.
;;;
;;; Every package is judged in the graph of the catalog, refined by its
;;; own annotation and by the annotations of other packages it refers to.
;;; The catalog's graph and evaluator are made once per lint context and
;;; shared by every package without an annotation.

(define-module (model-provenance lint)
  #:use-module (ice-9 exceptions)
  #:use-module (ice-9 format)
  #:use-module (ice-9 match)
  #:use-module (ice-9 regex)
  #:use-module (srfi srfi-1)
  #:use-module (srfi srfi-9)
  #:use-module (srfi srfi-11)
  #:use-module (srfi srfi-26)
  #:use-module (model-provenance annotations)
  #:use-module (model-provenance evaluate)
  #:use-module (model-provenance graph)
  #:use-module (model-provenance inspect)
  #:export (origin-view origin-view? origin-view-label origin-view-method
            origin-view-uris origin-view-file-name origin-view-sha256 origin-view-store-item
            package-view package-view? package-view-name package-view-version
            package-view-location package-view-origins package-view-properties
            package-view-full-name package-view-annotation

            weights-origin? weights-file-name? weights-location?

            warning? warning-package warning-location warning-kind warning-message
            warning-explanation warning-verdict warning->string

            merge-declarations

            make-lint-context lint-context? lint-context-policy lint-context-hardware
            lint-context-catalog-graph lint-context-catalog-weights
            catalog-weights-for-sha256 catalog-weights-for-uri catalog-weights-for-package
            package-annotation package-graph package-evaluator
            package-shipped-weights check-package source-warnings inspection-warnings))

;;; Package views.

;; One origin of a package: its source (LABEL "source") or a labelled
;; input.  SHA256 is hexadecimal; URIS are strings (a git URL for
;; git-fetch).
(define-record-type <origin-view>
  (%origin-view label method uris file-name sha256 store-item)
  origin-view?
  (label origin-view-label)
  (method origin-view-method)
  (uris origin-view-uris)
  (file-name origin-view-file-name)
  (sha256 origin-view-sha256)
  (store-item %origin-view-store-item))   ;#f, a file name, or a promise of one

(define* (origin-view label #:key (method 'url-fetch) (uris '()) file-name sha256 store-item)
  "Return the view of one origin of a package: LABEL is \"source\" or the
input's label.  STORE-ITEM is the origin's file or directory when it is
already in the store, for inspecting it, or a promise of that (finding it
costs, and only weights origins need it); #f otherwise."
  (%origin-view label method uris file-name (and sha256 (string-downcase sha256)) store-item))

(define (origin-view-store-item origin)
  "Return ORIGIN's file or directory in the store, or #f when it is not there."
  (let ((item (%origin-view-store-item origin)))
    (if (promise? item) (force item) item)))

(define-record-type <package-view>
  (%package-view name version location origins properties clause-locations)
  package-view?
  (name package-view-name)
  (version package-view-version)
  (location package-view-location)     ;alist: filename, line (0-based), column
  (origins package-view-origins)
  (properties package-view-properties)
  (clause-locations package-view-clause-locations)) ;thunk, see below

(define (source-property-locations clauses)
  ;; Where the reader recorded each clause, for data read from a file.
  (map (lambda (clause)
         (and (pair? clause)
              (let ((properties (source-properties clause)))
                (and (assq 'line properties)
                     `((filename . ,(assq-ref properties 'filename))
                       (line . ,(assq-ref properties 'line))
                       (column . ,(assq-ref properties 'column)))))))
       clauses))

(define* (package-view name version #:key location (origins '()) (properties '())
                       (clause-locations source-property-locations))
  "Return what the checker needs to know of a package.  CLAUSE-LOCATIONS,
given the clauses of its model-provenance property, returns their source
locations (alists, or #f where unknown); by default those the reader
recorded."
  (%package-view name version location origins properties clause-locations))

(define (package-view-full-name view)
  "Return NAME@VERSION of VIEW, as guix lint names packages."
  (string-append (package-view-name view) "@" (package-view-version view)))

(define (package-view-annotation view)
  "Return the model-provenance property of VIEW as written (plain data, or
a record made by the provenance macro), or #f."
  (match (assq 'model-provenance (package-view-properties view))
    (#f #f)
    ((_ . value) value)))

;;; Recognising weights.

;; File names of weights: NNUE nets, Lc0 networks, ONNX, safetensors, GGUF,
;; pickled PyTorch checkpoints, TFLite, Keras/HDF5, NumPy archives, Caffe
;; models and Tesseract models; case does not matter.  Compared as strings,
;; not with regular expressions: `guix lint' asks this of every URI of
;; every package, and regexp-exec cost most of the checker's time.
(define weights-file-suffixes
  '(".nnue" ".pb.gz" ".onnx" ".safetensors" ".gguf" ".pt" ".pth" ".ckpt"
    ".tflite" ".h5" ".keras" ".npz" ".caffemodel" ".traineddata"))

;; Weights named by what precedes ".bin" in the last component of the name:
;; pytorch_model*.bin, ggml*.bin.
(define weights-bin-infixes '("pytorch_model" "ggml"))

;; Where weights are fetched from even when the file name does not say so:
;; model hubs, network stores and repositories holding trained models; in
;; lower case.
(define weights-locations
  '("huggingface.co/" "storage.lczero.org/files/networks"
    "tests.stockfishchess.org/api/nn/" "github.com/tesseract-ocr/tessdata"
    "github.com/csslab/maia-chess" "github.com/opencv/opencv_3rdparty"))

;; Files that come along with weights but are not trained: configuration,
;; vocabularies, documentation, code.
(define not-weights-extensions
  '(".json" ".txt" ".md" ".py" ".yaml" ".yml" ".cfg" ".ini" ".html"))

;; These run on every URI and file name of every package of Guix: they
;; compare characters in place rather than allocate or call into C.

(define (ascii-downcase c)
  (if (char<=? #\A c #\Z) (integer->char (+ (char->integer c) 32)) c))

(define (matches-at? string start pattern)
  ;; Whether STRING holds PATTERN, in lower case, at START, whatever the case.
  (let ((end (+ start (string-length pattern))))
    (and (<= end (string-length string))
         (let loop ((i start) (j 0))
           (or (= i end)
               (and (char=? (ascii-downcase (string-ref string i)) (string-ref pattern j))
                    (loop (+ i 1) (+ j 1))))))))

(define (ends-with? string suffix)
  (let ((start (- (string-length string) (string-length suffix))))
    (and (>= start 0) (matches-at? string start suffix))))

(define (contains-between? string pattern start end)
  ;; Whether PATTERN occurs in STRING within [START, END), whatever the case.
  (let ((last (- end (string-length pattern))))
    (let loop ((i start))
      (and (<= i last)
           (or (matches-at? string i pattern) (loop (+ i 1)))))))

(define (extension name)
  ;; NAME from its last dot, in lower case, or #f.
  (match (string-rindex name #\.)
    (#f #f)
    (dot (string-downcase (substring name dot)))))

(define weights-suffixes-by-last-char
  ;; The suffixes of weights-file-name?, by their last character.
  (let ((table (make-hash-table)))
    (for-each (lambda (suffix)
                (let ((c (string-ref suffix (- (string-length suffix) 1))))
                  (hashv-set! table c (cons suffix (hashv-ref table c '())))))
              weights-file-suffixes)
    table))

(define (weights-file-name? name)
  "Return true if NAME, a file name or URI, names a weights file."
  (let ((length (string-length name)))
    (and (> length 0)
         (let ((last (ascii-downcase (string-ref name (- length 1)))))
           (if (and (char=? last #\n) (ends-with? name ".bin"))
               ;; pytorch_model*.bin, ggml*.bin: in the last component.
               (let ((start (match (string-rindex name #\/) (#f 0) (slash (+ slash 1))))
                     (end (- length 4)))
                 (and (any (cut contains-between? name <> start end) weights-bin-infixes) #t))
               (and (any (cut ends-with? name <>)
                         (hashv-ref weights-suffixes-by-last-char last '()))
                    #t))))))

(define weights-locations-by-first-dot
  ;; (OFFSET . PATTERN): where PATTERN's first dot is.  A URI holds PATTERN
  ;; only where one of its own dots is OFFSET characters into it.
  (map (lambda (pattern) (cons (string-index pattern #\.) pattern)) weights-locations))

(define (weights-location? uri)
  "Return true if URI points into a model hub or a repository of models."
  (let next-dot ((dot (string-index uri #\.)))
    (and dot
         (or (let next-pattern ((patterns weights-locations-by-first-dot))
               (match patterns
                 (() #f)
                 (((offset . pattern) . rest)
                  (or (and (>= dot offset) (matches-at? uri (- dot offset) pattern))
                      (next-pattern rest)))))
             (next-dot (string-index uri #\. (+ dot 1)))))))

(define (basename* name) (last (string-split name #\/)))

(define (weights-origin? origin)
  "Return #t if ORIGIN looks like it fetches trained weights."
  (let* ((names (filter string? (cons (origin-view-file-name origin) (origin-view-uris origin))))
         (file (or (origin-view-file-name origin)
                   (match (origin-view-uris origin) ((uri . _) uri) (() "")))))
    (and (or (any weights-file-name? names)
             (and (not (member (extension file) not-weights-extensions))
                  (any weights-location? names)))
         #t)))

;;; Warnings.

(define-record-type <warning>
  (warning package location kind message detail)
  warning?
  (package warning-package)          ;package view
  (location warning-location)        ;alist, or #f for the package's
  (kind warning-kind)                ;unannotated-weights, verdict, inconsistent-annotation,
                                     ;license-lineage, invalid-annotation
  (message warning-message)
  (detail warning-detail))           ;the verdict warned about, or '()

(define (warning-verdict w)
  "Return the verdict W warns about, or #f."
  (and (verdict? (warning-detail w)) (warning-detail w)))

(define (warning-explanation w)
  "Return the lines explaining W: its verdict's explanation, if any."
  (match (warning-verdict w)
    (#f '())
    (verdict (verdict-explanation verdict))))

(define (warning->string w)
  "Render W as guix lint does: LOCATION: NAME@VERSION: MESSAGE."
  (format #f "~a: ~a: ~a"
          (format-location (or (warning-location w)
                               (package-view-location (warning-package w))))
          (package-view-full-name (warning-package w))
          (warning-message w)))

;;; Refining declarations.

(define (refine base addition)
  ;; ADDITION redeclares BASE, an artifact of the same id and kind: the
  ;; fields it gives replace BASE's, the others are kept; sources add up.
  (define (pick get empty)
    (let ((value (get addition)))
      (if (equal? value empty) (get base) value)))
  (artifact (artifact-id base) (artifact-kind base)
            #:name (pick artifact-name "") #:version (pick artifact-version "")
            #:license (pick artifact-license #f) #:sha256 (pick artifact-sha256 #f)
            #:uris (pick artifact-uris '()) #:format (pick artifact-format "")
            #:availability (pick artifact-availability 'unknown)
            #:guix-package (pick artifact-guix-package #f) #:size (pick artifact-size #f)
            #:notes (pick artifact-notes "") #:backends (pick artifact-backends '())
            #:document-kind (pick artifact-document-kind 'other)
            #:describes (pick artifact-describes '())
            #:sources (delete-duplicates (append (artifact-sources addition) (artifact-sources base)))))

(define (merge-declarations artifacts steps annotation)
  "Add the declarations of ANNOTATION (a provenance record) to ARTIFACTS and
STEPS (records).  An artifact redeclared with the same kind is refined:
the fields the annotation gives replace the earlier ones.  A step
redeclared replaces the earlier one.  Return three values: the artifacts,
the steps, and the conflicts (an id declared as another kind of thing),
as (ID . MESSAGE) pairs whose declarations were left out."
  (let ((by-id (make-hash-table)))
    (for-each (lambda (a) (hash-set! by-id (artifact-id a) a)) artifacts)
    (for-each (lambda (s) (hash-set! by-id (step-id s) s)) steps)
    (let*-values
        (((replacements additions conflicts)
          (let loop ((records (append (provenance-artifacts annotation) (provenance-steps annotation)))
                     (replacements '()) (additions '()) (conflicts '()))
            (match records
              (() (values replacements (reverse additions) (reverse conflicts)))
              ((record . rest)
               (let* ((id (if (artifact? record) (artifact-id record) (step-id record)))
                      (earlier (hash-ref by-id id)))
                 (define (describe r)
                   (if (artifact? r) (symbol->string (artifact-kind r)) "a step"))
                 (cond
                  ((not earlier) (loop rest replacements (cons record additions) conflicts))
                  ((and (artifact? record) (artifact? earlier)
                        (eq? (artifact-kind record) (artifact-kind earlier)))
                   (loop rest (acons id (refine earlier record) replacements) additions conflicts))
                  ((and (step? record) (step? earlier))
                   (loop rest (acons id record replacements) additions conflicts))
                  (else
                   (loop rest replacements additions
                         (acons id (format #f "'~a' is declared as ~a here but is ~a already"
                                           id (describe record) (describe earlier))
                                conflicts))))))))))
      (define (replaced record id)
        (or (assoc-ref replacements id) record))
      (values (append (map (lambda (a) (replaced a (artifact-id a))) artifacts)
                      (filter artifact? additions))
              (append (map (lambda (s) (replaced s (step-id s))) steps)
                      (filter step? additions))
              conflicts))))

;;; The context all packages are judged in.

(define-record-type <lint-context>
  (%lint-context policy hardware catalog-artifacts catalog-steps catalog-graph
                 catalog-evaluator by-sha256 by-uri by-package catalog-shipped
                 other-annotations version-known? packages)
  lint-context?
  (policy lint-context-policy)
  (hardware lint-context-hardware)
  (catalog-artifacts lint-context-catalog-artifacts)
  (catalog-steps lint-context-catalog-steps)
  (catalog-graph lint-context-catalog-graph)
  (catalog-evaluator lint-context-catalog-evaluator)
  (by-sha256 lint-context-by-sha256)      ;hash table: sha256 -> catalog weights
  (by-uri lint-context-by-uri)            ;URI -> catalog weights
  (by-package lint-context-by-package)    ;Guix package name -> catalog weights
  (catalog-shipped lint-context-catalog-shipped) ;id -> shipped-weights: file, installed?
  (other-annotations lint-context-other-annotations) ;promise: id -> (package . provenance)
  (version-known? lint-context-version-known?) ;NAME VERSION -> whether such a package exists
  (packages lint-context-packages))       ;hash table: view -> what was worked out for it

(define (index-by key artifacts)
  (let ((table (make-hash-table)))
    (for-each (lambda (a)
                (for-each (lambda (k) (hash-set! table k (cons a (hash-ref table k '()))))
                          (key a)))
              (reverse artifacts))
    table))

(define (graph-of-declarations catalog artifacts steps)
  ;; The graph of ARTIFACTS and STEPS, merged from CATALOG; when they do
  ;; not form one, an &annotation-error at the declaration of the first
  ;; problem's ids, on one line, counting the others.
  (guard (e ((provenance-error? e)
             (match (provenance-error-problems e)
               (((code message ids field) . more)
                (raise-annotation-error
                 (any (lambda (id)
                        (any (lambda (annotation) (assoc-ref (provenance-locations annotation) id))
                             catalog))
                      ids)
                 (match more
                   (() message)
                   (_ (format #f "~a (and ~a more problem~:p)" message (length more))))))
               (_ (raise-exception e)))))
    (make-provenance-graph artifacts steps)))

(define (merge-catalog catalog)
  ;; The artifacts and steps of CATALOG (provenance records), later ones
  ;; refining earlier ones; a conflict is an &annotation-error at the
  ;; later declaration, naming where the earlier one is.
  (let loop ((annotations catalog) (artifacts '()) (steps '()) (seen '()))
    (match annotations
      (() (values artifacts steps))
      ((annotation . rest)
       (let-values (((artifacts steps conflicts) (merge-declarations artifacts steps annotation)))
         (match conflicts
           (()
            (loop rest artifacts steps
                  (append seen (remove (lambda (entry) (assoc (car entry) seen))
                                       (provenance-locations annotation)))))
           (((id . message) . _)
            (raise-annotation-error
             (assoc-ref (provenance-locations annotation) id)
             (match (assoc-ref seen id)
               (#f message)
               (first (format #f "~a (declared at ~a)" message (format-location first))))))))))))

(define* (make-lint-context #:key (catalog '()) (policy (default-policy))
                            (hardware (default-hardware-profile))
                            (other-annotations (lambda () '()))
                            (version-known? (const #f)))
  "Prepare to check packages against CATALOG (provenance records), under
POLICY on HARDWARE.  Later declarations of CATALOG refine earlier ones;
conflicting ones raise an &annotation-error.  OTHER-ANNOTATIONS is called
at most once, when an annotation refers to an id neither it nor the
catalog declares; it returns the (PACKAGE-NAME . ANNOTATION) pairs of the
packages whose annotations may declare it, ANNOTATION being plain data or
a provenance record.  VERSION-KNOWN?, given a package name and version,
says whether the distribution has that package: catalog weights recorded
for a version it has are that package's, not news for its other versions."
  (let-values (((artifacts steps) (merge-catalog catalog)))
    (let* ((graph (graph-of-declarations catalog artifacts steps))
           (weights (filter (lambda (a) (eq? 'weights (artifact-kind a))) artifacts)))
      (%lint-context policy hardware artifacts steps graph
                     (make-evaluator graph #:policy policy #:hardware hardware)
                     (index-by (lambda (a) (if (artifact-sha256 a) (list (artifact-sha256 a)) '()))
                               weights)
                     (index-by artifact-uris weights)
                     (index-by (lambda (a) (if (artifact-guix-package a)
                                               (list (artifact-guix-package a))
                                               '()))
                               weights)
                     (let ((table (make-hash-table)))
                       (for-each (lambda (s) (hash-set! table (shipped-weights-id s) s))
                                 (append-map provenance-shipped catalog))
                       table)
                     (delay (annotations-by-id (other-annotations)))
                     version-known?
                     (make-weak-key-hash-table)))))

(define (annotations-by-id pairs)
  ;; Valid annotations of other packages, by the ids they declare; invalid
  ;; ones are their own packages' warnings.
  (let ((table (make-hash-table)))
    (for-each (match-lambda
                ((name . annotation)
                 (let ((parsed (guard (e ((annotation-error? e) #f))
                                 (if (provenance? annotation)
                                     annotation
                                     (parse-provenance annotation)))))
                   (when parsed
                     (for-each (lambda (id)
                                 (unless (hash-ref table id)
                                   (hash-set! table id (cons name parsed))))
                               (map car (provenance-locations parsed)))))))
              pairs)
    table))

(define (catalog-weights-for-sha256 context sha256)
  "Return the catalog's weights whose sha256 is SHA256 (hexadecimal)."
  (hash-ref (lint-context-by-sha256 context) sha256 '()))

(define (catalog-weights-for-uri context uri)
  "Return the catalog's weights fetched from URI."
  (hash-ref (lint-context-by-uri context) uri '()))

(define (catalog-weights-for-package context name)
  "Return the catalog's weights that Guix package NAME ships."
  (hash-ref (lint-context-by-package context) name '()))

(define (lint-context-catalog-weights context)
  "Return the weights artifacts of the catalog."
  (filter (lambda (a) (eq? 'weights (artifact-kind a))) (lint-context-catalog-artifacts context)))

;;; What is worked out for one package, once.

(define-record-type <judgement>
  (judgement annotation problems graph evaluator)
  judgement?
  (annotation judgement-annotation)     ;provenance record, or #f
  (problems judgement-problems)         ;warnings about the annotation itself
  (graph judgement-graph)               ;graph the package is judged in, or #f
  (evaluator judgement-evaluator))      ;or #f

(define (parse-annotation view)
  ;; Return the provenance record of VIEW's annotation and the warnings its
  ;; mistakes give.
  (match (package-view-annotation view)
    (#f (values #f '()))
    ((? provenance? record) (values record '()))
    (data
     (guard (e ((annotation-error? e)
                (values #f (list (warning view (annotation-error-location e) 'invalid-annotation
                                          (string-append "model-provenance: " (exception-message e))
                                          '())))))
       (values (parse-provenance data
                                 #:location (package-view-location view)
                                 #:clause-locations (if (list? data)
                                                        ((package-view-clause-locations view) data)
                                                        '()))
               '())))))

(define (references steps)
  (append-map (lambda (s) (append (map car (step-inputs s)) (step-outputs s))) steps))

(define (declared-graph context view annotation)
  ;; The catalog refined by ANNOTATION and by the annotations of other
  ;; packages it refers to.  Return the graph (or #f) and the warnings.
  (define own-locations (provenance-locations annotation))
  (define (located id)
    (or (assoc-ref own-locations id) (provenance-location annotation)))
  (let loop ((pending (list annotation))
             (seen (list (package-view-name view)))
             (artifacts (lint-context-catalog-artifacts context))
             (steps (lint-context-catalog-steps context))
             (warnings '()))
    (match pending
      ((next . rest)
       (let-values (((artifacts steps conflicts) (merge-declarations artifacts steps next)))
         (loop rest seen artifacts steps
               (append warnings
                       (if (eq? next annotation)
                           (map (match-lambda
                                  ((id . message)
                                   (warning view (located id) 'invalid-annotation
                                            (string-append "model-provenance: " message) '())))
                                conflicts)
                           '())))))
      (()
       (let* ((declared (let ((table (make-hash-table)))
                          (for-each (lambda (a) (hash-set! table (artifact-id a) #t)) artifacts)
                          (for-each (lambda (s) (hash-set! table (step-id s) #t)) steps)
                          table))
              (unknown (delete-duplicates
                        (remove (cut hash-ref declared <>) (references steps))))
              (providers (if (null? unknown)
                             '()
                             (delete-duplicates
                              (filter-map (lambda (id)
                                            (match (hash-ref (force (lint-context-other-annotations
                                                                     context))
                                                             id)
                                              ((name . provider)
                                               (and (not (member name seen)) (cons name provider)))
                                              (#f #f)))
                                          unknown)
                              (lambda (a b) (string=? (car a) (car b)))))))
         (if (pair? providers)
             (loop (map cdr providers) (append (map car providers) seen) artifacts steps warnings)
             (guard (e ((provenance-error? e)
                        (values #f
                                (append
                                 warnings
                                 (map (match-lambda
                                        ((code message ids field)
                                         (warning view
                                                  (any (cut assoc-ref own-locations <>) ids)
                                                  'invalid-annotation
                                                  (string-append "model-provenance: " message)
                                                  '())))
                                      (provenance-error-problems e))))))
               (values (make-provenance-graph artifacts steps) warnings))))))))

(define (judge context view)
  (or (hash-ref (lint-context-packages context) view)
      (let ((result
             (let-values (((annotation problems) (parse-annotation view)))
               (if (not annotation)
                   (judgement #f problems (lint-context-catalog-graph context)
                              (lint-context-catalog-evaluator context))
                   (let-values (((graph more-problems) (declared-graph context view annotation)))
                     (judgement annotation (append problems more-problems) graph
                                (and graph
                                     (make-evaluator graph #:policy (lint-context-policy context)
                                                     #:hardware (lint-context-hardware context)))))))))
        (hash-set! (lint-context-packages context) view result)
        result)))

(define (package-annotation context view)
  "Return VIEW's annotation as a provenance record, or #f when it has none
or it is invalid."
  (judgement-annotation (judge context view)))

(define (package-graph context view)
  "Return the graph VIEW is judged in: the catalog's, refined by its
annotation; #f when its annotation does not form a graph with the
catalog."
  (judgement-graph (judge context view)))

(define (package-evaluator context view)
  "Return the evaluator of VIEW's graph under the context's policy, or #f."
  (judgement-evaluator (judge context view)))

;;; Weights a package ships.

(define (hash-matches context origin)
  (if (origin-view-sha256 origin)
      (catalog-weights-for-sha256 context (origin-view-sha256 origin))
      '()))

(define (uri-matches context origin)
  (append-map (cut catalog-weights-for-uri context <>) (origin-view-uris origin)))

;; Catalog weights that VIEW ships: those naming the package, and those
;; whose sha256 or URI is one of an origin's.  Each comes through the
;; origin it matches, by hash rather than URI (one repository may hold
;; several), else the first origin that looks like weights.
(define (catalog-matches context view covered)
  (let* ((origins (package-view-origins view))
         (by-origin (append-map (lambda (matches)
                                  (append-map (lambda (origin)
                                                (map (cut cons <> origin) (matches context origin)))
                                              origins))
                                (list hash-matches uri-matches)))
         (named (catalog-weights-for-package context (package-view-name view)))
         (candidates (delete-duplicates (append named (map car by-origin)) eq?)))
    (filter-map
     (lambda (artifact)
       (let ((package (artifact-guix-package artifact))
             (origin (assq-ref by-origin artifact)))
         ;; An artifact naming its Guix package belongs to that package only
         ;; (the nine Maia packages share one checkout, hence one URI), and
         ;; to the version it records, unless an origin has its very hash.
         (and (if package
                  (and (string=? package (package-view-name view))
                       (or (same-version? artifact view)
                           (memq artifact (append-map (cut hash-matches context <>) origins))))
                  (and origin (weights-origin? origin)))
              (let ((label (cond (origin (origin-view-label origin))
                                 ((find weights-origin? origins) => origin-view-label)
                                 (else "source"))))
                (and (not (member label covered))
                     (let ((known (hash-ref (lint-context-catalog-shipped context)
                                            (artifact-id artifact))))
                       (shipped-weights (artifact-id artifact) label
                                        (and known (shipped-weights-file known)) #f #f
                                        (if known (shipped-weights-installed? known) #t)
                                        (if known (shipped-weights-files known) '()))))))))
     candidates)))

(define (same-version? artifact view)
  (let ((recorded (artifact-version artifact)))
    (or (string-null? recorded) (string=? recorded (package-view-version view)))))

(define (package-shipped-weights context view)
  "Return the weights VIEW ships: those its annotation declares, then those
the catalog knows it by."
  (let* ((annotation (package-annotation context view))
         (declared (if annotation (provenance-shipped annotation) '())))
    (append declared (catalog-matches context view (map shipped-weights-input declared)))))

;;; Checks.

(define stockfish-net-rx (make-regexp "^nn-([0-9a-f]{12})\\.nnue$"))

;; Stockfish names a net after the first 12 hex digits of its sha256.
(define (stockfish-name-warnings view origin)
  (let ((hash (origin-view-sha256 origin)))
    (filter-map
     (lambda (name)
       (match (regexp-exec stockfish-net-rx (basename* name))
         (#f #f)
         (m (and hash (not (string-prefix? (match:substring m 1) hash))
                 (warning view #f 'inconsistent-annotation
                          (format #f "origin '~a': net file name ~a does not match its sha256 ~a..."
                                  (origin-view-label origin) (basename* name)
                                  (string-take hash 12))
                          '())))))
     (delete-duplicates (filter string? (cons (origin-view-file-name origin)
                                              (origin-view-uris origin)))))))

(define (origin-named view label)
  (find (lambda (o) (string=? (origin-view-label o) label)) (package-view-origins view)))

(define (shipped-warnings view shipped)
  (let* ((label (shipped-weights-input shipped))
         (origin (origin-named view label))
         (location (shipped-weights-location shipped)))
    (cond
     ((not origin)
      (list (warning view location 'inconsistent-annotation
                     (format #f "weights '~a' are said to come through input '~a', which ~a does not have"
                             (shipped-weights-id shipped) label (package-view-name view))
                     '())))
     ((and (shipped-weights-sha256 shipped) (origin-view-sha256 origin)
           (not (string=? (shipped-weights-sha256 shipped) (origin-view-sha256 origin))))
      (list (warning view location 'inconsistent-annotation
                     (format #f "weights '~a': annotated sha256 ~a differs from the sha256 ~a of origin '~a'"
                             (shipped-weights-id shipped) (shipped-weights-sha256 shipped)
                             (origin-view-sha256 origin) label)
                     '())))
     (else '()))))

(define (shipped-label shipped)
  ;; The weights' id, and where they are in the source when that is known.
  (match (shipped-weights-file shipped)
    (#f (format #f "'~a'" (shipped-weights-id shipped)))
    (file (format #f "'~a' (~a)" (shipped-weights-id shipped) file))))

(define (verdict-warnings evaluator view shipped)
  (let ((id (shipped-weights-id shipped))
        (location (shipped-weights-location shipped)))
    (cond
     ((not evaluator) '())              ;reported as invalid-annotation
     ((not (shipped-weights-installed? shipped))
      ;; Present in the source, but Guix's build neither compiles nor
      ;; installs them: said, not judged.
      (list (warning view location 'not-installed
                     (format #f "weights ~a are in the source but not built or installed; not judged"
                             (shipped-label shipped))
                     '())))
     (else
        (guard (e ((provenance-error? e)
                   (list (warning view location 'invalid-annotation
                                  (format #f "weights '~a': ~a" id (exception-message e)) '()))))
          (let ((verdict (evaluate evaluator id)))
            (append
             (if (acceptable-verdict? verdict)
                 '()
                 (list (warning view location 'verdict
                                (format #f "weights ~a: ~a" (shipped-label shipped)
                                        (verdict-summary verdict))
                                verdict)))
             (map (lambda (text)
                    (warning view location 'license-lineage
                             (format #f "license contradicted by lineage: ~a" text) '()))
                  (verdict-license-lineage verdict)))))))))

(define (version-warnings context view)
  ;; Weights the catalog records for another version of the package: the
  ;; packager should check whether this version ships them.  Silent when
  ;; the distribution has the recorded version too (godot and godot-lts).
  (let* ((name (package-view-name view))
         (other (remove (cut same-version? <> view) (catalog-weights-for-package context name)))
         (versions (delete-duplicates (map artifact-version other))))
    (filter-map (lambda (version)
                  (and (not ((lint-context-version-known? context) name version))
                       (warning view #f 'catalog-version
                                (format #f "the catalog records weights of ~a ~a (~{'~a'~^, ~}), not of ~a: check whether this version ships them"
                                        name version
                                        (map artifact-id (filter (lambda (a) (string=? version (artifact-version a)))
                                                                 other))
                                        (package-view-version view))
                                '())))
                versions)))

(define (check-package context view)
  "Return the lint warnings of package VIEW in CONTEXT."
  (let* ((judged (judge context view))
         (shipped (package-shipped-weights context view))
         (covered (map shipped-weights-input shipped)))
    (append
     (judgement-problems judged)
     ;; An invalid annotation is the one warning about the package's
     ;; weights: they are not also unannotated.
     (filter-map (lambda (origin)
                   (and (weights-origin? origin)
                        (not (and (package-view-annotation view)
                                  (not (judgement-annotation judged))))
                        (not (member (origin-view-label origin) covered))
                        (warning view #f 'unannotated-weights
                                 (format #f "origin '~a' (~a) looks like trained weights but has no model-provenance annotation"
                                         (origin-view-label origin)
                                         (or (origin-view-file-name origin)
                                             (match (origin-view-uris origin)
                                               ((uri . _) (basename* uri))
                                               (() "no URI"))))
                                 '())))
                 (package-view-origins view))
     (append-map (cut stockfish-name-warnings view <>) (package-view-origins view))
     (append-map (cut shipped-warnings view <>) shipped)
     (version-warnings context view)
     (append-map (cut verdict-warnings (judgement-evaluator judged) view <>) shipped)
     ;; Weights files at hand: named by an absolute #:file, or in an
     ;; origin already in the store (Guix only): inspected.
     (if (any (lambda (s)
                (or (and=> (shipped-weights-file s) absolute-file-name?)
                    (and=> (origin-named view (shipped-weights-input s)) origin-view-store-item)))
              shipped)
         (inspection-warnings context view #f)
         '()))))

(define (source-warnings context view findings)
  "Return the warnings of comparing VIEW's shipped weights with FINDINGS,
what a scan of its unpacked source found: (PATH KIND DETAIL) lists, PATH
relative to the directory scanned.  Weights found that no annotation or
catalog entry accounts for, and recorded files the source lacks."
  (define shipped (filter shipped-weights-file (package-shipped-weights context view)))
  (define (same-file? path file)
    ;; The scanned directory may be the source's parent: compare the end.
    (or (string=? path file) (string-suffix? (string-append "/" file) path)))
  (define found (filter (match-lambda ((path kind detail) (not (eq? kind 'skipped)))) findings))
  (append
   (filter-map (match-lambda
                 ((path kind detail)
                  (and (not (any (lambda (s) (same-file? path (shipped-weights-file s))) shipped))
                       (warning view #f 'unannotated-weights
                                (format #f "source file ~a looks like trained weights (~a) but has no model-provenance annotation"
                                        path detail)
                                '()))))
               found)
   (filter-map (lambda (s)
                 (and (not (any (match-lambda ((path . _) (same-file? path (shipped-weights-file s))))
                                found))
                      (warning view (shipped-weights-location s) 'inconsistent-annotation
                               (format #f "weights '~a' are said to be in ~a, where the source has no weights"
                                       (shipped-weights-id s) (shipped-weights-file s))
                               '())))
               shipped)
   (filter-map (match-lambda
                 ((path 'skipped detail)
                  (warning view #f 'unscanned (format #f "source file ~a was not scanned: ~a" path detail) '()))
                 (_ #f))
               findings)))

;;; Inspecting the shipped files.

(define (files-to-inspect view shipped root)
  ;; What of SHIPPED can be inspected, as (FILE RECORDED-SHA256 NAME)
  ;; lists: NAME is the recorded path, or #f for a whole origin.  Files
  ;; are looked for under ROOT (lint --inspect), else in the store item of
  ;; their origin when it is already there; a #:file that is absolute names
  ;; a local file.  Under ROOT, weights whose place nothing says give
  ;; 'unlocated.
  (let* ((origin (origin-named view (shipped-weights-input shipped)))
         (base (or root (and origin (origin-view-store-item origin))))
         (listed (shipped-weights-files shipped))
         (file (shipped-weights-file shipped))
         (paths (delete-duplicates
                 (append (map car listed) (if file (list file) '())))))
    (cond
     ((and file (absolute-file-name? file))
      (list (list file (assoc-ref listed file) file)))
     ((not base) '())
     ((and root (null? paths))
      ;; The weights are the origin's one file: look for it by its name;
      ;; otherwise nothing says where in ROOT they are.
      (let ((file (and origin (origin-view-file-name origin)
                       (string-append root "/" (origin-view-file-name origin)))))
        (if (and file (file-exists? file) (not (file-is-directory? file)))
            (list (list file (origin-view-sha256 origin) #f))
            'unlocated)))
     ((file-is-directory? base)
      (map (lambda (path) (list (string-append base "/" path) (assoc-ref listed path) path))
           paths))
     ;; The origin is one file: the weights themselves, unless they are
     ;; said to be inside it.
     ((null? paths)
      (list (list base (and origin (not root) (origin-view-sha256 origin)) #f)))
     (else '()))))

(define (embedded-license-agrees? embedded recorded)
  ;; A file states its licence in its own words: an SPDX id ("MIT"), a Hub
  ;; id ("apache-2.0"), a name.  Agreeing: the same expression, or the
  ;; text naming the recorded id.
  (let ((text (string-downcase (string-trim-both embedded)))
        (id (string-downcase recorded)))
    (or (string=? text id)
        (guard (e (#t #f)) (string=? (license-canonical embedded) (license-canonical recorded)))
        (string-contains text id))))

(define (inspection-warnings context view root)
  "Return the warnings of inspecting the files VIEW ships: under ROOT, a
directory where the package's weights origin is unpacked (lint
--inspect), or #f for the store items of its origins already in the
store.  A file is compared with its record: sha256, format, the license
it states, the base models it names; loading it must not run code.  A
recorded file ROOT lacks is a warning too."
  (define graph (package-graph context view))
  (append-map
   (lambda (shipped)
     (let* ((files (files-to-inspect view shipped root))
            (id (shipped-weights-id shipped))
            (location (shipped-weights-location shipped))
            (artifact (and graph (graph-node graph id)))
            (bases (and graph artifact (pair? files)
                        (append-map (lambda (entry)
                                      (let ((node (graph-node graph (lineage-entry-id entry))))
                                        (if (and (artifact? node) (eq? 'weights (artifact-kind node)))
                                            (cons* (artifact-id node) (artifact-name node)
                                                   (map (cut string-trim-right <> #\/) (artifact-uris node)))
                                            '())))
                                    (ancestors graph id)))))
       (if (eq? files 'unlocated)
        (list (warning view location 'inconsistent-annotation
                       (format #f "weights '~a': neither #:file, #:files nor their origin's file name is found in ~a; not inspected"
                               id root)
                       '()))
       (append
        ;; Recorded files that are not there: one line for them all.
        (match (filter-map (match-lambda
                             ((file recorded name) (and (not (file-exists? file)) (or name file))))
                           files)
          (() '())
          (missing
           (list (warning view location 'inconsistent-annotation
                          (format #f "weights '~a': ~a recorded file~:p missing~a: ~{~a~^, ~}~a"
                                  id (length missing)
                                  (if root (string-append " from " root) "")
                                  (take missing (min 5 (length missing)))
                                  (if (> (length missing) 5) ", …" ""))
                          '()))))
        (append-map
         (match-lambda
           ((file recorded name)
            (let ((what (if name (format #f "weights '~a' (~a)" id name) (format #f "weights '~a'" id))))
              (if (not (file-exists? file))
                  '()
                  (let ((i (car (inspect-files (list file)))))
                    (append
                     (map (lambda (message)
                            (warning view location 'inspection (format #f "~a: ~a" what message) '()))
                          (inspection-mismatches
                           i #:sha256 recorded
                           #:recorded-format (if artifact (artifact-format artifact) "")
                           #:license (and artifact (artifact-license artifact))
                           #:license-free? embedded-license-agrees?
                           #:base-models bases))
                     (filter-map (lambda (f)
                                   (and (eq? 'code-execution (safety-finding-concern f))
                                        (warning view location 'runs-code
                                                 (format #f "~a: loading ~a runs code: ~a (~a)" what file
                                                         (safety-finding-what f) (safety-finding-where f))
                                                 '())))
                                 (inspection-safety i))
                     (if (inspection-error i)
                         (list (warning view location 'inspection
                                        (format #f "~a: cannot be read as ~a: ~a" what
                                                (inspection-format i) (inspection-error i))
                                        '()))
                         '())))))))
         files)))))
   (filter shipped-weights-installed? (package-shipped-weights context view))))
