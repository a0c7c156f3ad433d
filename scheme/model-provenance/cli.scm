;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The subcommands shared by the standalone `model-provenance' command and
;;; `guix model-provenance': lint, show, why and graph.  Where packages come
;;; from is the caller's business (files, or Guix).

(define-module (model-provenance cli)
  #:use-module (ice-9 exceptions)
  #:use-module (ice-9 format)
  #:use-module (ice-9 ftw)
  #:use-module (ice-9 match)
  #:use-module (srfi srfi-1)
  #:use-module (srfi srfi-11)
  #:use-module (srfi srfi-26)
  #:use-module (srfi srfi-37)
  #:use-module (model-provenance annotations)
  #:use-module (model-provenance config)
  #:use-module (model-provenance evaluate)
  #:use-module (model-provenance graph)
  #:use-module (model-provenance json)
  #:use-module (model-provenance lint)
  #:use-module (model-provenance repl)
  #:export (run-model-provenance
            usage-error?
            standalone-main
            load-declarations
            usage-error))

;;; Errors: a usage or input error exits with status 2.

(define-exception-type &usage-error &error make-usage-error usage-error?)

(define (usage-error message . arguments)
  "Raise a usage or input error, which the commands report and exit 2 for."
  (raise-exception (make-exception (make-usage-error)
                                   (make-exception-with-message (apply format #f message arguments)))))

;;; Reading declarations from files.

(define (declarations-module)
  (let ((module (make-fresh-user-module)))
    (for-each (lambda (name) (module-use! module (resolve-interface name)))
              '((model-provenance annotations) (model-provenance graph) (model-provenance lint)))
    module))

(define (load-declarations file)
  "Evaluate FILE's forms; return two lists: the package views and the
provenance declarations among their values (lists of them count too)."
  (let ((port (catch 'system-error
                (lambda () (open-input-file file))
                (lambda (key . args)
                  (usage-error "~a: cannot read: ~a" file (strerror (system-error-errno (cons key args))))))))
    (let ((module (declarations-module)))
      (let loop ((packages '()) (declarations '()))
        (let ((form (catch 'read-error
                      (lambda () (read port))
                      (lambda (key who message arguments . rest)
                        (usage-error "~a: ~a" file (apply format #f message arguments))))))
          (if (eof-object? form)
              (begin (close-port port) (values (reverse packages) (reverse declarations)))
              (let* ((value (evaluate-declaration form module file))
                     (values* (if (list? value) value (list value))))
                (loop (append (reverse (filter package-view? values*)) packages)
                      (append (reverse (filter provenance? values*)) declarations)))))))))

(define (describe-exception e)
  (let ((kind (false-if-exception (exception-kind e))))
    (string-trim-right
     (cond (kind
            (call-with-output-string
              (lambda (port) (print-exception port #f kind (exception-args e)))))
           ((exception-with-message? e)
            (format #f "~a~{ ~s~}" (exception-message e)
                    (if (exception-with-irritants? e) (exception-irritants e) '())))
           (else (format #f "~s" e))))))

(define (evaluate-declaration form module file)
  ;; Annotation errors carry their location already; any other failure of
  ;; an input file (syntax errors, unbound variables) becomes an input
  ;; error naming the file, rather than a backtrace.
  (guard (e ((or (annotation-error? e) (usage-error? e)) (raise-exception e))
            (else (usage-error "~a: ~a" file (describe-exception e))))
    (eval form module)))

;;; The catalog.

(define (catalog-files)
  (let ((directory %model-provenance-catalog))
    (if (file-exists? directory)
        (map (cut string-append directory "/" <>)
             (sort (filter (cut string-suffix? ".scm" <>) (or (scandir directory) '())) string<?))
        (usage-error "the catalog directory ~a does not exist; use --no-catalog to go without"
                     directory))))

(define (load-catalog)
  "Return the package views and the provenance declarations of the catalog."
  (let loop ((files (catalog-files)) (packages '()) (declarations '()))
    (match files
      (() (values packages declarations))
      ((file . rest)
       (let-values (((more-packages more-declarations) (load-declarations file)))
         (loop rest (append packages more-packages) (append declarations more-declarations)))))))

;;; Options.

(define %options
  (list (option '(#\L "load") #t #f
                (lambda (opt name arg result) (alist-cons 'load arg result)))
        (option '(#\p "policy") #t #f
                (lambda (opt name arg result) (alist-cons 'policy arg result)))
        (option '("hardware") #t #f
                (lambda (opt name arg result) (alist-cons 'hardware arg result)))
        (option '(#\f "format") #t #f
                (lambda (opt name arg result)
                  (unless (member arg '("text" "json"))
                    (usage-error "--format: expected text or json, got '~a'" arg))
                  (alist-cons 'format (string->symbol arg) result)))
        (option '("no-catalog") #f #f
                (lambda (opt name arg result) (alist-cons 'no-catalog? #t result)))
        (option '(#\e "explain") #f #f
                (lambda (opt name arg result) (alist-cons 'explain? #t result)))
        (option '(#\h "help") #f #f
                (lambda (opt name arg result) (alist-cons 'help? #t result)))
        (option '(#\V "version") #f #f
                (lambda (opt name arg result) (alist-cons 'version? #t result)))))

(define (parse-arguments arguments)
  (args-fold arguments %options
             (lambda (opt name arg result)
               (usage-error "unrecognized option '~a'" (if (char? name) (string #\- name) (string-append "--" name))))
             (lambda (operand result) (alist-cons 'operand operand result))
             '()))

(define (help program packages-from)
  (format #t "Usage: ~a [OPTION]... COMMAND [ARGUMENT]...
Tell where the trained weights of packages come from, and whether users
could make such networks themselves with free software.

Commands:
  lint [PACKAGE]...    check PACKAGES (by default all ~a) for weights
                       without provenance, unacceptable verdicts and
                       annotations that contradict the package
  show ID|PACKAGE      show the lineage of an artifact, or of the weights a
                       package ships, as a tree
  why ID|PACKAGE       explain the verdict on an artifact or shipped weights
  graph ID|PACKAGE     write the lineage in Graphviz DOT (dot -Tsvg draws it)
  report [PACKAGE]...  lint, then a table of every shipped weights file with
                       its verdict, plan and obstacles, then the verdicts of
                       every built-in policy side by side

Options:
~a  -p, --policy=NAME    judge under policy NAME (default guix-base-criterion):
                       ~{~a~^, ~}
      --hardware=NAME  on hardware NAME (default desktop-amd-gpu):
                       ~{~a~^, ~}
  -f, --format=FORMAT  write text (default) or json
      --no-catalog     start from no declarations instead of the catalog
                       (~a)
  -e, --explain        with lint, explain each verdict
  -h, --help           show this help and exit
  -V, --version        show the version and exit

Exit status: 0 when there is nothing to report, 1 when lint warns, 2 on a
usage or input error.
"
          program packages-from
          (if (string=? program "model-provenance")
              "  -L, --load=FILE      read package views and (provenance ...) declarations
                       from FILE; may be repeated\n"
              "")
          (map policy-name (builtin-policies))
          (map hardware-profile-name (builtin-hardware-profiles))
          %model-provenance-catalog))

;;; Output.

(define (location-json location)
  (if location (location->string location) 'null))

(define (warning->json w)
  `((package . ,(package-view-name (warning-package w)))
    (version . ,(package-view-version (warning-package w)))
    (location . ,(location->string (or (warning-location w)
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

(define (entry->json e)
  `((id . ,(lineage-entry-id e)) (depth . ,(lineage-entry-depth e))
    (type . ,(lineage-entry-node-type e)) (kind . ,(lineage-entry-kind e))
    (license . ,(or (lineage-entry-license e) 'null))
    (feeds . ,(list->vector (lineage-entry-nearer e)))))

;;; Commands.

(define (lookup-named what lookup names name)
  (or (lookup name)
      (usage-error "no ~a named '~a'; known ones: ~{~a~^, ~}" what name names)))

;; The weights ids an argument stands for: an artifact id of the graph, or
;; the shipped weights of a package.
(define (targets graph packages name)
  (cond
   ((and graph (graph-node graph name)) (list name))
   ((find (lambda (p) (string=? (package-view-name p) name)) packages)
    => (lambda (view)
         (match (package-view-annotation view)
           ((? provenance? a)
            (match (map shipped-weights-id (provenance-shipped a))
              (() (usage-error "package '~a' declares no shipped weights" name))
              (ids ids)))
           (_ (usage-error "package '~a' has no model-provenance annotation" name)))))
   (else (usage-error "no artifact or package named '~a'" name))))

(define (one-argument command operands)
  (match operands
    ((name) name)
    (_ (usage-error "~a takes exactly one artifact id or package name" command))))

(define (choose-packages packages names)
  ;; The packages NAMES names, or all of them when there are no names.
  (if (null? names)
      packages
      (map (lambda (name)
             (or (find (lambda (p) (string=? (package-view-name p) name)) packages)
                 (usage-error "no package named '~a'" name)))
           names)))

(define (lint-command context packages names output-format explain?)
  (let* ((chosen (choose-packages packages names))
         (warnings (append-map (cut check-package context <>) chosen)))
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

(define (report-command context packages names hardware output-format)
  (let* ((chosen (choose-packages packages names))
         (graph (or (lint-context-graph context) (raise-exception (lint-context-problem context))))
         (warnings (append-map (cut check-package context <>) chosen))
         (shipped (append-map (lambda (view)
                                (map (lambda (s) (cons view (shipped-weights-id s)))
                                     (package-shipped-weights context view)))
                              chosen))
         (shipped-ids (map cdr shipped))
         (others (filter (lambda (id) (not (member id shipped-ids)))
                         (provenance-graph-ids graph 'weights)))
         (evaluators (map (lambda (policy)
                            (cons policy (make-evaluator graph #:policy policy #:hardware hardware)))
                          (builtin-policies)))
         (default (cdr (first evaluators)))
         (verdicts (map (lambda (entry) (evaluate default (cdr entry))) shipped))
         (matrix (lambda (id)
                   (map (match-lambda
                          ((policy . evaluator)
                           (let ((v (evaluate evaluator id)))
                             (if (eq? (policy-classification policy) 'none)
                                 (symbol->string (verdict-kind v))
                                 (short-classification (verdict-classification v))))))
                        evaluators))))
    (if (eq? output-format 'json)
        (begin
          (write-json
           `((policy . ,(policy-name (default-policy)))
             (hardware . ,(hardware-profile-name hardware))
             (warnings . ,(list->vector (map warning->json warnings)))
             (weights . ,(list->vector
                          (map (lambda (entry verdict)
                                 `((package . ,(package-view-full-name (car entry)))
                                   (weights . ,(cdr entry))
                                   (verdict . ,(verdict-kind verdict))
                                   (wall_clock . ,(plan-duration verdict))
                                   (obstacles . ,(obstacles verdict))
                                   (policies . ,(map (lambda (policy value) (cons (policy-name policy) value))
                                                     (builtin-policies) (matrix (cdr entry))))))
                               shipped verdicts)))
             (other_weights . ,(list->vector
                                (map (lambda (id)
                                       `((weights . ,id)
                                         (policies . ,(map (lambda (policy value)
                                                             (cons (policy-name policy) value))
                                                           (builtin-policies) (matrix id)))))
                                     others)))))
          (newline))
        (begin
          (format #t "Lint of ~a package~:p under ~a, on ~a:~%~%" (length chosen)
                  (policy-name (default-policy)) (hardware-profile-name hardware))
          (for-each (lambda (w) (format #t "~a~%" (warning->string w))) warnings)
          (format #t "~%Weights shipped, under ~a on ~a:~%~%" (policy-name (default-policy))
                  (hardware-profile-name hardware))
          (padded (cons '("PACKAGE" "WEIGHTS" "VERDICT" "WALL-CLOCK" "BLOCKING OR DECIDING")
                        (map (lambda (entry verdict)
                               (list (package-view-full-name (car entry))
                                     (weights-label graph (cdr entry))
                                     (symbol->string (verdict-kind verdict))
                                     (plan-duration verdict) (obstacles verdict)))
                             shipped verdicts)))
          (format #t "~%Under every built-in policy:~%~%")
          (padded (cons (cons "WEIGHTS" (map policy-name (builtin-policies)))
                        (map (lambda (id) (cons id (matrix id))) shipped-ids)))
          (unless (null? others)
            (format #t "~%Other weights of the catalog, under every built-in policy:~%~%")
            (padded (cons (cons "WEIGHTS" (map policy-name (builtin-policies)))
                          (map (lambda (id) (cons id (matrix id))) others))))))
    0))

(define* (run-model-provenance arguments #:key (program "model-provenance")
                               (packages-from "loaded packages")
                               (catalog-packages? #t)
                               (read-packages (lambda (options) (values '() '()))))
  "Run the command line ARGUMENTS (without the program name) and return the
exit status.  READ-PACKAGES, given the parsed options, returns the package
views and extra provenance declarations to work on."
  (guard (e ((usage-error? e)
             (format (current-error-port) "~a: error: ~a~%" program (exception-message e))
             (format (current-error-port) "Try '~a --help' for more information.~%" program)
             2)
            ((annotation-error? e)
             (format (current-error-port) "~a~%" (exception-message e))
             2)
            ((provenance-error? e)
             (format (current-error-port) "~a: error: ~a~%" program (exception-message e))
             2))
    (let* ((options (parse-arguments arguments))
           (operands (reverse (filter-map (match-lambda (('operand . o) o) (_ #f)) options))))
      (cond
       ((assq-ref options 'help?) (help program packages-from) 0)
       ((assq-ref options 'version?)
        (format #t "~a (model-provenance) ~a~%" program %model-provenance-version) 0)
       (else
        (let* ((policy (lookup-named "policy" lookup-policy (map policy-name (builtin-policies))
                                     (or (assq-ref options 'policy) "guix-base-criterion")))
               (hardware (lookup-named "hardware profile" lookup-hardware-profile
                                       (map hardware-profile-name (builtin-hardware-profiles))
                                       (or (assq-ref options 'hardware) "desktop-amd-gpu")))
               (output-format (or (assq-ref options 'format) 'text)))
          (let*-values (((own-packages own-declarations) (read-packages options))
                        ((catalog-packages catalog-declarations)
                         (if (assq-ref options 'no-catalog?) (values '() '()) (load-catalog))))
            ;; Without packages of its own, the command works on the
            ;; catalog's; declarations always add up.
            (define packages
              (if (and catalog-packages? (null? own-packages)) catalog-packages own-packages))
            (define declarations (append catalog-declarations own-declarations))
            (let* ((context (make-lint-context packages #:catalog declarations
                                               #:policy policy #:hardware hardware))
                   (graph (lint-context-graph context)))
              (define (need-graph)
                (or graph (raise-exception (lint-context-problem context))))
              (match operands
                (() (usage-error "missing command; expected lint, show, why, graph or report"))
                (("report" . names) (report-command context packages names hardware output-format))
                (("lint" . names)
                 (lint-command context packages names output-format (assq-ref options 'explain?)))
                (("show" . rest)
                 (let ((ids (targets (need-graph) packages (one-argument "show" rest))))
                   (if (eq? output-format 'json)
                       (begin
                         (write-json (list->vector
                                      (map (lambda (id)
                                             `((id . ,id)
                                               (ancestors . ,(list->vector
                                                              (map entry->json (ancestors graph id))))))
                                           ids)))
                         (newline))
                       (parameterize ((current-policy policy) (current-hardware hardware))
                         (for-each (cut show-lineage <> #:graph graph) ids)))
                   0))
                (("why" . rest)
                 (let* ((ids (targets (need-graph) packages (one-argument "why" rest)))
                        (evaluator (make-evaluator graph #:policy policy #:hardware hardware))
                        (verdicts (map (cut evaluate evaluator <>) ids)))
                   (if (eq? output-format 'json)
                       (begin (write-json (list->vector (map verdict->json verdicts))) (newline))
                       (for-each (lambda (v)
                                   (format #t "~a~%" (verdict-summary v))
                                   (for-each (cut format #t "  ~a~%" <>) (verdict-explanation v)))
                                 verdicts))
                   0))
                (("graph" . rest)
                 (let ((ids (targets (need-graph) packages (one-argument "graph" rest))))
                   (when (eq? output-format 'json)
                     (usage-error "graph writes Graphviz DOT; use show --format=json for JSON"))
                   (for-each (cut lineage->dot graph <>) ids)
                   0))
                ((command . _)
                 (usage-error "unknown command '~a'; expected lint, show, why, graph or report" command)))))))))))

(define (standalone-main arguments)
  "The standalone command: packages and declarations come from the files
named with --load."
  (run-model-provenance
   arguments
   #:read-packages
   (lambda (options)
     (let loop ((files (reverse (filter-map (match-lambda (('load . file) file) (_ #f)) options)))
                (packages '()) (declarations '()))
       (match files
         (() (values packages declarations))
         ((file . rest)
          (let-values (((more-packages more-declarations) (load-declarations file)))
            (loop rest (append packages more-packages) (append declarations more-declarations)))))))))
