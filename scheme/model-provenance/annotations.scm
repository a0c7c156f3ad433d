;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The annotation language package authors write in a package's
;;; `properties', under the key `model-provenance'.  It is plain data, so
;;; that Guix and channels can carry it without depending on
;;; model-provenance; it is checked when the checker runs:
;;;
;;;   (properties
;;;    '((model-provenance
;;;       (weights "my-net" #:input "neural-network" #:format nnue
;;;                #:license "CC0-1.0" #:sha256 "c288c895...")
;;;       (step "train-my-net" train
;;;             #:inputs (("nnue-pytorch" . software) ("my-games" . training-data))
;;;             #:outputs ("my-net")
;;;             #:compute (compute #:hours 48 #:hardware-profile "desktop-amd-gpu")))))
;;;
;;; Clauses declare weights, datasets, software, documents and steps; ids
;;; may name artifacts declared by other packages or by the catalog.
;;; A document says what it is with #:document-kind (model-card,
;;; data-card, technical-report, research-paper, evaluation-results,
;;; inference-code, ...: see `document-kinds') and what it is about with
;;; #:describes, a list of artifact ids; it is no step's input:
;;;
;;;       (document "my-net-card" #:document-kind model-card
;;;                 #:describes ("my-net") #:license "CC-BY-4.0"
;;;                 #:uris ("https://example.org/my-net/README"))
;;; Weights with #:input ship in the package through that input (or
;;; "source"); #:file names them inside it, and #:installed #f says they
;;; are there but not built or installed.  A value may also be written quoted ('train), as in the
;;; evaluated form below.
;;;
;;; The `provenance' macro is the same language with evaluated field
;;; values, checked at once: the catalog and the standalone command's
;;; declaration files use it, and Scheme code may add artifact and step
;;; records with (computed EXPRESSION ...).

(define-module (model-provenance annotations)
  #:use-module (ice-9 exceptions)
  #:use-module (ice-9 format)
  #:use-module (ice-9 match)
  #:use-module (rnrs bytevectors)
  #:use-module (srfi srfi-1)
  #:use-module (srfi srfi-9)
  #:use-module (srfi srfi-11)
  #:use-module (srfi srfi-26)
  #:use-module (model-provenance graph)
  #:use-module (model-provenance evaluate)
  #:export (provenance
            declarations->provenance
            parse-provenance
            provenance?
            provenance-artifacts
            provenance-steps
            provenance-shipped
            provenance-location
            provenance-locations

            shipped-weights
            shipped-weights?
            shipped-weights-id
            shipped-weights-input
            shipped-weights-file
            shipped-weights-sha256
            shipped-weights-location
            shipped-weights-installed?
            shipped-weights-files

            &annotation-error
            annotation-error?
            annotation-error-location
            annotation-error->string
            raise-annotation-error
            format-location))

;;; Conditions.

(define-exception-type &annotation-error &error
  make-annotation-error annotation-error?
  (location annotation-error-location))   ;alist: filename, line (0-based), column

(define (format-location location)
  "Render LOCATION, an alist of filename, line (from 0) and column, as
FILE:LINE:COLUMN with lines counted from 1."
  (match location
    ((((? symbol?) . _) . _)
     (format #f "~a:~a:~a" (or (assq-ref location 'filename) "<unknown file>")
             (+ 1 (or (assq-ref location 'line) 0)) (or (assq-ref location 'column) 0)))
    (_ "<unknown location>")))

(define (annotation-error->string e)
  "Render annotation error E as LOCATION: MESSAGE."
  (string-append (format-location (annotation-error-location e)) ": " (exception-message e)))

(define (raise-annotation-error location message)
  "Raise an &annotation-error: MESSAGE, about the clause at LOCATION."
  (raise-exception
   (make-exception (make-annotation-error location)
                   (make-exception-with-origin 'model-provenance)
                   (make-exception-with-message message))))

;;; Records.

(define-record-type <provenance>
  (make-provenance artifacts steps shipped location locations)
  provenance?
  (artifacts provenance-artifacts)   ;artifact records
  (steps provenance-steps)           ;step records
  (shipped provenance-shipped)       ;shipped-weights records
  (location provenance-location)     ;of the whole annotation, or #f
  (locations provenance-locations))  ;alist: declared id -> location of its clause

(define (declarations->provenance artifacts steps)
  "Return a provenance record of ARTIFACTS and STEPS (records), shipping
nothing and located nowhere: what a document of another format declares."
  (make-provenance artifacts steps '() #f '()))

;; Weights that a package ships, and through which origin: INPUT is an
;; input label or "source"; FILE, where they are inside it, or #f.
;; INSTALLED? is #f for weights present in the source but neither built
;; nor installed.  FILES lists the files the weights are made of, as
;; (PATH . SHA256) pairs, PATH inside the origin and SHA256 in hex, for
;; inspecting them against what is recorded.
(define-record-type <shipped-weights>
  (%shipped-weights id input file sha256 location installed? files)
  shipped-weights?
  (id shipped-weights-id)
  (input shipped-weights-input)
  (file shipped-weights-file)
  (sha256 shipped-weights-sha256)
  (location shipped-weights-location)
  (installed? shipped-weights-installed?)
  (files shipped-weights-files))

(define* (shipped-weights id input #:optional file sha256 location (installed? #t) (files '()))
  "Return the record of weights ID shipped through INPUT."
  (%shipped-weights id input file sha256 location installed? files))

;;; Checking values, with what was expected.

(define (expect location what predicate value expected)
  (unless (predicate value)
    (raise-annotation-error location (format #f "~a: expected ~a, got ~s" what expected value)))
  value)

(define (expect-one-of location what value choices)
  (unless (memq value choices)
    (raise-annotation-error
     location (format #f "~a: expected one of ~{~a~^, ~}, got ~s~a" what choices value
                      (did-you-mean value choices))))
  value)

(define (unquoted value)
  ;; Plain data may carry values written as in the evaluated form: 'train.
  (match value
    (('quote datum) datum)
    (_ value)))

(define (string-list? value) (and (list? value) (every string? value)))

(define hex-digits (string->char-set "0123456789abcdefABCDEF"))
(define (hex-sha256? value)
  (and (string? value) (= 64 (string-length value))
       (string-every (cut char-set-contains? hex-digits <>) value)))

;; Guix writes hashes in Nix's base32 (what a packager has in an origin's
;; sha256 field): 52 characters of this alphabet, least significant first.
(define nix-base32-alphabet "0123456789abcdfghijklmnpqrsvwxyz")

(define (nix-base32-sha256? value)
  (and (string? value) (= 52 (string-length value))
       (string-every (cut string-index nix-base32-alphabet <>) value)))

(define (nix-base32->hex text)
  ;; Each character carries 5 bits; character N from the end holds bits
  ;; 5N to 5N+4 of the little-endian number of the 32 bytes.
  (let ((bytes (make-bytevector 32 0))
        (count (string-length text)))
    (do ((n 0 (+ n 1))) ((= n count))
      (let* ((digit (string-index nix-base32-alphabet (string-ref text (- count 1 n))))
             (bit (* 5 n))
             (i (quotient bit 8))
             (j (remainder bit 8)))
        (bytevector-u8-set! bytes i (logand #xff (logior (bytevector-u8-ref bytes i) (ash digit j))))
        (when (and (< (+ i 1) 32) (> (+ j 5) 8))
          (bytevector-u8-set! bytes (+ i 1)
                              (logand #xff (logior (bytevector-u8-ref bytes (+ i 1))
                                                   (ash digit (- j 8))))))))
    (string-concatenate
     (map (lambda (b) (string-pad (number->string b 16) 2 #\0)) (bytevector->u8-list bytes)))))

(define (sha256-string? value)
  (or (hex-sha256? value) (nix-base32-sha256? value)))

(define (sha256->hex value)
  (if (hex-sha256? value) (string-downcase value) (nix-base32->hex value)))

(define (did-you-mean word candidates)
  ;; ", did you mean X?" when WORD looks like a typo of one of CANDIDATES.
  (match (nearest-name (if (symbol? word) (symbol->string word) (format #f "~a" word))
                       (map (lambda (c) (if (symbol? c) (symbol->string c) c)) candidates))
    (#f "")
    (nearest (format #f "; did you mean ~a?" nearest))))

(define (check-license location what value)
  (expect location what string? value "an SPDX license expression (a string)")
  (guard (e ((provenance-error? e)
             (raise-annotation-error location (format #f "~a: ~a" what (exception-message e)))))
    (license-canonical value))
  ;; A typo of a listed id would pass as an unknown license and make the
  ;; verdict undetermined far from the mistake.  An unknown id close to no
  ;; listed one may be newer than this tool's SPDX list (as MIT-Festival was
  ;; to list 3.19): it stays, judged unknown.
  (match (filter cdr (license-unknown-ids value))
    (() value)
    (((id . nearest) . _)
     (raise-annotation-error
      location
      (format #f "~a: unknown license id '~a'; did you mean ~a? (a license outside the SPDX list is written LicenseRef-NAME)"
              what id nearest)))))

(define (check-hardware-profile location what name)
  (let ((known (map hardware-profile-name (builtin-hardware-profiles))))
    (unless (member name known)
      (raise-annotation-error
       location
       (format #f "~a: unknown hardware profile '~a' (known ones: ~{~a~^, ~})~a"
               what name known (did-you-mean name known))))
    name))

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
           (raise-annotation-error location
                               (format #f "~a: unknown field #:~a; expected one of ~{#:~a~^, ~}"
                                       what name allowed)))
         (when (assq name result)
           (raise-annotation-error location (format #f "~a: field #:~a given twice" what name)))
         (loop rest (acons name (unquoted value) result))))
      (((? keyword? key))
       (raise-annotation-error location (format #f "~a: field ~s has no value" what key)))
      ((other . _)
       (raise-annotation-error location (format #f "~a: expected a #:keyword, got ~s" what other)))
      (_ (raise-annotation-error location (format #f "~a: expected #:keyword value pairs, got ~s"
                                              what arguments))))))

(define (field fields name default)
  (match (assq name fields) (#f default) ((_ . value) value)))

;; Sources and compute figures are records in the evaluated form and
;; (source URL #:date D #:about A) or (compute #:hours H ...) lists in
;; plain data.
(define (parse-sources location what value)
  (define (parse-source item)
    (match item
      ((? source?) item)
      (('source (? string? url) . rest)
       (let ((fields (keyword-arguments location (string-append what " source") rest '(date about))))
         (source url
                 #:date (expect location (string-append what " source #:date") string?
                                (field fields 'date "") "a string")
                 #:about (expect location (string-append what " source #:about") string?
                                 (field fields 'about "") "a string"))))
      (_ (raise-annotation-error location
                             (format #f "~a: expected a list of (source URL #:date DATE #:about TEXT) forms, got ~s"
                                     what value)))))
  (if (list? value)
      (map parse-source value)
      (raise-annotation-error location
                          (format #f "~a: expected a list of (source URL #:date DATE #:about TEXT) forms, got ~s"
                                  what value))))

(define (parse-compute location what value)
  (define (non-negative? v) (or (not v) (and (real? v) (>= v 0))))
  (match value
    ((? compute?)
     (when (compute-hardware-profile value)
       (check-hardware-profile location (string-append what " #:hardware-profile")
                               (compute-hardware-profile value)))
     value)
    (('compute . rest)
     (let* ((fields (keyword-arguments location what rest
                                       '(flops hours hardware-profile peak-memory storage)))
            (number (lambda (name)
                      (expect location (string-append what " #:" (symbol->string name)) non-negative?
                              (field fields name #f) "a non-negative number"))))
       (compute #:flops (number 'flops) #:hours (number 'hours)
                #:hardware-profile (let ((profile (field fields 'hardware-profile #f)))
                                     (and profile
                                          (check-hardware-profile
                                           location (string-append what " #:hardware-profile")
                                           (expect location (string-append what " #:hardware-profile")
                                                   string? profile "a hardware profile name (a string)"))))
                #:peak-memory (number 'peak-memory) #:storage (number 'storage))))
    (_ (raise-annotation-error location
                           (format #f "~a: expected a (compute #:flops N #:hours H #:hardware-profile NAME ...) form, got ~s"
                                   what value)))))

(define (parse-inputs location what inputs)
  ;; A list of (ARTIFACT-ID . ROLE) pairs; a mistake names the bad element.
  (unless (list? inputs)
    (raise-annotation-error
     location (format #f "~a: expected a list of (ARTIFACT-ID . ROLE) pairs, got ~s" what inputs)))
  (for-each (match-lambda
              ((and element ((? string?) . (? symbol? role)))
               (unless (memq role roles)
                 (raise-annotation-error
                  location
                  (format #f "~a: unknown role '~a' in ~s; expected one of ~{~a~^, ~}~a"
                          what role element roles (did-you-mean role roles)))))
              (element
               (raise-annotation-error
                location
                (format #f "~a: expected (ARTIFACT-ID . ROLE) pairs such as (\"trainer\" . software), got ~s"
                        what element))))
            inputs)
  inputs)

;; #:files: ((PATH SHA256) ...), PATH relative, SHA256 in hex or Guix's
;; base32; returned as (PATH . HEX) pairs.
(define (parse-files location what files)
  (unless (list? files)
    (raise-annotation-error location (format #f "~a: expected a list of (PATH SHA256) entries, got ~s" what files)))
  (map (lambda (entry)
         (match entry
           (((? string? path) (? string? hash))
            (when (or (string-null? path) (string-prefix? "/" path))
              (raise-annotation-error
               location (format #f "~a: ~s: expected a path inside the origin, not absolute or empty" what path)))
            (unless (sha256-string? hash)
              (raise-annotation-error
               location (format #f "~a: ~s: expected 64 hexadecimal digits, or 52 in Guix's base32, got ~s"
                                what path hash)))
            (cons path (sha256->hex hash)))
           (_ (raise-annotation-error
               location (format #f "~a: expected (PATH SHA256) with two strings, got ~s" what entry)))))
       files))

(define artifact-fields
  '(name version license sha256 uris format availability guix-package size notes
         sources backends input file installed files))

;; Fields of documents only.
(define document-fields '(document-kind describes))

(define (check-id location kind id)
  ;; Ids go into messages, DOT and JSON: no control characters.
  (when (string-any (lambda (c) (or (char<? c #\space) (char=? c #\delete))) id)
    (raise-annotation-error location (format #f "~a: the id ~s contains a control character" kind id)))
  id)

(define (annotated-artifact kind location arguments)
  (match arguments
    (((? string? id) . rest)
     (check-id location kind id)
     (let* ((what (string-append (symbol->string kind) " '" id "'"))
            (fields (begin
                      (unless (eq? kind 'document)
                        (for-each (lambda (name)
                                    (when (memq (symbol->keyword name) rest)
                                      (raise-annotation-error
                                       location (format #f "~a: only documents have #:~a" what name))))
                                  document-fields))
                      (keyword-arguments location what rest
                                         (if (eq? kind 'document)
                                             (append artifact-fields document-fields)
                                             artifact-fields))))
            (get (lambda (name default) (field fields name default)))
            (optional-string (lambda (name)
                               (let ((value (get name #f)))
                                 (and value (expect location (string-append what " #:" (symbol->string name))
                                                    string? value "a string"))))))
       (when (string-null? id)
         (raise-annotation-error location (format #f "~a: the id is empty" kind)))
       (when (and (or (get 'input #f) (get 'file #f) (assq 'installed fields) (assq 'files fields))
                  (not (eq? kind 'weights)))
         (raise-annotation-error location (format #f "~a: only weights ship through an #:input" what)))
       (when (and (get 'backends #f) (not (eq? kind 'software)))
         (raise-annotation-error location (format #f "~a: only software has #:backends" what)))
       ;; Documents were once told apart by their #:format alone.
       (let ((format-value (get 'format #f)))
         (when (and (eq? kind 'document) (not (assq 'document-kind fields))
                    (memq (if (string? format-value) (string->symbol format-value) format-value)
                          (document-kinds)))
           (raise-annotation-error
            location
            (format #f "~a: #:format ~a is the file's format; say what the document is with #:document-kind ~a"
                    what format-value format-value))))
       (let ((license (let ((value (get 'license #f)))
                        (and value (check-license location (string-append what " #:license") value))))
             (sha256 (let ((value (get 'sha256 #f)))
                       (and value (sha256->hex
                                   (expect location (string-append what " #:sha256") sha256-string?
                                           value "64 hexadecimal digits, or 52 in Guix's base32")))))
             (uris (expect location (string-append what " #:uris") string-list? (get 'uris '())
                           "a list of strings"))
             (availability (expect-one-of location (string-append what " #:availability")
                                          (get 'availability 'unknown) availabilities))
             (size (let ((value (get 'size #f)))
                     (and value (expect location (string-append what " #:size")
                                        (lambda (v) (and (exact-integer? v) (>= v 0))) value
                                        "a number of bytes"))))
             (sources (parse-sources location (string-append what " #:sources") (get 'sources '())))
             (backends (expect location (string-append what " #:backends")
                               (lambda (v) (and (list? v)
                                                (every (match-lambda
                                                         (((? symbol?) . (? boolean?)) #t)
                                                         (_ #f))
                                                       v)))
                               (get 'backends '())
                               "a list of (BACKEND . PROPRIETARY?) pairs such as (cuda . #t)"))
             (document-kind (expect-one-of location (string-append what " #:document-kind")
                                           (let ((value (get 'document-kind 'other)))
                                             (if (string? value) (string->symbol value) value))
                                           (document-kinds)))
             (describes (expect location (string-append what " #:describes") string-list?
                                (get 'describes '()) "a list of artifact ids")))
         (values (artifact id kind
                           #:name (or (optional-string 'name) "")
                           #:version (or (optional-string 'version) "")
                           #:license license #:sha256 sha256 #:uris uris
                           #:format (let ((value (get 'format "")))
                                      (if (symbol? value) (symbol->string value)
                                          (expect location (string-append what " #:format")
                                                  string? value "a string or symbol")))
                           #:availability availability
                           #:guix-package (optional-string 'guix-package)
                           #:size size #:notes (or (optional-string 'notes) "")
                           #:sources sources #:backends backends
                           #:document-kind document-kind #:describes describes)
                 (let ((input (optional-string 'input))
                       (file (optional-string 'file))
                       (installed? (expect location (string-append what " #:installed") boolean?
                                           (get 'installed #t) "#t or #f"))
                       (files (parse-files location (string-append what " #:files") (get 'files '()))))
                   (and (or input file (assq 'installed fields) (pair? files))
                        (shipped-weights id (or input "source") file sha256 location
                                         installed? files)))))))
    (_ (raise-annotation-error location
                           (format #f "~a: expected (~a ID #:field value ...) with ID a string, got ~s"
                                   kind kind (cons kind arguments))))))

(define (annotated-step location arguments)
  (match arguments
    (((? string? id) kind . rest)
     (check-id location 'step id)
     (let* ((what (string-append "step '" id "'"))
            (kind (unquoted kind))
            (fields (keyword-arguments location what rest '(inputs outputs compute notes sources)))
            (get (lambda (name default) (field fields name default))))
       (when (string-null? id)
         (raise-annotation-error location "step: the id is empty"))
       (expect-one-of location (string-append what " kind") kind step-kinds)
       (step id kind
             #:inputs (parse-inputs location (string-append what " #:inputs") (get 'inputs '()))
             #:outputs (let ((outputs (expect location (string-append what " #:outputs") string-list?
                                              (get 'outputs '()) "a list of artifact ids")))
                         (when (null? outputs)
                           (raise-annotation-error location (format #f "~a: #:outputs is empty" what)))
                         outputs)
             #:compute (parse-compute location (string-append what " #:compute") (get 'compute (compute)))
             #:notes (expect location (string-append what " #:notes") string? (get 'notes "") "a string")
             #:sources (parse-sources location (string-append what " #:sources") (get 'sources '())))))
    (_ (raise-annotation-error location
                           (format #f "step: expected (step ID KIND #:field value ...), got ~s"
                                   (cons 'step arguments))))))

(define (parse-clause clause location)
  ;; Return two values: the records CLAUSE declares and the weights it ships.
  (match clause
    ((or (? artifact?) (? step?)) (values (list clause) '()))
    (('step . arguments) (values (list (annotated-step location arguments)) '()))
    (((? (cut memq <> artifact-kinds) kind) . arguments)
     (let-values (((record shipped) (annotated-artifact kind location arguments)))
       (values (list record) (if shipped (list shipped) '()))))
    (('computed . records)
     ;; Records made by Scheme code, e.g. a procedure the catalog uses for
     ;; a family of similar nets.
     (values (let flatten ((value records))
               (cond ((null? value) '())
                     ((pair? value) (append (flatten (car value)) (flatten (cdr value))))
                     ((or (artifact? value) (step? value)) (list value))
                     (else (raise-annotation-error
                            location
                            (format #f "computed: expected artifact or step records, got ~s" value)))))
             '()))
    (((? symbol? kind) . _)
     (raise-annotation-error location
                         (format #f "unknown clause (~a ...); expected one of ~{~a~^, ~}, step, computed"
                                 kind artifact-kinds)))
    (_ (raise-annotation-error location
                           (format #f "expected a clause such as (weights ID ...) or (step ID KIND ...), got ~s"
                                   clause)))))

(define (record-id record)
  (if (artifact? record) (artifact-id record) (step-id record)))

(define* (parse-provenance clauses #:key location (clause-locations '()))
  "Check CLAUSES, the plain data of a model-provenance property (a list of
clauses such as (weights ID #:field value ...)), and return its
<provenance> record.  CLAUSE-LOCATIONS gives the location of each clause
in order, as alists of filename, line (from 0) and column, where they are
known; LOCATION is that of the whole annotation.  A mistake raises an
&annotation-error carrying the location of its clause."
  (unless (list? clauses)
    (raise-annotation-error location
                        (format #f "expected a list of clauses such as (weights ID ...) or (step ID KIND ...), got ~s"
                                clauses)))
  (let loop ((clauses clauses)
             (locations clause-locations)
             (artifacts '()) (steps '()) (shipped '()) (ids '()))
    (match clauses
      (()
       (make-provenance (reverse artifacts) (reverse steps) (reverse shipped) location
                        (reverse ids)))
      ((clause . rest)
       (let ((clause-location (match locations ((#f . _) location) ((l . _) l) (() location))))
         (let-values (((records ships) (parse-clause clause clause-location)))
           (let ((ids (fold (lambda (record ids)
                              (let ((id (record-id record)))
                                (when (assoc id ids)
                                  (raise-annotation-error
                                   clause-location
                                   (format #f "id '~a' is declared twice, first at ~a" id
                                           (format-location (assoc-ref ids id)))))
                                (acons id clause-location ids)))
                            ids records)))
             (loop rest (if (pair? locations) (cdr locations) '())
                   (append (reverse (filter artifact? records)) artifacts)
                   (append (reverse (filter step? records)) steps)
                   (append (reverse ships) shipped)
                   ids))))))))

(define-syntax provenance
  (lambda (s)
    "Declare provenance with evaluated field values, checked at once (see
the commentary of this module)."
    (define (location-of form)
      (let ((source (syntax-source form)))
        (and source
             (list (cons 'filename (assq-ref source 'filename))
                   (cons 'line (assq-ref source 'line))
                   (cons 'column (assq-ref source 'column))))))
    (syntax-case s ()
      ((_ clause ...)
       (with-syntax (((data ...)
                      (map (lambda (clause)
                             (syntax-case clause ()
                               ((kind argument ...)
                                (identifier? #'kind)
                                #'(list 'kind argument ...))
                               (_ (syntax-violation 'provenance
                                                    "expected a clause such as (weights ID ...) or (step ID KIND ...)"
                                                    s clause))))
                           #'(clause ...)))
                     ((location ...)
                      (map (lambda (clause) (datum->syntax clause (location-of clause)))
                           #'(clause ...))))
         #`(parse-provenance (list data ...)
                             #:location '#,(datum->syntax s (location-of s))
                             #:clause-locations '(location ...)))))))
