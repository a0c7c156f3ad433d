;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; Looking inside weights files: their format, what they say of their own
;;; lineage, and whether loading them would run code.  The C++ core reads
;;; the bytes; nothing is executed or unpickled.  Also: comparing what a
;;; file says with what an annotation records.

(define-module (model-provenance inspect)
  #:use-module (ice-9 format)
  #:use-module (ice-9 match)
  #:use-module (srfi srfi-1)
  #:use-module (srfi srfi-9)
  #:use-module (srfi srfi-26)
  #:use-module (model-provenance bindings)
  #:export (inspection?
            inspection-path
            inspection-format
            inspection-format-detail
            inspection-size
            inspection-sha256
            inspection-parameters
            inspection-tensor-count
            inspection-tensors
            inspection-facts
            inspection-license
            inspection-base-models
            inspection-datasets
            inspection-safety
            inspection-error
            inspection-known-format?
            inspection-runs-code?

            tensor?
            tensor-name
            tensor-dtype
            tensor-shape

            safety-finding?
            safety-finding-concern
            safety-finding-what
            safety-finding-where

            inspect-files
            inspect-formats
            inspection->json
            print-inspection
            inspection-mismatches))

(define-record-type <tensor>
  (tensor name dtype shape)
  tensor?
  (name tensor-name)
  (dtype tensor-dtype)
  (shape tensor-shape))            ;list of dimensions

;; CONCERN is review (a human should look: a GGUF chat template) or
;; code-execution (loading runs code: a pickle import, a Keras Lambda).
(define-record-type <safety-finding>
  (safety-finding concern what where)
  safety-finding?
  (concern safety-finding-concern)
  (what safety-finding-what)
  (where safety-finding-where))

;; FACTS are (KEY . VALUE) strings in the format's own words, in file
;; order.  LICENSE, BASE-MODELS and DATASETS are what the file claims of its
;; lineage, drawn from the facts.  ERROR says why reading stopped early;
;; what was read before it is kept.
(define-record-type <inspection>
  (inspection path format format-detail size sha256 parameters tensor-count tensors facts
              license base-models datasets safety error)
  inspection?
  (path inspection-path)
  (format inspection-format)               ;string: "gguf", ...; "unknown"
  (format-detail inspection-format-detail)
  (size inspection-size)
  (sha256 inspection-sha256)               ;hex string, or #f when not hashed
  (parameters inspection-parameters)       ;integer, or #f
  (tensor-count inspection-tensor-count)
  (tensors inspection-tensors)             ;the first ones, as tensor records
  (facts inspection-facts)
  (license inspection-license)             ;string, or #f
  (base-models inspection-base-models)
  (datasets inspection-datasets)
  (safety inspection-safety)
  (error inspection-error))                ;string, or #f

(define (inspection-known-format? i)
  (not (string=? "unknown" (inspection-format i))))

