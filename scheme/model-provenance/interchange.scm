;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; Documents of other formats: SPDX 3, CycloneDX, Hugging Face model cards
;;; and Hub metadata, PROV-JSON.  Reading gives provenance records (the
;;; same as a declaration file's); writing takes records and verdicts; and
;;; records become the plain-data annotation a package carries.

(define-module (model-provenance interchange)
  #:use-module (ice-9 match)
  #:use-module (ice-9 textual-ports)
  #:use-module (srfi srfi-1)
  #:use-module (model-provenance annotations)
  #:use-module (model-provenance bindings)
  #:use-module (model-provenance catalog)
  #:use-module (model-provenance evaluate)
  #:use-module (model-provenance graph)
  #:use-module (srfi srfi-9)
  #:export (document-formats
            hub-license-lineage
            lineage-report? lineage-report-models lineage-report-declared-free
            lineage-report-offending lineage-report-undetermined
            lineage-report-undetermined-sample lineage-report-missing
            lineage-report-cyclic lineage-report-self-references
            lineage-report-errors lineage-report-error-count
            lineage-finding? lineage-finding-model lineage-finding-license
            lineage-finding-ancestor lineage-finding-ancestor-license
            lineage-finding-distance lineage-finding-reason
            writable-document-formats
            read-document
            write-document
            provenance->annotation
            write-annotation))

