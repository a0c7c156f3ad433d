;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The annotation language package authors write in a package's
;;; `properties', under the key `model-provenance':
;;;
;;;   (properties
;;;    `((model-provenance
;;;       . ,(provenance
;;;           (weights "stockfish-18-big-net" #:input "neural-network-big"
;;;                    #:sha256 "c288c895..." #:format "nnue" #:license "CC0-1.0")
;;;           (step "train-stockfish-18-big-net" 'train
;;;                 #:inputs '(("nnue-pytorch" . software)
;;;                            ("stockfish-training-data" . training-data))
;;;                 #:outputs '("stockfish-18-big-net"))))))
;;;
;;; Clauses declare weights, datasets, software, documents and steps; ids
;;; may name artifacts declared by other packages or the catalog.
;;; (computed EXPRESSION ...) adds artifact and step records that Scheme code
;;; makes, for families of similar artifacts.  Weights
;;; with #:input ship in the package through that input (or "source").
;;; Mistakes are raised when the package is defined, as &annotation-error
;;; conditions carrying the source location of the bad clause.

(define-module (model-provenance annotations)
  #:use-module (ice-9 exceptions)
  #:use-module (ice-9 format)
  #:use-module (ice-9 match)
  #:use-module (ice-9 regex)
  #:use-module (srfi srfi-1)
  #:use-module (srfi srfi-9)
  #:use-module (srfi srfi-11)
  #:use-module (srfi srfi-26)
  #:use-module (model-provenance graph)
  #:use-module (model-provenance evaluate)
  #:export (provenance
            provenance?
            provenance-artifacts
            provenance-steps
            provenance-shipped
            provenance-location

            shipped-weights
            shipped-weights?
            shipped-weights-id
            shipped-weights-input
            shipped-weights-file
            shipped-weights-sha256
            shipped-weights-location

            &annotation-error
            annotation-error?
            annotation-error-location
            location->string

            annotation-clause))

;;; Conditions.

(define-exception-type &annotation-error &error
  make-annotation-error annotation-error?
  (location annotation-error-location))   ;alist: filename, line (0-based), column

(define (location->string location)
  "Render LOCATION as FILE:LINE:COLUMN, with lines counted from 1."
  (match location
    (#f "<unknown location>")
    ((((? symbol?) . _) . _)
     (format #f "~a:~a:~a" (or (assq-ref location 'filename) "<unknown file>")
             (+ 1 (or (assq-ref location 'line) 0)) (or (assq-ref location 'column) 0)))))

(define (annotation-failure location message . irritants)
  (raise-exception
   (make-exception (make-annotation-error location)
                   (make-exception-with-origin 'provenance)
                   (make-exception-with-message
                    (string-append (location->string location) ": " message))
                   (make-exception-with-irritants irritants))))

;;; Records.

(define-record-type <provenance>
  (make-provenance artifacts steps shipped location)
  provenance?
  (artifacts provenance-artifacts)   ;artifact records
  (steps provenance-steps)           ;step records
  (shipped provenance-shipped)       ;shipped-weights records
  (location provenance-location))

;; Weights that a package ships, and through which origin: INPUT is an
;; input label or "source".
(define-record-type <shipped-weights>
  (shipped-weights id input file sha256 location)
  shipped-weights?
  (id shipped-weights-id)
  (input shipped-weights-input)
  (file shipped-weights-file)
  (sha256 shipped-weights-sha256)
  (location shipped-weights-location))

;;; Checking values, with what was expected.

(define (expect location what predicate value expected)
  (unless (predicate value)
    (annotation-failure location (format #f "~a: expected ~a, got ~s" what expected value)))
  value)

(define (string-list? value) (and (list? value) (every string? value)))

(define hex-digits (string->char-set "0123456789abcdefABCDEF"))
(define (sha256-string? value)
  (and (string? value) (= 64 (string-length value))
       (string-every (cut char-set-contains? hex-digits <>) value)))

(define (check-license location what value)
  (expect location what string? value "an SPDX license expression (a string)")
  (guard (e ((provenance-error? e)
             (annotation-failure location (format #f "~a: ~a" what (exception-message e)))))
    (license-canonical value))
  value)

(define artifact-kinds '(weights dataset software document))
(define step-kinds '(train fine-tune distill generate-data convert quantize merge))
(define roles '(software training-data initial-weights teacher-weights generator-weights document))
(define availabilities '(public-download registration on-request unavailable unknown))

;; Splits ARGUMENTS, a list of #:keyword value pairs, into an alist,
;; checking every keyword against ALLOWED.
(define (keyword-arguments location what arguments allowed)
  (let loop ((rest arguments) (result '()))
    (match rest
      (() (reverse result))
      (((? keyword? key) value . rest)
       (let ((name (keyword->symbol key)))
         (unless (memq name allowed)
           (annotation-failure location
                               (format #f "~a: unknown field #:~a; expected one of ~{#:~a~^, ~}"
                                       what name allowed)))
         (when (assq name result)
           (annotation-failure location (format #f "~a: field #:~a given twice" what name)))
         (loop rest (acons name value result))))
      (((? keyword? key))
       (annotation-failure location (format #f "~a: field ~s has no value" what key)))
      ((other . _)
       (annotation-failure location (format #f "~a: expected a #:keyword, got ~s" what other))))))

(define (field fields name default)
  (match (assq name fields) (#f default) ((_ . value) value)))

(define artifact-fields
  '(name version license sha256 uris format availability guix-package size notes
         sources backends input file))

(define (annotated-artifact kind location arguments)
  (match arguments
    (((? string? id) . rest)
     (let* ((what (format #f "~a '~a'" kind id))
            (fields (keyword-arguments location what rest artifact-fields))
            (get (lambda (name default) (field fields name default)))
            (optional-string (lambda (name)
                               (let ((value (get name #f)))
                                 (and value (expect location (format #f "~a #:~a" what name)
                                                    string? value "a string"))))))
       (when (and (get 'input #f) (not (eq? kind 'weights)))
         (annotation-failure location (format #f "~a: only weights ship through an #:input" what)))
       (when (and (get 'backends #f) (not (eq? kind 'software)))
         (annotation-failure location (format #f "~a: only software has #:backends" what)))
       (let ((license (let ((value (get 'license #f)))
                        (and value (check-license location (format #f "~a #:license" what) value))))
             (sha256 (let ((value (get 'sha256 #f)))
                       (and value (string-downcase
                                   (expect location (format #f "~a #:sha256" what) sha256-string?
                                           value "64 hexadecimal digits")))))
             (uris (expect location (format #f "~a #:uris" what) string-list? (get 'uris '())
                           "a list of strings"))
             (availability (expect location (format #f "~a #:availability" what)
                                   (cut memq <> availabilities) (get 'availability 'unknown)
                                   (format #f "one of ~{~a~^, ~}" availabilities)))
             (size (let ((value (get 'size #f)))
                     (and value (expect location (format #f "~a #:size" what)
                                        (lambda (v) (and (exact-integer? v) (>= v 0))) value
                                        "a number of bytes"))))
             (sources (expect location (format #f "~a #:sources" what)
                              (lambda (v) (and (list? v) (every source? v))) (get 'sources '())
                              "a list of (source URL #:date DATE) forms"))
             (backends (expect location (format #f "~a #:backends" what)
                               (lambda (v) (and (list? v)
                                                (every (match-lambda
                                                         (((? symbol?) . (? boolean?)) #t)
                                                         (_ #f))
                                                       v)))
                               (get 'backends '())
                               "a list of (BACKEND . PROPRIETARY?) pairs such as (cuda . #t)")))
         (values (artifact id kind
                           #:name (or (optional-string 'name) "")
                           #:version (or (optional-string 'version) "")
                           #:license license #:sha256 sha256 #:uris uris
                           #:format (let ((value (get 'format "")))
                                      (if (symbol? value) (symbol->string value)
                                          (expect location (format #f "~a #:format" what)
                                                  string? value "a string or symbol")))
                           #:availability availability
                           #:guix-package (optional-string 'guix-package)
                           #:size size #:notes (or (optional-string 'notes) "")
                           #:sources sources #:backends backends)
                 (let ((input (optional-string 'input)))
                   (and input
                        (shipped-weights id input (optional-string 'file) sha256 location)))))))
    (_ (annotation-failure location
                           (format #f "~a: expected (~a ID #:field value ...) with ID a string, got ~s"
                                   kind kind (cons kind arguments))))))

(define (annotated-step location arguments)
  (match arguments
    (((? string? id) kind . rest)
     (let* ((what (format #f "step '~a'" id))
            (fields (keyword-arguments location what rest '(inputs outputs compute notes sources)))
            (get (lambda (name default) (field fields name default))))
       (expect location (format #f "~a kind" what) (cut memq <> step-kinds) kind
               (format #f "one of ~{~a~^, ~}" step-kinds))
       (step id kind
             #:inputs (expect location (format #f "~a #:inputs" what)
                              (lambda (v)
                                (and (list? v)
                                     (every (match-lambda
                                              (((? string?) . (? symbol? role)) (memq role roles))
                                              (_ #f))
                                            v)))
                              (get 'inputs '())
                              (format #f "a list of (ARTIFACT-ID . ROLE) pairs, ROLE one of ~{~a~^, ~}"
                                      roles))
             #:outputs (let ((outputs (expect location (format #f "~a #:outputs" what) string-list?
                                              (get 'outputs '()) "a list of artifact ids")))
                         (when (null? outputs)
                           (annotation-failure location (format #f "~a: #:outputs is empty" what)))
                         outputs)
             #:compute (expect location (format #f "~a #:compute" what) compute?
                               (get 'compute (compute)) "a (compute ...) form")
             #:notes (expect location (format #f "~a #:notes" what) string? (get 'notes "") "a string")
             #:sources (expect location (format #f "~a #:sources" what)
                               (lambda (v) (and (list? v) (every source? v))) (get 'sources '())
                               "a list of (source URL #:date DATE) forms"))))
    (_ (annotation-failure location
                           (format #f "step: expected (step ID KIND #:field value ...), got ~s"
                                   (cons 'step arguments))))))

(define (annotation-clause kind location . arguments)
  "Check one clause of a provenance form and return two values, its records
and the weights it ships; used by the provenance macro, which passes the
clause's source LOCATION."
  (cond ((eq? kind 'step) (values (list (annotated-step location arguments)) '()))
        ((memq kind artifact-kinds)
         (let-values (((record shipped) (annotated-artifact kind location arguments)))
           (values (list record) (if shipped (list shipped) '()))))
        ((eq? kind 'computed)
         ;; Records made by Scheme code, e.g. a procedure the catalog uses for
         ;; a family of similar nets.
         (let ((records (let flatten ((value arguments))
                          (cond ((null? value) '())
                                ((pair? value) (append (flatten (car value)) (flatten (cdr value))))
                                ((or (artifact? value) (step? value)) (list value))
                                (else (annotation-failure
                                       location
                                       (format #f "computed: expected artifact or step records, got ~s"
                                               value)))))))
           (values records '())))
        (else (annotation-failure
               location
               (format #f "unknown clause (~a ...); expected one of ~{~a~^, ~}, step, computed"
                       kind artifact-kinds)))))

(define (collect location clauses)
  ;; CLAUSES are thunks returning records and shipped weights.
  (let loop ((clauses clauses) (artifacts '()) (steps '()) (shipped '()))
    (match clauses
      (() (make-provenance (reverse artifacts) (reverse steps) (reverse shipped) location))
      ((clause . rest)
       (let-values (((records ships) (clause)))
         (loop rest
               (append (reverse (filter artifact? records)) artifacts)
               (append (reverse (filter step? records)) steps)
               (append (reverse ships) shipped)))))))

(define-syntax provenance
  (lambda (s)
    "Declare the provenance of the weights a package ships (see the
commentary of this module)."
    (define (location-of form)
      (let ((source (syntax-source form)))
        (and source
             (list (cons 'filename (assq-ref source 'filename))
                   (cons 'line (assq-ref source 'line))
                   (cons 'column (assq-ref source 'column))))))
    (syntax-case s ()
      ((_ clause ...)
       (with-syntax (((checked ...)
                      (map (lambda (clause)
                             (syntax-case clause ()
                               ((kind argument ...)
                                (identifier? #'kind)
                                #`(lambda ()
                                    (annotation-clause 'kind '#,(datum->syntax clause (location-of clause))
                                                       argument ...)))
                               (_ (syntax-violation 'provenance
                                                    "expected a clause such as (weights ID ...) or (step ID KIND ...)"
                                                    s clause))))
                           #'(clause ...))))
         #`(collect '#,(datum->syntax s (location-of s)) (list checked ...)))))))
