;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; Provenance graphs from Scheme: records for artifacts and steps, frozen
;;; graphs, lineage queries and Graphviz output.

(define-module (model-provenance graph)
  #:use-module (ice-9 match)
  #:use-module (srfi srfi-1)
  #:use-module (srfi srfi-9)
  #:use-module (model-provenance bindings)
  #:re-export (provenance-error?
               provenance-error-code
               provenance-error-field
               provenance-error-problems)
  #:export (source source? source-url source-date source-about
            compute compute? compute-flops compute-hours compute-hardware-profile
            compute-peak-memory compute-storage
            artifact artifact? artifact-id artifact-kind artifact-name artifact-version
            artifact-license artifact-sha256 artifact-uris artifact-format
            artifact-availability artifact-guix-package artifact-size artifact-notes
            artifact-sources artifact-backends artifact-document-kind artifact-describes
            document-kinds documents-of
            step step? step-id step-kind step-inputs step-outputs step-compute
            step-notes step-sources

            make-provenance-graph provenance-graph? provenance-graph-counts
            provenance-graph-ids graph-node

            lineage-entry? lineage-entry-id lineage-entry-depth lineage-entry-node-type
            lineage-entry-kind lineage-entry-license lineage-entry-nearer
            ancestors descendants derivation-path lineage-roots
            lineage-derivation-order dominators topological-order cyclic-components
            lineage->dot dot-string

            ;; Records as the vectors the extension takes and gives.
            artifact->vector vector->artifact step->vector vector->step))

;;; Records.

(define-record-type <source>
  (%source url date about)
  source?
  (url source-url)
  (date source-date)
  (about source-about))