(define (inspection-runs-code? i)
  (any (lambda (f) (eq? 'code-execution (safety-finding-concern f)))
       (inspection-safety i)))

(define (vector->inspection v)
  (match v
    (#(path format detail size sha256 parameters count tensors facts license bases datasets
            safety error)
     (inspection path format detail size sha256 parameters count
                 (map (match-lambda (#(name dtype shape) (tensor name dtype shape))) tensors)
                 facts license bases datasets
                 (map (match-lambda (#(concern what where) (safety-finding concern what where)))
                      safety)
                 error))))

(define* (inspect-files paths #:key (hash? #t))
  "Inspect each file of PATHS (file names, or directories walked in name
order without following links) and return a list of inspections.  With
HASH?, each file's sha256 is computed too, which reads every byte; without
it, only headers are read where the format allows.  A file that cannot be
opened raises a provenance error naming it."
  (map vector->inspection (%inspect-paths paths hash?)))

(define (inspect-formats)
  "Return the formats inspect knows, as (ID . DESCRIPTION) pairs."
  (%inspect-formats))

;;; Output.

(define (json-or-null value) (or value 'null))

(define (inspection->json i)
  "Return inspection I as a JSON-ready alist (see (model-provenance json))."
  `((path . ,(inspection-path i))
    (format . ,(inspection-format i))
    (format_detail . ,(inspection-format-detail i))
    (size . ,(inspection-size i))
    (sha256 . ,(json-or-null (inspection-sha256 i)))
    (parameters . ,(json-or-null (inspection-parameters i)))
    (tensor_count . ,(inspection-tensor-count i))
    (tensors . ,(list->vector
                 (map (lambda (t)
                        `((name . ,(tensor-name t)) (dtype . ,(tensor-dtype t))
                          (shape . ,(list->vector (tensor-shape t)))))
                      (inspection-tensors i))))
    (facts . ,(list->vector
               (map (match-lambda ((key . value) `((key . ,key) (value . ,value))))
                    (inspection-facts i))))
    (license . ,(json-or-null (inspection-license i)))
    (base_models . ,(list->vector (inspection-base-models i)))
    (datasets . ,(list->vector (inspection-datasets i)))
    (safety . ,(list->vector
                (map (lambda (f)
                       `((concern . ,(symbol->string (safety-finding-concern f)))
                         (what . ,(safety-finding-what f)) (where . ,(safety-finding-where f))))
                     (inspection-safety i))))
    (runs_code . ,(inspection-runs-code? i))
    (error . ,(json-or-null (inspection-error i)))))

(define (group-digits n)
  (let loop ((digits (number->string n)) (groups '()))
    (if (<= (string-length digits) 3)
        (string-join (cons digits groups) ",")
        (loop (string-drop-right digits 3) (cons (string-take-right digits 3) groups)))))

(define (one-line text)
  ;; Facts may hold several lines (a licence comment): the first, marked.
  (match (string-split text #\newline)
    ((line) line)
    ((line . _) (string-append line " …"))))

(define* (print-inspection i #:key (port (current-output-port)) (max-tensors 8) matches)
  "Write inspection I as text to PORT: format, hash, size, the facts the
file carries, its first MAX-TENSORS tensors, what loading it would run,
and MATCHES, lines saying what recorded weights it is."
  (format port "~a: ~a~a~%" (inspection-path i) (inspection-format i)
          (if (string-null? (inspection-format-detail i)) ""
              (string-append " (" (inspection-format-detail i) ")")))
  (when (inspection-sha256 i)
    (format port "  sha256: ~a~%" (inspection-sha256 i)))
  (format port "  size: ~a bytes~@[; ~a parameters~]~a~%"
          (group-digits (inspection-size i))
          (and=> (inspection-parameters i) group-digits)
          (match (inspection-tensor-count i)
            (0 "")
            (1 "; 1 tensor")
            (n (format #f "; ~a tensors" (group-digits n)))))
  (for-each (cut format port "  ~a~%" <>) (or matches '()))
  (when (inspection-license i)
    (format port "  license (as the file states it): ~a~%" (one-line (inspection-license i))))
  (for-each (cut format port "  base model: ~a~%" <>) (inspection-base-models i))
  (for-each (cut format port "  data set: ~a~%" <>) (inspection-datasets i))
  (for-each (match-lambda
              ((key . value) (format port "  ~a: ~a~%" key (one-line value))))
            (inspection-facts i))
  (let ((tensors (inspection-tensors i)))
    (for-each (lambda (t)
                (format port "  tensor ~a: ~a [~{~a~^×~}]~%" (tensor-name t) (tensor-dtype t)
                        (tensor-shape t)))
              (take tensors (min max-tensors (length tensors))))
    (when (> (inspection-tensor-count i) max-tensors)
      (format port "  … and ~a more tensors~%"
              (group-digits (- (inspection-tensor-count i) (min max-tensors (length tensors)))))))
  (for-each (lambda (f)
              (format port "  ~a: ~a (~a)~%"
                      (if (eq? 'code-execution (safety-finding-concern f))
                          "RUNS CODE when loaded" "review")
                      (safety-finding-what f) (safety-finding-where f)))
            (inspection-safety i))
  (when (inspection-error i)
    (format port "  error: ~a~%" (inspection-error i))))

;;; Against an annotation.

(define (normalize text)
  (string-downcase (string-trim-both text)))

(define* (inspection-mismatches i #:key sha256 recorded-format license license-free? base-models)
  "Return what inspection I contradicts in what an annotation records, as
messages: SHA256, the recorded hash (hex) or #f; RECORDED-FORMAT, the
recorded format or \"\"; LICENSE, the recorded SPDX expression or #f, and
LICENSE-FREE?, a procedure telling whether a licence text the file embeds
is the recorded one's; BASE-MODELS, the names of the weights the recorded
steps start from, or #f when not known."
  (append
   ;; Stockfish names a net after its hash: nn-<12 hex digits>.nnue.
   (match (assoc "expected sha256 prefix" (inspection-facts i))
     ((_ . prefix)
      (if (and (inspection-sha256 i) (not (string-prefix? prefix (inspection-sha256 i))))
          (list (format #f "its name says sha256 ~a..., but its sha256 is ~a"
                        prefix (inspection-sha256 i)))
          '()))
     (#f '()))
   (if (and sha256 (inspection-sha256 i) (not (string=? sha256 (inspection-sha256 i))))
       (list (format #f "sha256 ~a differs from the recorded ~a"
                     (inspection-sha256 i) sha256))
       '())
   (if (and recorded-format (not (string-null? recorded-format)) (inspection-known-format? i)
            (not (format-agrees? recorded-format (inspection-format i))))
       (list (format #f "the file is ~a, not ~a as recorded" (inspection-format i) recorded-format))
       '())
   (match (inspection-license i)
     (#f '())
     (embedded
      (cond ((not license)
             (list (format #f "the file states the license '~a'; none is recorded"
                           (one-line embedded))))
            ((and license-free? (not (license-free? embedded license)))
             (list (format #f "the file states the license '~a', but '~a' is recorded"
                           (one-line embedded) license)))
            (else '()))))
   (if base-models
       (filter-map (lambda (named)
                     (and (not (any (cut name-agrees? named <>) base-models))
                          (format #f "the file names base model '~a', which no recorded step starts from"
                                  named)))
                   (inspection-base-models i))
       '())))

(define (format-agrees? recorded detected)
  ;; Annotations name formats loosely ("lc0-protobuf", "opencv-cascade-xml",
  ;; "pt", "sphinx-cont-hmm"): the recorded name agrees when it starts with
  ;; the detected format or its family (sphinx-mdef: sphinx), or is one of
  ;; the usual names of it.
  (let* ((recorded (normalize recorded))
         (family (match (string-index detected #\-)
                   (#f detected)
                   (at (substring detected 0 at)))))
    (or (string-prefix? detected recorded)
        (string-prefix? family recorded)
        (and (member recorded
                     (or (assoc-ref '(("lc0" "pb.gz" "protobuf")
                                      ("traineddata" "tesseract")
                                      ("pytorch-zip" "pt" "pth" "torch" "ckpt" "bin")
                                      ("pytorch-legacy" "pt" "pth" "torch" "ckpt" "bin")
                                      ("pickle" "pkl" "pt" "pth" "pytorch" "joblib" "bin")
                                      ("npy" "numpy") ("npz" "numpy")
                                      ("hdf5" "h5" "keras")
                                      ("opencv-cascade" "xml" "haar" "lbp")
                                      ("fasttext" "bin" "ftz")
                                      ("gnubg" "wd" "weights")
                                      ("sphinx-lm" "arpa" "lm" "dmp"))
                                    detected)
                         '()))
             #t))))

(define (name-agrees? named recorded)
  ;; "meta-llama/Llama-2-7b-hf" names the recorded "Llama-2-7b-hf", and
  ;; the other way round.
  (let ((a (normalize named)) (b (normalize recorded)))
    (or (string=? a b) (string-suffix? (string-append "/" b) a)
        (string-suffix? (string-append "/" a) b))))
