;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The model-provenance lint checker, on package views: what a checker
;;; needs to know of a package, without Guix.  (model-provenance guix)
;;; makes views of real packages; the standalone command reads them from
;;; files.

(define-module (model-provenance lint)
  #:use-module (ice-9 exceptions)
  #:use-module (ice-9 match)
  #:use-module (ice-9 regex)
  #:use-module (srfi srfi-1)
  #:use-module (srfi srfi-9)
  #:use-module (srfi srfi-11)
  #:use-module (srfi srfi-26)
  #:use-module (model-provenance annotations)
  #:use-module (model-provenance evaluate)
  #:use-module (model-provenance graph)
  #:export (origin-view origin-view? origin-view-label origin-view-method
            origin-view-uris origin-view-file-name origin-view-sha256
            package-view package-view? package-view-name package-view-version
            package-view-location package-view-origins package-view-properties
            package-view-annotation package-view-full-name

            weights-origin?

            warning? warning-package warning-location warning-kind warning-message
            warning-explanation warning->string

            lint-context? make-lint-context lint-context-graph lint-context-problem
            package-shipped-weights check-package))

;;; Package views.

;; One origin of a package: its source (LABEL "source") or a labelled
;; input.  SHA256 is hexadecimal; URIS are strings (a git URL for
;; git-fetch).
(define-record-type <origin-view>
  (%origin-view label method uris file-name sha256)
  origin-view?
  (label origin-view-label)
  (method origin-view-method)
  (uris origin-view-uris)
  (file-name origin-view-file-name)
  (sha256 origin-view-sha256))