(define* (source url #:key (date "") (about ""))
  "Return a citation: URL read on DATE (ISO 8601), supporting the fact ABOUT."
  (%source url date about))

(define-record-type <compute>
  (%compute flops hours hardware-profile peak-memory storage)
  compute?
  (flops compute-flops)
  (hours compute-hours)
  (hardware-profile compute-hardware-profile)
  (peak-memory compute-peak-memory)
  (storage compute-storage))

(define* (compute #:key flops hours hardware-profile peak-memory storage)
  "Return what a step costs: FLOPS, or HOURS on HARDWARE-PROFILE (a profile
name), with PEAK-MEMORY and STORAGE in bytes.  #f means unknown."
  (%compute flops hours hardware-profile peak-memory storage))

(define-record-type <artifact>
  (%artifact id kind name version license sha256 uris format availability
             guix-package size notes sources backends document-kind describes)
  artifact?
  (id artifact-id)
  (kind artifact-kind)
  (name artifact-name)
  (version artifact-version)
  (license artifact-license)
  (sha256 artifact-sha256)
  (uris artifact-uris)
  (format artifact-format)
  (availability artifact-availability)
  (guix-package artifact-guix-package)
  (size artifact-size)
  (notes artifact-notes)
  (sources artifact-sources)
  (backends artifact-backends)
  (document-kind artifact-document-kind)
  (describes artifact-describes))

(define* (artifact id kind #:key (name "") (version "") license sha256 (uris '())
                   (format "") (availability 'unknown) guix-package size (notes "")
                   (sources '()) (backends '()) (document-kind 'other) (describes '()))
  "Return an artifact: weights, a dataset, software or a document (KIND).
LICENSE is an SPDX expression and SHA256 a hexadecimal hash, #f when
unknown.  AVAILABILITY is one of public-download, registration, on-request,
unavailable, unknown.  BACKENDS, for software, lists (BACKEND . PROPRIETARY?)
pairs such as (cuda . #t).  A document has a DOCUMENT-KIND, one of
(document-kinds) such as model-card, data-card or research-paper (other by
default), and DESCRIBES lists the ids of the artifacts it documents: the
weights a model card is about, the datasets of a data card.  Documents are
no step's input: what describes a model is not needed to make it."
  (%artifact id kind name version license sha256 uris format availability
             guix-package size notes sources backends document-kind describes))

(define-record-type <step>
  (%step id kind inputs outputs compute notes sources)
  step?
  (id step-id)
  (kind step-kind)
  (inputs step-inputs)
  (outputs step-outputs)
  (compute step-compute)
  (notes step-notes)
  (sources step-sources))

(define* (step id kind #:key (inputs '()) (outputs '()) (compute (compute))
               (notes "") (sources '()))
  "Return a step of KIND (train, fine-tune, distill, generate-data, convert,
quantize, merge).  INPUTS lists (ARTIFACT-ID . ROLE) pairs, ROLE one of
software, training-data, initial-weights, teacher-weights,
generator-weights, document; OUTPUTS lists artifact ids."
  (%step id kind inputs outputs compute notes sources))

;;; Crossing to the core: records become vectors and back.

(define (source->vector s)
  (vector (source-url s) (source-date s) (source-about s)))

(define (vector->source v)
  (match v (#(url date about) (%source url date about))))

(define (artifact->vector a)
  (match a
    (($ <artifact> id kind name version license sha256 uris format availability
                   guix-package size notes sources backends document-kind describes)
     (vector id kind name version license sha256 uris format availability
             guix-package size notes (map source->vector sources) backends document-kind
             describes))))

(define (vector->artifact v)
  (match v
    (#(id kind name version license sha256 uris format availability
          guix-package size notes sources backends document-kind describes)
     (%artifact id kind name version license sha256 uris format availability
                guix-package size notes (map vector->source sources) backends document-kind
                describes))))

(define (step->vector s)
  (match s
    (($ <step> id kind inputs outputs ($ <compute> flops hours profile memory storage)
               notes sources)
     (vector id kind inputs outputs (vector flops hours profile memory storage)
             notes (map source->vector sources)))))

(define (vector->step v)
  (match v
    (#(id kind inputs outputs #(flops hours profile memory storage) notes sources)
     (%step id kind inputs outputs (%compute flops hours profile memory storage)
            notes (map vector->source sources)))))

(define record-types
  ;; The records make-provenance-graph passes as they are, their fields
  ;; those of the vectors above.
  (vector <artifact> <step> <source> <compute>))

(define (checked-list who what predicate items)
  (unless (and (list? items) (every predicate items))
    (scm-error 'wrong-type-arg who "expected a list of ~a records: ~s"
               (list what items) (list items)))
  items)

;;; Graphs.

(define* (make-provenance-graph artifacts steps #:key allow-cycles?)
  "Build and freeze a provenance graph of ARTIFACTS and STEPS (lists of
records).  Every problem found is raised at once as a &provenance-error
whose irritants are the ids involved.  Self-play loops recorded as cycles
are errors unless ALLOW-CYCLES? is true."
  ;; The records cross as they are: the extension reads their fields.
  (%make-graph (checked-list 'make-provenance-graph "artifact" artifact? artifacts)
               (checked-list 'make-provenance-graph "step" step? steps)
               (and allow-cycles? #t)
               record-types))

(define (provenance-graph? object)
  "Return #t if OBJECT is a frozen provenance graph."
  (%graph? object))

(define (provenance-graph-counts graph)
  "Return the numbers of artifacts and steps of GRAPH as two values."
  (match (%graph-counts graph)
    ((artifacts . steps) (values artifacts steps))))

(define* (provenance-graph-ids graph #:optional (which 'artifacts))
  "Return the ids of GRAPH's artifacts, steps or weights (WHICH)."
  (%graph-ids graph which))

(define (graph-node graph id)
  "Return the artifact or step record ID of GRAPH, or #f."
  (match (%graph-node graph id)
    (#f #f)
    ((? (lambda (v) (= (vector-length v) 16)) v) (vector->artifact v))
    (v (vector->step v))))

(define document-kinds
  (let ((kinds #f))
    (lambda ()
      "Return the kinds a document artifact may have, as symbols: the
components of the Model Openness Framework that are documents or accompany
a model (model-card, data-card, technical-report, research-paper,
evaluation-results, inference-code, ...), and other."
      (unless kinds (set! kinds (%document-kinds)))
      kinds)))

(define (documents-of graph id)
  "Return the ids of the documents of GRAPH that describe artifact ID."
  (car (%graph-documents graph id)))

;;; Lineage queries.  ROLES and STEP-KINDS are lists of symbols, or #t for
;;; all; MAX-DEPTH counts derivation steps, or #f for no limit.

(define-record-type <lineage-entry>
  (lineage-entry id depth node-type kind license nearer)
  lineage-entry?
  (id lineage-entry-id)                 ;string, read-only
  (depth lineage-entry-depth)           ;derivation steps from the start
  (node-type lineage-entry-node-type)   ;'artifact or 'step
  (kind lineage-entry-kind)             ;artifact kind or step kind
  (license lineage-entry-license)       ;string, or #f
  (nearer lineage-entry-nearer))        ;ids one derivation nearer the start

;; Lineage entries are made by the extension; their ids, and those of their
;; nearer lists, are read-only strings shared by every lineage of a graph.

(define* (ancestors graph id #:key (roles #t) (step-kinds #t) max-depth)
  "Return the lineage entries of what ID derives from, nearest first."
  (%graph-lineage graph id 'ancestors roles step-kinds max-depth <lineage-entry>))

(define* (descendants graph id #:key (roles #t) (step-kinds #t) max-depth)
  "Return the lineage entries of what derives from ID, nearest first."
  (%graph-lineage graph id 'descendants roles step-kinds max-depth <lineage-entry>))

(define* (derivation-path graph from to #:key (roles #t) (step-kinds #t))
  "Return one shortest derivation from FROM to TO as a list of ids, or #f
when TO does not derive from FROM."
  (%graph-path graph from to roles step-kinds))

(define* (lineage-roots graph id #:key (roles #t) (step-kinds #t) max-depth)
  "Return the ids where the lineage of ID ends: raw data, software, opaque
weights."
  (%graph-query graph 'roots id roles step-kinds max-depth))

(define* (lineage-derivation-order graph id #:key (roles #t) (step-kinds #t) max-depth)
  "Return the lineage of ID (its ancestors, then ID) in derivation order."
  (%graph-query graph 'derivation-order id roles step-kinds max-depth))

(define* (dominators graph id #:key (roles #t) (step-kinds #t))
  "Return the ids every derivation of ID passes through, nearest first."
  (%graph-query graph 'dominators id roles step-kinds #f))

(define (topological-order graph)
  "Return every id of GRAPH, each after everything it derives from."
  (%graph-topological-order graph))

(define (cyclic-components graph)
  "Return the groups of ids that derive from each other (cycles)."
  (%graph-cycles graph))

;;; Graphviz.

(define (dot-string text)
  "Return TEXT as a quoted DOT string.  Control characters, which would
make the SVG dot writes invalid XML, become spaces."
  (string-append "\""
                 (string-concatenate
                  (map (lambda (c)
                         (case c
                           ((#\") "\\\"")
                           ((#\\) "\\\\")
                           ((#\newline) "\\n")
                           (else (if (char<? c #\space) " " (string c)))))
                       (string->list text)))
                 "\""))

(define* (lineage->dot graph id-or-ids #:key (port (current-output-port)) (marks '()))
  "Write the lineage of ID-OR-IDS (an artifact or step id, or a list of
them, drawn as one graph) in GRAPH to PORT in Graphviz DOT syntax, edges
following derivation.  MARKS is an alist from ids to short texts (such as
verdicts) shown under their labels.  'dot -Tsvg' draws it.  Nothing is
written when an id is unknown."
  ;; The text is made by the extension, in one pass; see dot-string for
  ;; how texts are quoted.  An unknown id raises before anything is written.
  (display (%graph-lineage-dot graph (if (list? id-or-ids) id-or-ids (list id-or-ids)) marks)
           port))
