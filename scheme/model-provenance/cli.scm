;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The subcommands shared by the standalone `model-provenance' command and
;;; `guix model-provenance': lint, show, why, graph and report.  Where
;;; packages come from is the caller's business (files, or Guix): it hands
;;; over a package set.

(define-module (model-provenance cli)
  #:use-module (ice-9 exceptions)
  #:use-module (ice-9 format)
  #:use-module (ice-9 ftw)
  #:use-module (ice-9 match)
  #:use-module (srfi srfi-1)
  #:use-module (srfi srfi-11)
  #:use-module (srfi srfi-26)
  #:use-module (srfi srfi-37)
  #:use-module (srfi srfi-9)
  #:use-module (model-provenance annotations)
  #:use-module (model-provenance catalog)
  #:use-module (model-provenance config)
  #:use-module (model-provenance decide)
  #:use-module (model-provenance evaluate)
  #:use-module (model-provenance graph)
  #:use-module (model-provenance json)
  #:use-module (model-provenance lint)
  #:use-module (model-provenance picture)
  #:use-module (model-provenance repl)
  #:use-module (model-provenance scan)
  #:re-export (load-declarations)
  #:export (run-model-provenance
            package-set
            usage-error?
            usage-error
            standalone-main))

;;; Errors: a usage or input error exits with status 2.

(define-exception-type &usage-error &error make-usage-error usage-error?)