(define (document-formats)
  "Return the formats read-document reads."
  '(spdx3 cyclonedx model-card hub prov))

(define (writable-document-formats)
  "Return the formats write-document writes."
  '(spdx3 cyclonedx prov))

(define (file-text file)
  (catch 'system-error
    (lambda () (call-with-input-file file get-string-all))
    (lambda args
      (input-error "~a: cannot read: ~a" file (strerror (system-error-errno args))))))

(define* (read-document format file #:key model-id)
  "Read FILE, a document in FORMAT (see document-formats); return two
values: a provenance record of what it declares, and the (WHERE . WHAT)
pairs of what the graph has no place for.  MODEL-ID names the model a
model card describes (by default, the name of the card's directory)."
  (unless (memq format (document-formats))
    (input-error "unknown document format '~a'; expected ~{~a~^, ~}" format (document-formats)))
  (match (%read-document format (file-text file) file
                         (or model-id (basename (dirname (canonicalize-path* file)))))
    ((artifacts steps dropped)
     (values (declarations->provenance (map vector->artifact artifacts) (map vector->step steps))
             dropped))))

(define (canonicalize-path* file)
  (or (false-if-exception (canonicalize-path file)) file))

(define* (write-document format artifacts steps #:key (judgements '()))
  "Return the text of a document in FORMAT (see writable-document-formats)
declaring ARTIFACTS and STEPS (records); JUDGEMENTS are (TARGET POLICY
VERDICT SUMMARY REASONS) lists written where the format has a place."
  (unless (memq format (writable-document-formats))
    (input-error "cannot write format '~a'; expected ~{~a~^, ~}" format (writable-document-formats)))
  (%write-document format (map artifact->vector artifacts) (map step->vector steps)
                   (map (match-lambda
                          ((target policy verdict summary reasons)
                           (vector target policy verdict summary reasons)))
                        judgements)))

;;; Records as the plain data of an annotation.

(define (source->datum s)
  `(source ,(source-url s)
           ,@(if (string-null? (source-date s)) '() `(#:date ,(source-date s)))
           ,@(if (string-null? (source-about s)) '() `(#:about ,(source-about s)))))

(define (artifact->clause a)
  ;; Only the fields known: the others stay unknown, as in the document.
  (define (field keyword value absent?)
    (if absent? '() (list keyword value)))
  `(,(artifact-kind a) ,(artifact-id a)
    ,@(field #:name (artifact-name a) (string-null? (artifact-name a)))
    ,@(field #:version (artifact-version a) (string-null? (artifact-version a)))
    ,@(field #:license (artifact-license a) (not (artifact-license a)))
    ,@(field #:sha256 (artifact-sha256 a) (not (artifact-sha256 a)))
    ,@(field #:uris (artifact-uris a) (null? (artifact-uris a)))
    ,@(field #:format (artifact-format a) (string-null? (artifact-format a)))
    ,@(field #:availability (artifact-availability a) (eq? 'unknown (artifact-availability a)))
    ,@(field #:size (artifact-size a) (not (artifact-size a)))
    ,@(field #:backends (artifact-backends a) (null? (artifact-backends a)))
    ,@(field #:document-kind (artifact-document-kind a)
             (or (not (eq? 'document (artifact-kind a))) (eq? 'other (artifact-document-kind a))))
    ,@(field #:describes (artifact-describes a) (null? (artifact-describes a)))
    ,@(field #:notes (artifact-notes a) (string-null? (artifact-notes a)))
    ,@(field #:sources (map source->datum (artifact-sources a)) (null? (artifact-sources a)))))

(define (compute->datum c)
  `(compute ,@(if (compute-flops c) `(#:flops ,(compute-flops c)) '())
            ,@(if (compute-hours c)
                  `(#:hours ,(compute-hours c) #:hardware-profile ,(compute-hardware-profile c))
                  '())
            ,@(if (compute-peak-memory c) `(#:peak-memory ,(compute-peak-memory c)) '())
            ,@(if (compute-storage c) `(#:storage ,(compute-storage c)) '())))

(define (step->clause s)
  (let ((c (step-compute s)))
    `(step ,(step-id s) ,(step-kind s)
           ,@(if (null? (step-inputs s)) '() `(#:inputs ,(step-inputs s)))
           ,@(if (null? (step-outputs s)) '() `(#:outputs ,(step-outputs s)))
           ,@(if (or (compute-flops c) (compute-hours c) (compute-peak-memory c) (compute-storage c))
                 `(#:compute ,(compute->datum c))
                 '())
           ,@(if (string-null? (step-notes s)) '() `(#:notes ,(step-notes s)))
           ,@(if (null? (step-sources s)) '()
                 `(#:sources ,(map source->datum (step-sources s)))))))

(define (provenance->annotation record)
  "Return the plain data a package carries in its properties, (model-provenance
CLAUSE ...), declaring the artifacts and steps of RECORD."
  `(model-provenance ,@(map artifact->clause (provenance-artifacts record))
                     ,@(map step->clause (provenance-steps record))))

(define* (write-annotation annotation #:optional (port (current-output-port)))
  "Write ANNOTATION, (model-provenance CLAUSE ...), to PORT as a packager
writes one: a clause a paragraph, a field a line."
  (match annotation
    (('model-provenance . clauses)
     (format port "(model-provenance~%")
     (for-each (match-lambda
                 ((kind id . fields)
                  (format port " (~a ~s" kind id)
                  (let loop ((fields fields))
                    (match fields
                      (((? keyword? key) value . rest)
                       (format port "~%  ~s ~s" key value)
                       (loop rest))
                      ((value . rest) (format port " ~s" value) (loop rest))
                      (() (format port ")~%"))))))
               clauses)
     (format port ")~%"))))

;;; License lineage at Hub scale.

;; A model declaring a free licence under the policy, with an ancestor
;; whose licence is not (or, in the undetermined sample, unknown): the
;; nearest such ancestor, DISTANCE derivations up.
(define-record-type <lineage-finding>
  (lineage-finding model license ancestor ancestor-license distance reason)
  lineage-finding?
  (model lineage-finding-model)
  (license lineage-finding-license)
  (ancestor lineage-finding-ancestor)
  (ancestor-license lineage-finding-ancestor-license)
  (distance lineage-finding-distance)
  (reason lineage-finding-reason))

(define-record-type <lineage-report>
  (lineage-report models declared-free offending undetermined undetermined-sample missing cyclic
                  self-references errors error-count)
  lineage-report?
  (models lineage-report-models)
  (declared-free lineage-report-declared-free)
  (offending lineage-report-offending)              ;lineage findings
  (undetermined lineage-report-undetermined)        ;how many
  (undetermined-sample lineage-report-undetermined-sample)
  (missing lineage-report-missing)                  ;(BASE-ID . HOW-MANY-NAME-IT)
  (cyclic lineage-report-cyclic)
  (self-references lineage-report-self-references)
  (errors lineage-report-errors)                    ;(WHERE . MESSAGE), the first ones
  (error-count lineage-report-error-count))

(define* (hub-license-lineage files #:key (policy (default-policy)) (sample-limit 1000))
  "Read FILES, Hub metadata in JSON lines (one model a line, as the Hub's
API gives it), and return the lineage report of every model they
describe: those whose declared licence is free under POLICY's weights
criterion while an ancestor's is not, in one pass however many models.
Unreadable lines are counted and the first SAMPLE-LIMIT kept, not fatal."
  (define (finding v)
    (match v
      (#(model license ancestor ancestor-license distance reason)
       (lineage-finding model license ancestor ancestor-license distance reason))))
  (match (%hub-license-lineage files (policy->vector policy) sample-limit)
    (#(models free offending undetermined sample missing cyclic self errors error-count)
     (lineage-report models free (map finding offending) undetermined (map finding sample)
                     missing cyclic self errors error-count))))
