;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; Lineage pictures as a packager reads them: what each node is, whether
;;; a policy lets a user have it, the cheapest way to re-make the weights,
;;; and the verdict on each weights file, in Graphviz DOT or SVG.

(define-module (model-provenance picture)
  #:use-module (ice-9 format)
  #:use-module (ice-9 match)
  #:use-module (ice-9 popen)
  #:use-module (ice-9 textual-ports)
  #:use-module (srfi srfi-1)
  #:use-module (srfi srfi-11)
  #:use-module (srfi srfi-26)
  #:use-module (model-provenance graph)
  #:use-module (model-provenance evaluate)
  #:export (artifact-status
            lineage->picture
            dot->svg))

;;; Statuses.

(define (criterion-for policy kind)
  (case kind
    ((software) (policy-software-licenses policy))
    ((dataset) (policy-data-licenses policy))
    ((weights) (policy-weights-licenses policy))
    (else (policy-document-licenses policy))))

(define (license-status policy kind license)
  ;; FREE, NON-FREE or UNKNOWN, and why; the policy's own judgement of
  ;; particular ids and of NONE comes first, as in the evaluator.
  (define (member-ci text list) (member text list string-ci=?))
  (cond ((not license) (values 'unknown "license not recorded"))
        ((member-ci license (policy-free-licenses policy)) (values 'free "free by the policy"))
        ((member-ci license (policy-non-free-licenses policy)) (values 'non-free "non-free by the policy"))
        ((string=? license "NONE")
         (values (policy-unstated-licenses policy) "published with no licence stated"))
        (else (license-judgement license (criterion-for policy kind)))))

(define (artifact-status policy artifact)
  "Return the status of ARTIFACT under POLICY as a packager reads it:
free, non-free, unknown (its licence), or unavailable (it cannot be had),
and a short reason."
  (if (eq? 'unavailable (artifact-availability artifact))
      (values 'unavailable "not available")
      (license-status policy (artifact-kind artifact) (artifact-license artifact))))

;;; Drawing.

;; Shapes tell kinds apart; fill colours and border styles tell statuses
;; apart, so a picture printed in grey still says which is which.
(define (kind-shape kind)
  (case kind
    ((weights) "box3d")
    ((dataset) "cylinder")
    ((software) "component")
    ((document) "note")
    (else "box")))

(define %status-styles
  ;; STATUS → (FILL BORDER-COLOUR STYLE)
  '((free "#d9f0d3" "#1b7837" "filled")
    (non-free "#f4a582" "#b2182b" "filled,bold")
    (unknown "#fee391" "#8c6d31" "filled,dashed")
    (unavailable "#d9d9d9" "#525252" "filled,dotted")))

(define %plan-colour "#2166ac")
(define %blocker-colour "#b2182b")

(define (wrapped text width)
  ;; TEXT with newlines between words so that lines stay near WIDTH.
  (let loop ((words (string-split text #\space)) (line "") (lines '()))
    (match words
      (() (string-join (reverse (if (string-null? line) lines (cons line lines))) "\n"))
      ((word . rest)
       (cond ((string-null? line) (loop rest word lines))
             ((> (+ (string-length line) 1 (string-length word)) width)
              (loop rest word (cons line lines)))
             (else (loop rest (string-append line " " word) lines)))))))

(define (role-label role)
  (string-map (lambda (c) (if (char=? c #\-) #\space c)) (symbol->string role)))

(define (format-flops flops)
  (format #f "~,1e FLOP" flops))

(define (compute-text compute)
  (let ((flops (compute-flops compute))
        (hours (compute-hours compute)))
    (cond (flops (format-flops flops))
          (hours (format #f "~a on ~a" (format-duration hours)
                         (or (compute-hardware-profile compute) "unrecorded hardware")))
          (else "compute unknown"))))

(define (verdict-text verdict policy)
  (let ((hours (and (every planned-step-hours (verdict-plan verdict))
                    (verdict-hours verdict))))
    (string-append
     "verdict: " (symbol->string (verdict-kind verdict))
     (if (and hours (not (memq (verdict-kind verdict) '(blocked opaque))))
         (string-append ", " (format-duration hours))
         "")
     (if (eq? 'none (policy-classification policy))
         ""
         (string-append "\n" (verdict-classification verdict))))))

(define* (lineage->picture graph ids #:key (policy (default-policy))
                           (hardware (default-hardware-profile))
                           (port (current-output-port)))
  "Write to PORT, in Graphviz DOT, the lineage of IDS (artifact or step ids
of GRAPH) drawn as one graph: node shapes by kind, fill and border by
status under POLICY, the cheapest plan to re-make each weights file on
HARDWARE in bold blue, roles on edges, compute and wall-clock on steps,
the verdict on every weights file, and a legend."
  (define evaluator (make-evaluator graph #:policy policy #:hardware hardware))
  (define lineage                       ;every id of the lineages, targets first
    (let ((seen (make-hash-table)))
      (filter (lambda (id) (and (not (hash-ref seen id)) (hash-set! seen id #t)))
              (append ids
                      (append-map (lambda (id) (map lineage-entry-id (ancestors graph id)))
                                  ids)))))
  ;; Documents describing what is drawn (model and data cards, papers):
  ;; not derivations, but what the Model Openness Framework weighs.
  (define described                     ;(DOCUMENT . ID) pairs
    (append-map (lambda (id)
                  (match (graph-node graph id)
                    ((? artifact?) (map (cut cons <> id) (documents-of graph id)))
                    (_ '())))
                lineage))
  (define nodes
    (append lineage
            (delete-duplicates (remove (cut member <> lineage) (map car described)))))
  (define names (make-hash-table))      ;id → DOT node name: ids are data
  (for-each (lambda (id index) (hash-set! names id (format #f "n~a" index)))
            nodes (iota (length nodes)))
  (define (name id) (hash-ref names id))
  (define verdicts
    (filter-map (lambda (id)
                  (match (graph-node graph id)
                    ((? artifact? a) (and (eq? 'weights (artifact-kind a))
                                          (cons id (evaluate evaluator id))))
                    (_ #f)))
                nodes))
  ;; The cheapest plans of the targets, and of everything between, drawn
  ;; in one colour: each step's wall-clock comes from the plan it is in.
  (define step-hours (make-hash-table))
  (define on-plan (make-hash-table))
  (for-each (match-lambda
              ((id . v)
               (for-each (lambda (s)
                           (hash-set! step-hours (planned-step-id s) s)
                           (when (member id ids) (hash-set! on-plan (planned-step-id s) #t)))
                         (verdict-plan v))
               (when (member id ids)
                 (for-each (cut hash-set! on-plan <> #t) (verdict-obtained v)))))
            verdicts)
  ;; What blocks or would decide the verdicts drawn for: id → lines.
  (define obstacles (make-hash-table))
  (for-each (match-lambda
              ((id . v)
               (when (member id ids)
                 (for-each (lambda (b)
                             (hash-set! obstacles (blocker-id b)
                                        (lset-adjoin equal? (hash-ref obstacles (blocker-id b) '())
                                                     (string-append "blocking: " (blocker-reason b)))))
                           (verdict-blockers v))
                 (unless (eq? 'blocked (verdict-kind v))
                   (for-each (lambda (m)
                               (hash-set! obstacles (missing-fact-id m)
                                          (lset-adjoin equal? (hash-ref obstacles (missing-fact-id m) '())
                                                       (string-append "would decide: "
                                                                      (missing-fact-reason m)))))
                             (verdict-missing v))))))
            verdicts)
  (define (obstacle-lines id)
    (map (cut wrapped <> 48) (reverse (hash-ref obstacles id '()))))
  (define (blocking? id)
    (any (cut string-prefix? "blocking" <>) (hash-ref obstacles id '())))
  (define (artifact-node a)
    (let-values (((status reason) (artifact-status policy a)))
      (match (assq status %status-styles)
        ((_ fill border style)
         (let* ((id (artifact-id a))
                (verdict (assoc-ref verdicts id))
                (label (string-join
                        (filter
                         identity
                         (list id
                               (string-append (match (artifact-document-kind a)
                                                ((or #f 'other) (symbol->string (artifact-kind a)))
                                                (kind (format #f "document (~a)" kind)))
                                              (if (string-null? (artifact-name a)) ""
                                                  (string-append ": " (artifact-name a))))
                               (match (artifact-license a)
                                 (#f "license not recorded")
                                 (license (string-append "license: " license
                                                         " (" (symbol->string status) ")")))
                               (and (eq? status 'unavailable) (format #f "availability: ~a"
                                                                      (artifact-availability a)))
                               (and verdict (verdict-text verdict policy))))
                        "\n"))
                (label (string-join (cons label (obstacle-lines id)) "\n"))
                (planned? (hash-ref on-plan id)))
           (format #f "  ~a [shape=~a, style=~s, fillcolor=~s, color=~s, penwidth=~a~a, label=~a, tooltip=~a];~%"
                   (name id) (kind-shape (artifact-kind a)) style fill
                   (cond ((blocking? id) %blocker-colour) (planned? %plan-colour) (else border))
                   (if (or planned? (blocking? id)) 2.5 1)
                   (if (member id ids) ", peripheries=2" "")
                   (dot-string label) (dot-string reason)))))))
  (define (step-node s)
    (let* ((id (step-id s))
           (planned (hash-ref step-hours id))
           (planned? (hash-ref on-plan id))
           (wall-clock (cond ((not planned) #f)
                             ((planned-step-hours planned)
                              => (lambda (hours)
                                   (format #f "~a on ~a~a" (format-duration hours)
                                           (hardware-profile-name hardware)
                                           (match (planned-step-backend planned)
                                             (#f "") (backend (format #f " (~a)" backend))))))
                             (else (format #f "wall-clock unknown on ~a"
                                           (hardware-profile-name hardware))))))
      (format #f "  ~a [shape=box, style=~s, fillcolor=\"#f0f0f0\", color=~s, penwidth=~a, label=~a];~%"
              (name id) (if planned? "rounded,filled,bold" "rounded,filled")
              (cond ((blocking? id) %blocker-colour) (planned? %plan-colour) (else "#404040"))
              (if (or planned? (blocking? id)) 2.5 1)
              (dot-string (string-join (append
                                        (filter identity
                                                (list id (string-append "step: " (symbol->string (step-kind s)))
                                                      (compute-text (step-compute s))
                                                      wall-clock))
                                        (obstacle-lines id))
                                       "\n")))))
  (define (edges s)
    ;; Inputs into the step, labelled with their roles; the step into its
    ;; outputs.  Only edges between drawn nodes.
    (let ((planned? (hash-ref on-plan (step-id s))))
      (string-append
       (string-concatenate
        (filter-map (match-lambda
                      ((input . role)
                       (and (name input)
                            (format #f "  ~a -> ~a [label=~a~a];~%" (name input) (name (step-id s))
                                    (dot-string (role-label role))
                                    (if (and planned? (hash-ref on-plan input))
                                        (format #f ", color=~s, penwidth=2.5" %plan-colour)
                                        "")))))
                    (step-inputs s)))
       (string-concatenate
        (filter-map (lambda (output)
                      (and (name output)
                           (format #f "  ~a -> ~a~a;~%" (name (step-id s)) (name output)
                                   (if planned? (format #f " [color=~s, penwidth=2.5]" %plan-colour)
                                       ""))))
                    (step-outputs s))))))
  (define legend
    (string-append
     "  subgraph cluster_legend {\n    label=\"Legend\"; fontname=\"sans\"; style=rounded; color=\"#808080\";\n"
     (string-concatenate
      (map (match-lambda
             ((kind text)
              (format #f "    legend_~a [shape=~a, style=filled, fillcolor=white, label=~s];~%"
                      kind (kind-shape kind) text)))
           '((weights "weights") (dataset "data set") (software "software")
             (document "document"))))
     "    legend_step [shape=box, style=\"rounded,filled\", fillcolor=\"#f0f0f0\", label=\"step\"];\n"
     "    legend_described [shape=plaintext, label=\"document ··· what it describes\"];\n"
     (string-concatenate
      (map (match-lambda
             ((status fill border style)
              (format #f "    legend_~a [shape=box, style=~s, fillcolor=~s, color=~s, label=~s];~%"
                      (string-map (lambda (c) (if (char=? c #\-) #\_ c)) (symbol->string status))
                      style fill border
                      (case status
                        ((free) "free under the policy")
                        ((non-free) "non-free (bold border)")
                        ((unknown) "license unknown (dashed)")
                        ((unavailable) "unavailable (dotted)")))))
           %status-styles))
     (format #f "    legend_plan [shape=box, style=\"rounded,bold\", color=~s, penwidth=2.5, label=\"cheapest plan to re-make\"];~%"
             %plan-colour)
     (format #f "    legend_blocking [shape=box, style=bold, color=~s, penwidth=2.5, label=\"blocks the plan (red border)\"];~%"
             %blocker-colour)
     "    legend_target [shape=box, peripheries=2, label=\"drawn for (double border)\"];\n"
     ;; Invisible edges stack the legend's entries in a column.
     "    legend_weights -> legend_dataset -> legend_software -> legend_document -> legend_step -> legend_described [style=invis];\n"
     "    legend_free -> legend_non_free -> legend_unknown -> legend_unavailable -> legend_plan -> legend_blocking -> legend_target [style=invis];\n"
     "  }\n"))
  (define text
    (call-with-output-string
      (lambda (out)
        (format out "digraph lineage {~%  rankdir=LR;~%  labelloc=t;~%  fontname=\"sans\";~%")
        (format out "  label=~a;~%"
                (dot-string (format #f "Lineage of ~a under ~a on ~a"
                                    (string-join ids ", ") (policy-name policy)
                                    (hardware-profile-name hardware))))
        (format out "  node [fontname=\"sans\", fontsize=10];~%  edge [fontname=\"sans\", fontsize=9];~%")
        (for-each (lambda (id)
                    (match (graph-node graph id)
                      ((? artifact? a) (display (artifact-node a) out))
                      ((? step? s) (display (step-node s) out))))
                  nodes)
        (for-each (lambda (id)
                    (match (graph-node graph id)
                      ((? step? s) (display (edges s) out))
                      (_ #t)))
                  nodes)
        (for-each (match-lambda
                    ((document . id)
                     (format out "  ~a -> ~a [style=dotted, arrowhead=none, label=\"describes\"];~%"
                             (name document) (name id))))
                  described)
        (display legend out)
        (format out "}~%"))))
  (display text port))

(define (dot->svg dot)
  "Draw the DOT text with Graphviz's dot program; return the SVG text, or
#f when dot is missing or fails."
  (let* ((out (mkstemp! (string-copy "/tmp/model-provenance-XXXXXX")))
         (file (port-filename out)))
    (display dot out)
    (close-port out)
    (let ((svg (catch 'system-error
                 (lambda ()
                   (let* ((pipe (open-pipe* OPEN_READ "dot" "-Tsvg" file))
                          (svg (get-string-all pipe))
                          (status (close-pipe pipe)))
                     (and (eqv? 0 (status:exit-val status)) (not (string-null? svg)) svg)))
                 (const #f))))
      (delete-file file)
      svg)))