(define* (origin-view label #:key (method 'url-fetch) (uris '()) file-name sha256)
  "Return the view of one origin of a package: LABEL is \"source\" or the
input's label."
  (%origin-view label method uris file-name (and sha256 (string-downcase sha256))))

(define-record-type <package-view>
  (%package-view name version location origins properties)
  package-view?
  (name package-view-name)
  (version package-view-version)
  (location package-view-location)     ;alist: filename, line (0-based), column
  (origins package-view-origins)
  (properties package-view-properties))

(define* (package-view name version #:key location (origins '()) (properties '()))
  "Return what the checker needs to know of a package."
  (%package-view name version location origins properties))

(define (package-view-full-name view)
  "Return NAME@VERSION of VIEW, as guix lint names packages."
  (string-append (package-view-name view) "@" (package-view-version view)))

(define (package-view-annotation view)
  "Return the provenance annotation of VIEW's properties, or #f."
  (assq-ref (package-view-properties view) 'model-provenance))

;;; Recognising weights.

;; File names of weights: NNUE nets, Lc0 networks, ONNX, safetensors, GGUF,
;; pickled PyTorch checkpoints and Tesseract models.
(define weights-file-rx
  (make-regexp (string-append
                "(\\.nnue|\\.pb\\.gz|\\.onnx|\\.safetensors|\\.gguf|\\.pt|\\.pth|\\.ckpt"
                "|\\.traineddata|pytorch_model[^/]*\\.bin|ggml[^/]*\\.bin)$")
               regexp/icase))

;; Where weights are fetched from even when the file name does not say so:
;; model hubs, network stores and repositories holding trained models.
(define weights-location-rx
  (make-regexp (string-append
                "huggingface\\.co/|storage\\.lczero\\.org/files/networks|"
                "tests\\.stockfishchess\\.org/api/nn/|github\\.com/tesseract-ocr/tessdata|"
                "github\\.com/CSSLab/maia-chess|github\\.com/opencv/opencv_3rdparty")
               regexp/icase))

;; Files that come along with weights but are not trained: configuration,
;; vocabularies, documentation, code.
(define not-weights-rx
  (make-regexp "\\.(json|txt|md|py|yaml|yml|cfg|ini|html)$" regexp/icase))

(define (weights-origin? origin)
  "Return #t if ORIGIN looks like it fetches trained weights."
  (let* ((names (filter string? (cons (origin-view-file-name origin) (origin-view-uris origin))))
         (file (or (origin-view-file-name origin)
                   (match (origin-view-uris origin) ((uri . _) uri) (() "")))))
    (and (or (any (cut regexp-exec weights-file-rx <>) names)
             (and (not (regexp-exec not-weights-rx file))
                  (any (cut regexp-exec weights-location-rx <>) names)))
         #t)))

;;; Warnings.

(define-record-type <warning>
  (warning package location kind message explanation)
  warning?
  (package warning-package)          ;package view
  (location warning-location)        ;alist, or #f for the package's
  (kind warning-kind)                ;unannotated-weights, verdict, inconsistent-annotation,
                                     ;license-lineage, invalid-annotation
  (message warning-message)
  (explanation warning-explanation)) ;lines, possibly empty

(define (warning->string w)
  "Render W as guix lint does: LOCATION: NAME@VERSION: MESSAGE."
  (format #f "~a: ~a: ~a"
          (location->string (or (warning-location w)
                                (package-view-location (warning-package w))))
          (package-view-full-name (warning-package w))
          (warning-message w)))

;;; The graph all packages are judged in.

;; The catalog's and every package's declarations, as one graph; PROBLEM is
;; the condition raised if they do not form one.
(define-record-type <lint-context>
  (%lint-context graph problem evaluator policy hardware catalog known-weights)
  lint-context?
  (graph lint-context-graph)
  (problem lint-context-problem)
  (evaluator lint-context-evaluator)
  (policy lint-context-policy)
  (hardware lint-context-hardware)
  (catalog lint-context-catalog)                ;provenance records
  (known-weights lint-context-known-weights))   ;weights artifacts of the catalog

(define (declarations annotations)
  (values (append-map provenance-artifacts annotations)
          (append-map provenance-steps annotations)))

(define (try-graph annotations)
  (let-values (((artifacts steps) (declarations annotations)))
    (guard (e ((provenance-error? e) (values #f e)))
      (values (make-provenance-graph artifacts steps) #f))))

(define* (make-lint-context packages #:key (catalog '()) (policy (default-policy))
                            (hardware (default-hardware-profile)))
  "Prepare to check PACKAGES (views) against the provenance declared by
their annotations and CATALOG (provenance records), under POLICY on
HARDWARE."
  (let ((annotated (filter (compose provenance? package-view-annotation) packages)))
    (let-values (((graph problem)
                  (try-graph (append catalog (map package-view-annotation annotated)))))
      (%lint-context graph problem
                     (and graph (make-evaluator graph #:policy policy #:hardware hardware))
                     policy hardware catalog
                     (filter (lambda (a) (eq? 'weights (artifact-kind a)))
                             (append-map provenance-artifacts catalog))))))

;; The evaluator for VIEW: the shared one, or, when the declarations of all
;; packages do not form a graph, one of the catalog and VIEW alone.
(define (evaluator-for context view)
  (or (lint-context-evaluator context)
      (let-values (((graph problem)
                    (try-graph (append (lint-context-catalog context)
                                       (list (package-view-annotation view))))))
        (and graph (make-evaluator graph #:policy (lint-context-policy context)
                                   #:hardware (lint-context-hardware context))))))

;;; Weights a package ships.

;; Catalog weights that VIEW ships: those naming the package, and those
;; whose sha256 or URI is one of an origin's.  Each comes through the
;; origin it matches, else the first origin that looks like weights.
(define (catalog-matches context view covered)
  (define (matches? artifact origin)
    (or (and (artifact-sha256 artifact) (origin-view-sha256 origin)
             (string=? (artifact-sha256 artifact) (origin-view-sha256 origin)))
        (any (cut member <> (origin-view-uris origin)) (artifact-uris artifact))))
  (define (same-hash? artifact origin)
    (and (artifact-sha256 artifact) (origin-view-sha256 origin)
         (string=? (artifact-sha256 artifact) (origin-view-sha256 origin))))
  (let ((origins (package-view-origins view)))
    (filter-map
     (lambda (artifact)
       ;; An artifact naming its Guix package belongs to that package only:
       ;; the nine Maia packages share one checkout, hence one URI.
       (let ((package (artifact-guix-package artifact))
             (origin (or (find (cut same-hash? artifact <>) origins)
                         (find (cut matches? artifact <>) origins))))
         (and (if package
                  (string=? package (package-view-name view))
                  (and origin (weights-origin? origin)))
              (let ((label (cond (origin (origin-view-label origin))
                                 ((find weights-origin? origins) => origin-view-label)
                                 (else "source"))))
                (and (not (member label covered))
                     (shipped-weights (artifact-id artifact) label #f #f #f))))))
     (lint-context-known-weights context))))

(define (package-shipped-weights context view)
  "Return the weights VIEW ships: those its annotation declares, then those
the catalog knows it by."
  (let* ((annotation (package-view-annotation view))
         (declared (if (provenance? annotation) (provenance-shipped annotation) '())))
    (append declared (catalog-matches context view (map shipped-weights-input declared)))))

;;; Checks.

(define stockfish-net-rx (make-regexp "^nn-([0-9a-f]{12})\\.nnue$"))

(define (basename* name) (last (string-split name #\/)))

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

(define (verdict-warnings evaluator view shipped)
  (let ((id (shipped-weights-id shipped))
        (location (shipped-weights-location shipped)))
    (if (not evaluator)
        '()                             ;reported as invalid-annotation
        (guard (e ((provenance-error? e)
                   (list (warning view location 'invalid-annotation
                                  (format #f "weights '~a': ~a" id (exception-message e)) '()))))
          (let ((verdict (evaluate evaluator id)))
            (append
             (if (acceptable-verdict? verdict)
                 '()
                 (list (warning view location 'verdict
                                (format #f "weights '~a': ~a" id (verdict-summary verdict))
                                (verdict-explanation verdict))))
             (map (lambda (text)
                    (warning view location 'license-lineage
                             (format #f "license contradicted by lineage: ~a" text) '()))
                  (verdict-license-lineage verdict))))))))

(define (annotation-problem-warnings context view)
  ;; The shared graph failed: report the problems that name this
  ;; package's ids, or, if its own declarations fail, all of them.
  (let ((annotation (package-view-annotation view)))
    (match (lint-context-problem context)
      (#f '())
      (problem
       (let* ((mine (map artifact-id (provenance-artifacts annotation)))
              (mine (append mine (map step-id (provenance-steps annotation))))
              (relevant (filter (match-lambda ((code message ids field) (any (cut member <> mine) ids)))
                                (provenance-error-problems problem))))
         (map (match-lambda
                ((code message ids field)
                 (warning view (provenance-location annotation) 'invalid-annotation message '())))
              relevant))))))

(define (check-package context view)
  "Return the lint warnings of package VIEW in CONTEXT."
  (let* ((annotation (package-view-annotation view))
         (shipped (package-shipped-weights context view))
         (covered (map shipped-weights-input shipped)))
    (append
     (if (and annotation (not (provenance? annotation)))
         (list (warning view #f 'invalid-annotation
                        "property model-provenance must be a (provenance ...) form" '()))
         '())
     (filter-map (lambda (origin)
                   (and (weights-origin? origin)
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
     (if (provenance? annotation) (annotation-problem-warnings context view) '())
     (append-map (cut shipped-warnings view <>) shipped)
     ;; One evaluator for all the weights of the package.
     (if (null? shipped)
         '()
         (append-map (cut verdict-warnings (evaluator-for context view) view <>) shipped)))))
