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
  #:use-module (srfi srfi-11)
  #:use-module (model-provenance annotations)
  #:use-module (model-provenance catalog)
  #:use-module (model-provenance graph)
  #:use-module (model-provenance evaluate)
  #:use-module (model-provenance decide)
  #:use-module (model-provenance lint)
  #:use-module (model-provenance interchange)
  #:use-module (model-provenance inspect)
  #:export (current-provenance-graph
            current-policy
            current-hardware
            current-package-resolver
            use-provenance-graph!
            use-catalog!
            resolve-name
            use-policy!
            use-declarations!
            find-policy
            find-hardware-profile
            show-lineage
            show-descendants
            show-why
            show-policy))

;; What the meta-commands work on.  Scripts may parameterize them.
(define current-provenance-graph (make-parameter #f))
;; A procedure from a package name (or NAME@VERSION) to the ids of the
;; weights it ships, or #f: set by use-catalog!.
(define current-package-resolver (make-parameter #f))
(define current-policy (make-parameter #f))
(define current-hardware (make-parameter #f))
;; Policies and hardware profiles beyond the built-in ones: from files
;; loaded with use-declarations!, or records given to use-policy!.
(define defined-policies (make-parameter '()))
(define defined-hardware-profiles (make-parameter '()))

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
  (current-provenance-graph graph)
  (if #f #f))

(define* (use-catalog! #:key (views '()) (declarations '()))
  "Make the catalog's graph the one the meta-commands inspect, and its Guix
packages names they accept (their shipped weights are meant).  VIEWS and
DECLARATIONS, as from a file the command reads with -L, are added."
  (let*-values (((catalog-views catalog-declarations) (load-catalog))
                ((views) (append views catalog-views))
                ((context) (make-lint-context #:catalog (append catalog-declarations declarations)
                                              #:other-annotations
                                              (lambda ()
                                                (filter-map (lambda (view)
                                                              (and (package-view-annotation view)
                                                                   (cons (package-view-name view)
                                                                         (package-view-annotation view))))
                                                            views)))))
    (current-provenance-graph (lint-context-catalog-graph context))
    (current-package-resolver
     (lambda (name)
       (match (find (lambda (view)
                      (or (string=? name (package-view-name view))
                          (string=? name (package-view-full-name view))))
                    views)
         (#f #f)
         (view (map shipped-weights-id (package-shipped-weights context view))))))
    (let-values (((artifacts steps) (provenance-graph-counts (current-provenance-graph))))
      (format #t "the catalog: ~a artifacts, ~a steps, ~a Guix packages~%"
              artifacts steps (length views)))))

(define (resolve-name who name)
  "Return the ids NAME stands for: an artifact or step of the current
graph, else the weights a package of the catalog ships."
  (let ((graph (the-graph who)))
    (cond ((graph-node graph name) (list name))
          ((and=> (current-package-resolver) (lambda (resolve) (resolve name)))
           => (lambda (ids)
                (if (null? ids)
                    (fail who (format #f "package '~a' ships no weights the catalog knows of" name))
                    ids)))
          (else (fail who (format #f "no artifact or package named '~a'~a" name
                                  (if (current-package-resolver) ""
                                      "; ,catalog loads the catalog")))))))

(define (name->string name) (if (symbol? name) (symbol->string name) name))

(define (find-policy name)
  "Return the policy called NAME (a string or symbol): a built-in one, or
one defined by a file loaded with use-declarations! or given to
use-policy!; #f if none."
  (let ((name (name->string name)))
    (or (lookup-policy name)
        (find (lambda (p) (string=? (policy-name p) name)) (defined-policies)))))

(define (find-hardware-profile name)
  "Return the hardware profile called NAME (a string or symbol), built-in
or defined; #f if none."
  (let ((name (name->string name)))
    (or (lookup-hardware-profile name)
        (find (lambda (h) (string=? (hardware-profile-name h) name)) (defined-hardware-profiles)))))

(define (define-policy! policy)
  (unless (find-policy (policy-name policy))
    (defined-policies (append (defined-policies) (list policy)))))

(define (define-hardware-profile! profile)
  (unless (find-hardware-profile (hardware-profile-name profile))
    (defined-hardware-profiles (append (defined-hardware-profiles) (list profile)))))

(define (policy-names) (map policy-name (append (builtin-policies) (defined-policies))))
(define (hardware-names)
  (map hardware-profile-name (append (builtin-hardware-profiles) (defined-hardware-profiles))))

(define* (use-policy! policy #:optional hardware)
  "Make POLICY (a policy, or the name of a built-in or defined one), and
HARDWARE (likewise a hardware profile or a name) if given, the ones ,why
and ,lineage judge by; return the policy."
  (define (refuse-shadowing found record what)
    (when (and found (not (eq? found record)))
      (fail 'use-policy! (format #f "a ~a named '~a' is already known; give yours another name"
                                 what (if (policy? record) (policy-name record)
                                          (hardware-profile-name record))))))
  (when (policy? policy) (refuse-shadowing (find-policy (policy-name policy)) policy "policy"))
  (when (hardware-profile? hardware)
    (refuse-shadowing (find-hardware-profile (hardware-profile-name hardware)) hardware
                      "hardware profile"))
  (let ((policy (cond ((policy? policy) (define-policy! policy) policy)
                      ((find-policy policy))
                      (else (fail 'use-policy! (format #f "no policy named '~a'; known ones:" policy)
                                  (policy-names))))))
    (current-policy policy)
    (when hardware
      (current-hardware
       (cond ((hardware-profile? hardware) (define-hardware-profile! hardware) hardware)
             ((find-hardware-profile hardware))
             (else (fail 'use-policy! (format #f "no hardware profile named '~a'; known ones:" hardware)
                         (hardware-names))))))
    policy))

(define (use-declarations! file)
  "Read FILE as the command's -L does: its policies and hardware profiles
become known by name to ,policy and ,why; its provenance declarations and
package views join the catalog's, whose graph becomes the one inspected."
  (let*-values (((views declarations) (load-declarations file))
                ((records) (filter provenance? declarations))
                ((policies) (filter policy? declarations))
                ((profiles) (filter hardware-profile? declarations)))
    (when (and (null? views) (null? declarations))
      (fail 'use-declarations! (format #f "~a declares no package view, provenance, policy or hardware profile" file)))
    ;; As the command's -L does: a built-in name would be shadowed silently.
    (for-each (lambda (p)
                (when (lookup-policy (policy-name p))
                  (fail 'use-declarations!
                        (format #f "~a: policy '~a' is built in; give yours another name" file (policy-name p)))))
              policies)
    (for-each (lambda (h)
                (when (lookup-hardware-profile (hardware-profile-name h))
                  (fail 'use-declarations!
                        (format #f "~a: hardware profile '~a' is built in; give yours another name"
                                file (hardware-profile-name h)))))
              profiles)
    (for-each define-policy! policies)
    (for-each define-hardware-profile! profiles)
    (unless (and (null? views) (null? records))
      (use-catalog! #:views views #:declarations records))
    (format #t "~a: ~a polic~:@p, ~a hardware profile~:p, ~a declaration~:p, ~a package~:p~%"
            file (length policies) (length profiles) (length records) (length views))))

(define (the-policy) (or (current-policy) (default-policy)))
(define (the-hardware) (or (current-hardware) (default-hardware-profile)))

(define (the-graph who)
  (or (current-provenance-graph)
      (fail who "no provenance graph: ,catalog loads the catalog, or call (use-provenance-graph! GRAPH)")))

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
    (unless (null? (defined-policies))
      (format port "defined policies: ~{~a~^, ~}~%" (map policy-name (defined-policies))))
    (format port "built-in hardware: ~{~a~^, ~}~%"
            (map hardware-profile-name (builtin-hardware-profiles)))
    (unless (null? (defined-hardware-profiles))
      (format port "defined hardware: ~{~a~^, ~}~%"
              (map hardware-profile-name (defined-hardware-profiles))))))

(define (->id argument)
  ;; Meta-command expressions arrive as syntax objects, datums as data.
  (let ((datum (if (syntax? argument) (syntax->datum argument) argument)))
    (if (symbol? datum) (symbol->string datum) datum)))

(define (report-errors thunk)
  ;; One readable line for any error of a meta-command, not a dump.
  (guard (e ((exception-with-message? e)
             (format #t "error: ~a~{ ~a~}~%" (exception-message e)
                     (if (exception-with-irritants? e)
                         (map (lambda (i) (if (list? i) (string-join (map ->string i) ", ") (->string i)))
                              (exception-irritants e))
                         '())))
            (#t (format #t "error: ~a~%" e)))
    (thunk)
    (if #f #f)))

(define (->string value) (if (string? value) value (format #f "~a" value)))

(define (usage text)
  (format #t "usage: ,~a~%" text))

(define-meta-command ((catalog model-provenance) repl)
  "catalog
Load the catalog: its graph, and its Guix packages by name."
  (report-errors use-catalog!))

(define-meta-command ((load-declarations model-provenance) repl . arguments)
  "load-declarations FILE
Read FILE as the command's -L does: its policies and hardware profiles,
its provenance declarations and package views."
  (match arguments
    ((file) (report-errors (lambda () (use-declarations! (->id file)))))
    (_ (usage "load-declarations FILE"))))

(define-meta-command ((import model-provenance) repl . arguments)
  "import FORMAT FILE [MODEL-ID]
Show the annotation a document of another format (spdx3, cyclonedx,
model-card, hub, prov) amounts to, and what it holds that the graph
cannot."
  (define (import kind file model-id)
    (report-errors
     (lambda ()
       (let-values (((record dropped) (read-document (string->symbol kind) file
                                                     #:model-id model-id)))
         (for-each (match-lambda ((where . what) (format #t ";; dropped: ~a: ~a~%" where what)))
                   dropped)
         (write-annotation (provenance->annotation record))))))
  (match arguments
    ((kind file) (import (->id kind) (->id file) #f))
    ((kind file model-id) (import (->id kind) (->id file) (->id model-id)))
    (_ (usage "import FORMAT FILE [MODEL-ID]"))))

(define-meta-command ((inspect model-provenance) repl . arguments)
  "inspect FILE...
Look inside weights files (or directories of them) without running
anything: format, sha256, lineage they state, code they would run."
  (match arguments
    (() (usage "inspect FILE..."))
    (files
     (report-errors
      (lambda ()
        (for-each (lambda (i)
                    (when (or (inspection-known-format? i) (null? (cdr files)))
                      (print-inspection i)))
                  (inspect-files (map ->id files))))))))

(define-meta-command ((lineage model-provenance) repl . arguments)
  "lineage NAME
Show the ancestors of NAME (an artifact, step or package) as a tree."
  (match arguments
    ((name) (report-errors
             (lambda () (for-each show-lineage (resolve-name 'lineage (->id name))))))
    (_ (usage "lineage NAME"))))

(define-meta-command ((descendants model-provenance) repl . arguments)
  "descendants NAME
Show what derives from NAME as a tree."
  (match arguments
    ((name) (report-errors
             (lambda () (for-each show-descendants (resolve-name 'descendants (->id name))))))
    (_ (usage "descendants NAME"))))

(define-meta-command ((why model-provenance) repl . arguments)
  "why NAME [POLICY]
Explain the verdict on NAME under POLICY (default: the current policy)."
  (define (why name policy)
    (report-errors
     (lambda ()
       (let ((policy (or (find-policy policy)
                         (fail 'why (format #f "no policy named '~a'; known ones:" policy)
                               (policy-names)))))
         (for-each (lambda (id) (show-why id #:policy policy))
                   (resolve-name 'why name))))))
  (match arguments
    ((name) (why (->id name) (policy-name (the-policy))))
    ((name policy) (why (->id name) (->id policy)))
    (_ (usage "why NAME [POLICY]"))))

(define-meta-command ((policy model-provenance) repl . arguments)
  "policy [NAME [HARDWARE]]
Show the current policy and hardware, or set them by name."
  (report-errors
   (lambda ()
     (match arguments
       (() (show-policy))
       ((name) (use-policy! (->id name)) (show-policy))
       ((name hardware) (use-policy! (->id name) (->id hardware)) (show-policy))
       (_ (usage "policy [NAME [HARDWARE]]"))))))