(define (usage-error message . arguments)
  "Raise a usage error, which the commands report and exit 2 for."
  (raise-exception (make-exception (make-usage-error)
                                   (make-exception-with-message (apply format #f message arguments)))))

;;; Where packages come from.

;; LOOKUP returns the view of the package a name (or NAME@VERSION) names,
;; or #f; EVERYTHING, a thunk, the views to check when none is named;
;; ANNOTATIONS, a thunk, the (NAME . ANNOTATION) pairs of annotated
;; packages, where annotations refer to each other; DECLARATIONS are
;; provenance records added to the catalog's.
(define-record-type <package-set>
  (package-set lookup everything annotations declarations)
  package-set?
  (lookup package-set-lookup)
  (everything package-set-everything)
  (annotations package-set-annotations)
  (declarations package-set-declarations))

(define (views-package-set views declarations)
  ;; A package set of views at hand: files given with -L, or the catalog's.
  (package-set (lambda (name)
                 (find (lambda (view)
                         (or (string=? name (package-view-name view))
                             (string=? name (package-view-full-name view))))
                       views))
               (lambda () views)
               (lambda ()
                 (filter-map (lambda (view)
                               (and (package-view-annotation view)
                                    (cons (package-view-name view)
                                          (package-view-annotation view))))
                             views))
               declarations))

;;; Options.

(define %options
  (list (option '(#\p "policy") #t #f
                (lambda (opt name arg result) (alist-cons 'policy arg result)))
        (option '("hardware") #t #f
                (lambda (opt name arg result) (alist-cons 'hardware arg result)))
        (option '(#\f "format") #t #f
                (lambda (opt name arg result)
                  (unless (member arg '("text" "json" "dot" "svg"))
                    (usage-error "--format: expected text, json, dot or svg, got '~a'" arg))
                  (alist-cons 'format (string->symbol arg) result)))
        (option '("no-catalog") #f #f
                (lambda (opt name arg result) (alist-cons 'no-catalog? #t result)))
        (option '("source") #t #f
                (lambda (opt name arg result) (alist-cons 'source arg result)))
        (option '(#\e "explain") #f #f
                (lambda (opt name arg result) (alist-cons 'explain? #t result)))
        (option '(#\h "help") #f #f
                (lambda (opt name arg result) (alist-cons 'help? #t result)))
        (option '(#\V "version") #f #f
                (lambda (opt name arg result) (alist-cons 'version? #t result)))))

(define (joined-long-options arguments options)
  ;; SRFI-37 takes only --NAME=VALUE: join --NAME VALUE, as GNU getopt
  ;; accepts it, for the long options that require a value.
  (define (takes-value? argument)
    (and (string-prefix? "--" argument) (not (string-index argument #\=))
         (any (lambda (option)
                (and (option-required-arg? option)
                     (member (substring argument 2) (filter string? (option-names option)))))
              options)))
  (let loop ((arguments arguments) (result '()))
    (match arguments
      (() (reverse result))
      (("--" . rest) (append (reverse result) arguments))
      (((? takes-value? option) value . rest)
       (loop rest (cons (string-append option "=" value) result)))
      ((argument . rest) (loop rest (cons argument result))))))

(define (parse-arguments arguments options)
  (let ((options (append options %options)))
    (catch 'misc-error
      (lambda ()
        (args-fold (joined-long-options arguments options) options
                   (lambda (opt name arg result)
                     (usage-error "unrecognized option '~a'"
                                  (if (char? name) (string #\- name) (string-append "--" name))))
                   (lambda (operand result) (alist-cons 'operand operand result))
                   '()))
      (lambda (key who message arguments . rest)
        ;; A missing value: "Missing required argument after `-L'".
        (usage-error "~a" (apply format #f message arguments))))))

(define (help program packages-from options-help)
  (format #t "Usage: ~a [OPTION]... COMMAND [ARGUMENT]...
Tell where the trained weights of packages come from, and whether users
could make such networks themselves with free software.

Commands:
  lint [PACKAGE]...    check PACKAGES (by default ~a) for weights
                       without provenance, unacceptable verdicts and
                       annotations that contradict the package
  show ID|PACKAGE      show the lineage of an artifact, or of the weights a
                       package ships, as a tree
  why ID|PACKAGE       explain the verdict on an artifact or shipped weights
  graph ID|PACKAGE     write the lineage in Graphviz DOT (dot -Tsvg draws it)
  report [PACKAGE]...  lint, then a table of every shipped weights file with
                       its verdict, plan and obstacles, then the verdicts of
                       every built-in policy side by side
  scan PATH...         list the trained weights inside unpacked sources:
                       model files, and large numeric arrays in C sources

An ID names an artifact of the catalog or of an annotation; any other
name is a package, whose shipped weights are meant.

Options:
~a  -p, --policy=NAME    judge under policy NAME (default guix-base-criterion):
                       ~{~a~^, ~}
      --hardware=NAME  on hardware NAME (default desktop-amd-gpu):
                       ~{~a~^, ~}
  -f, --format=FORMAT  write text (default) or json
      --no-catalog     start from no declarations instead of the catalog
                       (~a)
      --source=DIR     with lint of one package, also scan its unpacked
                       source DIR and compare with what is recorded
  -e, --explain        with lint and why, explain each verdict and what
                       would decide an undetermined one
  -h, --help           show this help and exit
  -V, --version        show the version and exit

Exit status: 0 when there is nothing to report, 1 when lint warns, 2 on a
usage or input error.
"
          program packages-from options-help
          (map policy-name (builtin-policies))
          (map hardware-profile-name (builtin-hardware-profiles))
          %model-provenance-catalog))

;;; Output.

(define (warning->json w)
  `((package . ,(package-view-name (warning-package w)))
    (version . ,(package-view-version (warning-package w)))
    (location . ,(format-location (or (warning-location w)
                                      (package-view-location (warning-package w)))))
    (checker . "model-provenance")
    (kind . ,(warning-kind w))
    (message . ,(warning-message w))
    (explanation . ,(list->vector (warning-explanation w)))))

(define (verdict->json v)
  `((target . ,(verdict-target v))
    (verdict . ,(verdict-kind v))
    (acceptable . ,(acceptable-verdict? v))
    (policy . ,(verdict-policy v))
    (hardware . ,(verdict-hardware v))
    (budget_hours . ,(or (verdict-budget-hours v) 'null))
    (hours . ,(verdict-hours v))
    (plan . ,(list->vector
              (map (lambda (s)
                     `((step . ,(planned-step-id s))
                       (backend . ,(or (planned-step-backend s) 'null))
                       (device . ,(planned-step-device s))
                       (hours . ,(or (planned-step-hours s) 'null))))
                   (verdict-plan v))))
    (obtained . ,(list->vector (verdict-obtained v)))
    (blockers . ,(list->vector
                  (map (lambda (b) `((id . ,(blocker-id b)) (kind . ,(blocker-kind b))
                                     (reason . ,(blocker-reason b))))
                       (verdict-blockers v))))
    (missing . ,(list->vector
                 (map (lambda (m) `((id . ,(missing-fact-id m)) (fact . ,(missing-fact-fact m))
                                    (reason . ,(missing-fact-reason m))))
                      (verdict-missing v))))
    (license_lineage . ,(list->vector (verdict-license-lineage v)))
    (classification . ,(verdict-classification v))
    (summary . ,(verdict-summary v))
    (explanation . ,(list->vector (verdict-explanation v)))))

(define (deciding-fact->json fact)
  `((id . ,(deciding-fact-id fact))
    (fact . ,(deciding-fact-fact fact))
    (reason . ,(deciding-fact-reason fact))
    (answers . ,(list->vector
                 (map (match-lambda
                        ((answer . verdict)
                         `((answer . ,answer) (verdict . ,(verdict-kind verdict)))))
                      (deciding-fact-answers fact))))
    (assumed . ,(list->vector
                 (map (match-lambda ((reason . answer) `((fact . ,reason) (answer . ,answer))))
                      (deciding-fact-assumed fact))))))

(define (entry->json e)
  `((id . ,(lineage-entry-id e)) (depth . ,(lineage-entry-depth e))
    (type . ,(lineage-entry-node-type e)) (kind . ,(lineage-entry-kind e))
    (license . ,(or (lineage-entry-license e) 'null))
    (feeds . ,(list->vector (lineage-entry-nearer e)))))


;;; Commands.

(define (lookup-named what lookup names name)
  (or (lookup name)
      (usage-error "no ~a named '~a'; known ones: ~{~a~^, ~}" what name names)))

(define (annotated-owner context packages id)
  ;; The view of the package whose annotation declares ID, or #f.
  (any (match-lambda
         ((name . annotation)
          (let ((view ((package-set-lookup packages) name)))
            (and view
                 (let ((record (package-annotation context view)))
                   (and record (assoc id (provenance-locations record)) view))))))
       ((package-set-annotations packages))))

;; What an operand of show, why or graph stands for: the view it is judged
;; in (#f for the catalog), and the weights ids.  An id of the catalog or
;; of an annotation is never looked up as a package.
(define (resolve-operand context packages name)
  (cond
   ((graph-node (lint-context-catalog-graph context) name) (values #f (list name)))
   ((annotated-owner context packages name) => (lambda (view) (values view (list name))))
   (((package-set-lookup packages) name)
    => (lambda (view)
         (unless (package-graph context view)
           (usage-error "the model-provenance annotation of package '~a' is invalid; see 'lint ~a'"
                        name name))
         (match (package-shipped-weights context view)
           (() (usage-error "package '~a' ships no weights that the catalog or its annotation knows of"
                            name))
           (shipped (values view (delete-duplicates (map shipped-weights-id shipped)))))))
   (else (usage-error "no artifact or package named '~a'" name))))

(define (graph-of context view)
  (if view (package-graph context view) (lint-context-catalog-graph context)))

(define (evaluator-of context view)
  (if view (package-evaluator context view) (make-evaluator (lint-context-catalog-graph context)
                                                            #:policy (lint-context-policy context)
                                                            #:hardware (lint-context-hardware context))))

(define (one-argument command operands)
  (match operands
    ((name) name)
    (_ (usage-error "~a takes exactly one artifact id or package name" command))))

(define (choose-packages packages names)
  ;; The packages NAMES names, or all of them when there are no names.
  (if (null? names)
      ((package-set-everything packages))
      (map (lambda (name)
             (or ((package-set-lookup packages) name)
                 (usage-error "no package named '~a'" name)))
           names)))

(define (scan-findings path)
  ;; What lint compares: weights outside test directories, and what could
  ;; not be scanned.
  (filter-map (lambda (f)
                (and (not (scan-finding-in-tests? f))
                     (not (eq? 'c-table (scan-finding-kind f)))
                     (list (scan-finding-path f) (scan-finding-kind f) (scan-finding-detail f))))
              (scan-source-tree path)))

(define (lint-command context views output-format explain? source)
  (when (and source (not (= 1 (length views))))
    (usage-error "--source scans the source of one package; name exactly one"))
  (let ((warnings (append (append-map (cut check-package context <>) views)
                          (if source
                              (source-warnings context (first views) (scan-findings source))
                              '()))))
    (if (eq? output-format 'json)
        (begin (write-json (list->vector (map warning->json warnings))) (newline))
        (for-each (lambda (w)
                    (display (warning->string w)) (newline)
                    (when explain?
                      (for-each (lambda (line) (format #t "  ~a~%" line)) (warning-explanation w))))
                  warnings))
    (if (null? warnings) 0 1)))

;; The first words of a classification, for a table: "MOF Class II",
;; "ToxicCandy", "not classified".
(define (short-classification text)
  (match (string-index text #\()
    (#f text)
    (at (string-trim-right (substring text 0 at)))))

(define (padded rows)
  ;; ROWS are lists of strings; every column but the last is padded.
  (let* ((columns (length (first rows)))
         (widths (map (lambda (i) (apply max (map (lambda (row) (string-length (list-ref row i))) rows)))
                      (iota columns))))
    (for-each (lambda (row)
                (format #t "~a~%"
                        (string-trim-right
                         (string-join (map (lambda (cell width last?)
                                             (if last? cell (string-pad-right cell width)))
                                           row widths
                                           (map (cut = <> (- columns 1)) (iota columns)))
                                      "  "))))
              rows)))

(define (plan-duration verdict)
  (cond ((memq (verdict-kind verdict) '(blocked opaque)) "-")
        ((any (lambda (s) (not (planned-step-hours s))) (verdict-plan verdict))
         (if (zero? (verdict-hours verdict))
             "unknown"
             (string-append ">= " (format-duration (verdict-hours verdict)))))
        (else (format-duration (verdict-hours verdict)))))

(define (obstacles verdict)
  (let ((reasons (append (map blocker-reason (verdict-blockers verdict))
                         (if (eq? (verdict-kind verdict) 'blocked)
                             '()
                             (map missing-fact-reason (verdict-missing verdict))))))
    (match reasons
      (() "")
      ((one) one)
      ((one . more) (format #f "~a (and ~a more)" one (length more))))))

(define (weights-label graph id)
  ;; The id, and the file name when the catalog records one.
  (match (graph-node graph id)
    ((? artifact? a)
     (if (string-null? (artifact-name a)) id (format #f "~a (~a)" id (artifact-name a))))
    (_ id)))

(define (report-command context views hardware output-format)
  (let* ((policy (lint-context-policy context))
         (catalog-graph (lint-context-catalog-graph context))
         (warnings (append-map (cut check-package context <>) views))
         ;; (VIEW ID GRAPH) for every weights file shipped (built or
         ;; installed) by a package whose declarations form a graph.
         (all-shipped (append-map (lambda (view)
                                    (let ((graph (package-graph context view)))
                                      (if graph
                                          (map (lambda (s) (list view s graph))
                                               (package-shipped-weights context view))
                                          '())))
                                  views))
         (shipped (filter-map (match-lambda
                                ((view s graph) (and (shipped-weights-installed? s)
                                                     (list view (shipped-weights-id s) graph))))
                              all-shipped))
         (not-built (filter-map (match-lambda
                                  ((view s graph) (and (not (shipped-weights-installed? s))
                                                       (list view s))))
                                all-shipped))
         (shipped-ids (map second shipped))
         (others (remove (lambda (id)
                           (or (member id shipped-ids)
                               (any (match-lambda ((view s) (string=? id (shipped-weights-id s))))
                                    not-built)))
                         (provenance-graph-ids catalog-graph 'weights)))
         (evaluators (make-hash-table))
         (evaluators-of (lambda (graph)
                          (or (hashq-ref evaluators graph)
                              (let ((all (map (lambda (p)
                                                (cons p (make-evaluator graph #:policy p
                                                                        #:hardware hardware)))
                                              (builtin-policies))))
                                (hashq-set! evaluators graph all)
                                all))))
         (verdict (lambda (graph id)
                    (evaluate (or (assoc-ref (evaluators-of graph) policy)
                                  (make-evaluator graph #:policy policy #:hardware hardware))
                              id)))
         (verdicts (map (match-lambda ((view id graph) (verdict graph id))) shipped))
         (matrix (lambda (graph id)
                   (map (match-lambda
                          ((policy . evaluator)
                           (let ((v (evaluate evaluator id)))
                             (if (eq? (policy-classification policy) 'none)
                                 (symbol->string (verdict-kind v))
                                 (short-classification (verdict-classification v))))))
                        (evaluators-of graph)))))
    (if (eq? output-format 'json)
        (begin
          (write-json
           `((policy . ,(policy-name policy))
             (hardware . ,(hardware-profile-name hardware))
             (warnings . ,(list->vector (map warning->json warnings)))
             (weights . ,(list->vector
                          (map (lambda (entry verdict)
                                 (match entry
                                   ((view id graph)
                                    `((package . ,(package-view-full-name view))
                                      (weights . ,id)
                                      (verdict . ,(verdict-kind verdict))
                                      (wall_clock . ,(plan-duration verdict))
                                      (obstacles . ,(obstacles verdict))
                                      (deciding_facts
                                       . ,(list->vector (map deciding-fact->json
                                                             (deciding context graph id))))
                                      (policies . ,(map (lambda (policy value)
                                                          (cons (policy-name policy) value))
                                                        (builtin-policies) (matrix graph id)))))))
                               shipped verdicts)))
             (not_built . ,(list->vector
                            (map (match-lambda
                                   ((view s)
                                    `((package . ,(package-view-full-name view))
                                      (weights . ,(shipped-weights-id s))
                                      (file . ,(or (shipped-weights-file s) 'null)))))
                                 not-built)))
             (other_weights . ,(list->vector
                                (map (lambda (id)
                                       `((weights . ,id)
                                         (policies . ,(map (lambda (policy value)
                                                             (cons (policy-name policy) value))
                                                           (builtin-policies)
                                                           (matrix catalog-graph id)))))
                                     others)))))
          (newline))
        (begin
          (format #t "Lint of ~a package~:p under ~a, on ~a:~%~%" (length views)
                  (policy-name policy) (hardware-profile-name hardware))
          (if (null? warnings)
              (format #t "nothing to report~%")
              (for-each (lambda (w) (format #t "~a~%" (warning->string w))) warnings))
          (format #t "~%Weights shipped, under ~a on ~a:~%~%" (policy-name policy)
                  (hardware-profile-name hardware))
          (padded (cons '("PACKAGE" "WEIGHTS" "VERDICT" "WALL-CLOCK" "BLOCKING OR DECIDING")
                        (map (lambda (entry verdict)
                               (match entry
                                 ((view id graph)
                                  (list (package-view-full-name view) (weights-label graph id)
                                        (symbol->string (verdict-kind verdict))
                                        (plan-duration verdict) (obstacles verdict)))))
                             shipped verdicts)))
          (unless (null? not-built)
            (format #t "~%In the sources but not built or installed (not judged):~%~%")
            (padded (cons '("PACKAGE" "WEIGHTS" "FILE")
                          (map (match-lambda
                                 ((view s) (list (package-view-full-name view) (shipped-weights-id s)
                                                 (or (shipped-weights-file s) ""))))
                               not-built))))
          (format #t "~%Under every built-in policy:~%~%")
          (padded (cons (cons "WEIGHTS" (map policy-name (builtin-policies)))
                        (map (match-lambda ((view id graph) (cons id (matrix graph id))))
                             shipped)))
          (let ((deciding (filter-map (lambda (entry verdict)
                                        (match entry
                                          ((view id graph)
                                           (and (eq? 'undetermined (verdict-kind verdict))
                                                (match (deciding context graph id)
                                                  (() #f)
                                                  (facts (cons id facts)))))))
                                      shipped verdicts)))
            (unless (null? deciding)
              (format #t "~%What would decide the undetermined weights, under ~a on ~a:~%"
                      (policy-name policy) (hardware-profile-name hardware))
              (for-each (match-lambda
                          ((id . facts)
                           (format #t "~%~a~%" id)
                           (for-each (lambda (fact)
                                       (for-each (cut format #t "  ~a~%" <>)
                                                 (deciding-fact->lines fact)))
                                     facts)))
                        (delete-duplicates deciding (lambda (a b) (string=? (car a) (car b)))))))
          (unless (null? others)
            (format #t "~%Other weights of the catalog, under every built-in policy:~%~%")
            (padded (cons (cons "WEIGHTS" (map policy-name (builtin-policies)))
                          (map (lambda (id) (cons id (matrix catalog-graph id))) others))))))
    0))

(define (show-command context packages operands output-format)
  (let-values (((view ids) (resolve-operand context packages (one-argument "show" operands))))
    (let ((graph (graph-of context view)))
      (if (eq? output-format 'json)
          (begin
            (write-json (list->vector
                         (map (lambda (id)
                                `((id . ,id)
                                  (ancestors . ,(list->vector (map entry->json (ancestors graph id))))))
                              ids)))
            (newline))
          (parameterize ((current-policy (lint-context-policy context))
                         (current-hardware (lint-context-hardware context)))
            (for-each (cut show-lineage <> #:graph graph) ids))))
    0))

(define (deciding context graph id)
  (deciding-facts graph id #:policy (lint-context-policy context)
                  #:hardware (lint-context-hardware context)))

(define (print-deciding facts)
  (unless (null? facts)
    (format #t "  what would decide it:~%")
    (for-each (lambda (fact)
                (for-each (cut format #t "    ~a~%" <>) (deciding-fact->lines fact)))
              facts)))

(define (why-command context packages operands output-format explain?)
  (let*-values (((view ids) (resolve-operand context packages (one-argument "why" operands)))
                ((evaluator) (evaluator-of context view))
                ((graph) (graph-of context view))
                ((verdicts) (map (cut evaluate evaluator <>) ids)))
    (if (eq? output-format 'json)
        (begin
          (write-json (list->vector
                       (map (lambda (v)
                              (append (verdict->json v)
                                      `((deciding_facts
                                         . ,(list->vector
                                             (map deciding-fact->json
                                                  (deciding context graph (verdict-target v))))))))
                            verdicts)))
          (newline))
        (for-each (lambda (v)
                    (format #t "~a~%" (verdict-summary v))
                    (for-each (cut format #t "  ~a~%" <>) (verdict-explanation v))
                    (when explain?
                      (print-deciding (deciding context graph (verdict-target v)))))
                  verdicts))
    0))

(define (resolve-operands context packages command operands)
  ;; Several operands: the views they are judged in must agree, since one
  ;; graph is drawn.
  (when (null? operands)
    (usage-error "~a takes one or more artifact ids or package names" command))
  (let loop ((operands operands) (view #f) (view-name #f) (ids '()))
    (match operands
      (() (values view (delete-duplicates (reverse ids))))
      ((name . rest)
       (let-values (((this more) (resolve-operand context packages name)))
         (when (and view this (not (eq? view this)))
           (usage-error "'~a' and '~a' are judged with different package annotations; draw them apart"
                        view-name name))
         (loop rest (or view this) (if this name view-name) (append (reverse more) ids)))))))

(define (graph-command context packages operands output-format)
  (unless (memq output-format '(dot svg))
    (usage-error "graph writes --format=dot (the default) or --format=svg; show --format=json gives the lineage as JSON"))
  (let-values (((view ids) (resolve-operands context packages "graph" operands)))
    ;; One graph, however many weights are named.
    (let ((dot (call-with-output-string
                 (cut lineage->picture (graph-of context view) ids
                      #:policy (lint-context-policy context)
                      #:hardware (lint-context-hardware context) #:port <>))))
      (if (eq? output-format 'svg)
          (display (or (dot->svg dot)
                       (input-error "drawing SVG needs Graphviz's 'dot' program, which is missing or failed; install graphviz, or use --format=dot")))
          (display dot)))
    0))

(define (scan-command paths output-format)
  (when (null? paths)
    (usage-error "scan takes one or more files or directories"))
  (let ((findings (append-map (lambda (path)
                                (map (cut cons path <>) (scan-source-tree path)))
                              paths)))
    (if (eq? output-format 'json)
        (begin
          (write-json
           (list->vector
            (map (match-lambda
                   ((root . f)
                    `((root . ,root) (path . ,(scan-finding-path f)) (kind . ,(scan-finding-kind f))
                      (detail . ,(scan-finding-detail f)) (bytes . ,(scan-finding-bytes f))
                      (values . ,(scan-finding-values f)) (in_tests . ,(scan-finding-in-tests? f)))))
                 findings)))
          (newline))
        (for-each (match-lambda
                    ((root . f)
                     (format #t "~a: ~a: ~a~a~%"
                             (if (= 1 (length paths)) (scan-finding-path f)
                                 (string-append root "/" (scan-finding-path f)))
                             (scan-finding-kind f) (scan-finding-detail f)
                             (if (scan-finding-in-tests? f) " (test data)" ""))))
                  findings))
    0))

(define (report-error program message)
  (format (current-error-port) "~a: error: ~a~%" program message))

(define* (run-model-provenance arguments #:key (program "model-provenance")
                               (packages-from "the loaded packages")
                               (options '()) (options-help "")
                               (package-set (lambda (options catalog-views)
                                              (views-package-set catalog-views '()))))
  "Run the command line ARGUMENTS (without the program name) and return the
exit status.  OPTIONS are SRFI-37 options beyond the common ones, described
by OPTIONS-HELP; PACKAGE-SET, given the parsed options and the catalog's
package views, returns the package set to work on."
  (guard (e ((usage-error? e)
             ;; One line, as Guix's commands do.
             (report-error program (string-append (exception-message e) " (see --help)"))
             2)
            ((input-error? e) (report-error program (exception-message e)) 2)
            ((annotation-error? e) (report-error program (annotation-error->string e)) 2)
            ((provenance-error? e) (report-error program (exception-message e)) 2))
    (let* ((options (parse-arguments arguments options))
           (operands (reverse (filter-map (match-lambda (('operand . o) o) (_ #f)) options))))
      (cond
       ((assq-ref options 'help?) (help program packages-from options-help) 0)
       ((assq-ref options 'version?)
        (format #t "~a (model-provenance) ~a~%" program %model-provenance-version) 0)
       ((null? operands)
        (usage-error "missing command; expected lint, show, why, graph, report or scan"))
       ((not (member (car operands) '("lint" "show" "why" "graph" "report" "scan")))
        (usage-error "unknown command '~a'; expected lint, show, why, graph, report or scan"
                     (car operands)))
       ((string=? (car operands) "scan")
        (scan-command (cdr operands) (or (assq-ref options 'format) 'text)))
       (else
        (let* ((policy (lookup-named "policy" lookup-policy (map policy-name (builtin-policies))
                                     (or (assq-ref options 'policy) "guix-base-criterion")))
               (hardware (lookup-named "hardware profile" lookup-hardware-profile
                                       (map hardware-profile-name (builtin-hardware-profiles))
                                       (or (assq-ref options 'hardware) "desktop-amd-gpu")))
               (output-format (or (assq-ref options 'format) 'text)))
          (let*-values (((catalog-views catalog-declarations)
                         (if (assq-ref options 'no-catalog?) (values '() '()) (load-catalog)))
                        ((packages) (package-set options catalog-views)))
            (let ((context (make-lint-context
                            #:catalog (append catalog-declarations (package-set-declarations packages))
                            #:policy policy #:hardware hardware
                            #:other-annotations (package-set-annotations packages)
                            #:version-known?
                            (lambda (name version)
                              (and ((package-set-lookup packages) (string-append name "@" version))
                                   #t)))))
              (match operands
                (("report" . names)
                 (report-command context (choose-packages packages names) hardware output-format))
                (("lint" . names)
                 (lint-command context (choose-packages packages names) output-format
                               (assq-ref options 'explain?) (assq-ref options 'source)))
                (("show" . rest) (show-command context packages rest output-format))
                (("why" . rest)
                 (why-command context packages rest output-format (assq-ref options 'explain?)))
                (("graph" . rest)
                 (graph-command context packages rest (or (assq-ref options 'format) 'dot))))))))))))

(define %standalone-options
  (list (option '(#\L "load") #t #f
                (lambda (opt name arg result) (alist-cons 'load arg result)))))

(define (standalone-main arguments)
  "The standalone command: packages and declarations come from the files
named with --load, on top of the catalog's; without packages of its own,
it works on the catalog's."
  (run-model-provenance
   arguments
   #:options %standalone-options
   #:options-help "  -L, --load=FILE      read package views and (provenance ...) declarations
                       from FILE; may be repeated\n"
   #:package-set
   (lambda (options catalog-views)
     (let loop ((files (delete-duplicates
                        (reverse (filter-map (match-lambda (('load . file) file) (_ #f)) options))))
                (views '()) (declarations '()))
       (match files
         (() (views-package-set (if (null? views) catalog-views views) declarations))
         ((file . rest)
          (let-values (((more-views more-declarations) (load-declarations file)))
            ;; A file that declares nothing is a mistake (the wrong file),
            ;; not a request to lint nothing.
            (when (and (null? more-views) (null? more-declarations))
              (input-error "~a: declares no package view and no provenance" file))
            (loop rest (append views more-views) (append declarations more-declarations)))))))))
