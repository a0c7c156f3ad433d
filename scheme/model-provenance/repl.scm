;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; Inspecting lineages at the REPL: the model-provenance meta-commands
;;; (,help model-provenance) and the procedures behind them.

(define-module (model-provenance repl)
  #:use-module (ice-9 exceptions)
  #:use-module (ice-9 format)
  #:use-module (ice-9 match)
  #:use-module (srfi srfi-1)
  #:use-module (system repl command)
  #:use-module ((system syntax) #:select (syntax?))
  #:use-module (model-provenance graph)
  #:use-module (model-provenance evaluate)
  #:use-module (model-provenance decide)
  #:export (current-provenance-graph
            current-policy
            current-hardware
            use-provenance-graph!
            use-policy!
            show-lineage
            show-descendants
            show-why
            show-policy))

;; What the meta-commands work on.  Scripts may parameterize them.
(define current-provenance-graph (make-parameter #f))
(define current-policy (make-parameter #f))
(define current-hardware (make-parameter #f))

(define (fail who message . irritants)
  (raise-exception
   (make-exception (make-error) (make-exception-with-origin who)
                   (make-exception-with-message message)
                   (make-exception-with-irritants irritants))))

(define (use-provenance-graph! graph)
  "Make GRAPH the graph the model-provenance meta-commands inspect."
  (unless (provenance-graph? graph)
    (scm-error 'wrong-type-arg 'use-provenance-graph! "expected a provenance graph: ~s"
               (list graph) (list graph)))
  (current-provenance-graph graph))

(define* (use-policy! name #:optional hardware)
  "Make the built-in policy NAME, and the built-in hardware profile HARDWARE
if given, the ones ,why and ,lineage judge by."
  (let ((policy (or (lookup-policy name)
                    (fail 'use-policy! "no such policy; the built-in ones are listed" name
                          (map policy-name (builtin-policies))))))
    (current-policy policy)
    (when hardware
      (current-hardware (or (lookup-hardware-profile hardware)
                            (fail 'use-policy! "no such hardware profile; the built-in ones are listed"
                                  hardware (map hardware-profile-name (builtin-hardware-profiles))))))
    policy))

(define (the-policy) (or (current-policy) (default-policy)))
(define (the-hardware) (or (current-hardware) (default-hardware-profile)))

(define (the-graph who)
  (or (current-provenance-graph)
      (fail who "no provenance graph; call (use-provenance-graph! GRAPH) first")))

;; Verdict kinds of every weights artifact, as a hash table from ids.
(define (verdict-marks graph)
  (let ((table (make-hash-table)))
    (for-each (lambda (entry)
                (hash-set! table (verdict-summary-entry-id entry)
                           (verdict-summary-entry-kind entry)))
              (evaluate-all (make-evaluator graph #:policy (the-policy)
                                            #:hardware (the-hardware))))
    table))

(define (describe-node graph id marks)
  (match (graph-node graph id)
    ((? step? s) (format #f "~a  [step: ~a]" id (step-kind s)))
    ((? artifact? a)
     (let ((mark (hash-ref marks id)))
       (format #f "~a  (~a, license ~a)~@[  => ~a~]" id (artifact-kind a)
               (or (artifact-license a) "unknown") mark)))))

;; Prints a tree rooted at START whose children come from CHILDREN (an
;; alist from ids to ids), each node once: a repeated node says so.
;; Iterative, since lineages can be deep.
(define (print-tree start children describe port)
  (let loop ((stack (list (cons start 0)))
             (seen '()))
    (match stack
      (() *unspecified*)
      (((id . depth) . rest)
       (let ((indent (make-string (* 2 depth) #\space)))
         (if (member id seen)
             (begin
               (format port "~a~a  (see above)~%" indent id)
               (loop rest seen))
             (let ((kids (or (assoc-ref children id) '())))
               (format port "~a~a~%" indent (describe id))
               (loop (append (map (lambda (kid) (cons kid (+ depth 1))) kids) rest)
                     (cons id seen)))))))))

(define (children-from entries)
  ;; Each entry lists the nodes it is one derivation from (nearer the
  ;; start); invert that into the tree's children.
  (fold (lambda (entry table)
          (fold (lambda (nearer table)
                  (let ((kids (or (assoc-ref table nearer) '())))
                    (assoc-set! table nearer (append kids (list (lineage-entry-id entry))))))
                table
                (lineage-entry-nearer entry)))
        '()
        entries))

(define* (show-lineage id #:key (graph (the-graph 'show-lineage))
                       (port (current-output-port)) max-depth)
  "Print the ancestors of ID as an indented tree with kinds, licenses and
the verdicts of weights under the current policy."
  (let ((marks (verdict-marks graph)))
    (print-tree id (children-from (ancestors graph id #:max-depth max-depth))
                (lambda (node) (describe-node graph node marks)) port)))

(define* (show-descendants id #:key (graph (the-graph 'show-descendants))
                           (port (current-output-port)) max-depth)
  "Print what derives from ID as an indented tree."
  (let ((marks (verdict-marks graph)))
    (print-tree id (children-from (descendants graph id #:max-depth max-depth))
                (lambda (node) (describe-node graph node marks)) port)))

(define* (show-why id #:key (graph (the-graph 'show-why)) (policy (the-policy))
                   (hardware (the-hardware)) (port (current-output-port)))
  "Print the verdict on ID under POLICY on HARDWARE, with its plan or what
blocks it, and what would decide it when undetermined; return the verdict."
  (let ((verdict (evaluate (make-evaluator graph #:policy policy #:hardware hardware) id)))
    (format port "~a~%" (verdict-summary verdict))
    (for-each (lambda (line) (format port "  ~a~%" line)) (verdict-explanation verdict))
    (match (deciding-facts graph id #:policy policy #:hardware hardware)
      (() #t)
      (facts
       (format port "  what would decide it:~%")
       (for-each (lambda (fact)
                   (for-each (lambda (line) (format port "    ~a~%" line))
                             (deciding-fact->lines fact)))
                 facts)))
    verdict))

(define* (show-policy #:key (port (current-output-port)))
  "Print the current policy and hardware, and the built-in alternatives."
  (let ((policy (the-policy)) (hardware (the-hardware)))
    (format port "policy: ~a~%  ~a~%" (policy-name policy) (policy-description policy))
    (format port "budget: ~a~%"
            (if (policy-budget-hours policy) (format-duration (policy-budget-hours policy)) "none"))
    (format port "hardware: ~a~%  ~a~%" (hardware-profile-name hardware)
            (hardware-profile-description hardware))
    (format port "built-in policies: ~{~a~^, ~}~%" (map policy-name (builtin-policies)))
    (format port "built-in hardware: ~{~a~^, ~}~%"
            (map hardware-profile-name (builtin-hardware-profiles)))))

(define (->id argument)
  ;; Meta-command expressions arrive as syntax objects, datums as data.
  (let ((datum (if (syntax? argument) (syntax->datum argument) argument)))
    (if (symbol? datum) (symbol->string datum) datum)))

(define-meta-command ((lineage model-provenance) repl (name))
  "lineage NAME
Show the ancestors of NAME as a tree, with licenses and verdicts."
  (show-lineage (->id name)))

(define-meta-command ((descendants model-provenance) repl (name))
  "descendants NAME
Show what derives from NAME as a tree."
  (show-descendants (->id name)))

(define-meta-command ((why model-provenance) repl (name) . policy)
  "why NAME [POLICY]
Explain the verdict on NAME under POLICY (default: the current policy)."
  (show-why (->id name)
            #:policy (match policy
                       (() (the-policy))
                       ((name) (or (lookup-policy (->id name))
                                   (fail 'why "no such policy" name))))))

(define-meta-command ((policy model-provenance) repl . arguments)
  "policy [NAME [HARDWARE]]
Show the current policy and hardware, or set them by name."
  (match arguments
    (() (show-policy))
    ((name) (use-policy! (->id name)) (show-policy))
    ((name hardware) (use-policy! (->id name) (->id hardware)) (show-policy))))
