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
  #:use-module (model-provenance evaluate)
  #:use-module (model-provenance graph)
  #:use-module (model-provenance lint)
  ;; What only some subcommands need is loaded when first used, so that
  ;; `lint' starts fast: (model-provenance repl) alone pulls in Guile's
  ;; REPL, (system repl command), for a dozen milliseconds.
  #:autoload (model-provenance decide) (deciding-facts deciding-fact->lines
                                        deciding-fact-id deciding-fact-fact
                                        deciding-fact-reason deciding-fact-answers
                                        deciding-fact-assumed)
  #:autoload (model-provenance inspect) (inspect-files print-inspection inspection->json
                                         inspection-known-format? inspection-error
                                         inspection-path inspection-sha256
                                         inspection-runs-code?)
  #:autoload (model-provenance interchange) (document-formats writable-document-formats
                                             read-document write-document
                                             provenance->annotation write-annotation
                                             hub-license-lineage
                                             lineage-report-models lineage-report-declared-free
                                             lineage-report-offending lineage-report-undetermined
                                             lineage-report-undetermined-sample
                                             lineage-report-missing lineage-report-cyclic
                                             lineage-report-self-references
                                             lineage-report-errors lineage-report-error-count
                                             lineage-finding-model lineage-finding-license
                                             lineage-finding-ancestor
                                             lineage-finding-ancestor-license
                                             lineage-finding-distance lineage-finding-reason)
  #:autoload (model-provenance json) (write-json)
  #:autoload (model-provenance picture) (lineage->picture dot->svg)
  #:autoload (model-provenance repl) (current-policy current-hardware show-lineage)
  #:autoload (model-provenance scan) (scan-source-tree scan-finding-path scan-finding-kind
                                      scan-finding-detail scan-finding-bytes
                                      scan-finding-values scan-finding-in-tests?)
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
        (option '("no-hash") #f #f
                (lambda (opt name arg result) (alist-cons 'no-hash? #t result)))
        (option '("source") #t #f
                (lambda (opt name arg result) (alist-cons 'source arg result)))
        (option '("inspect") #t #f
                (lambda (opt name arg result) (alist-cons 'inspect arg result)))
        (option '("input") #t #f
                (lambda (opt name arg result) (alist-cons 'input arg result)))
        (option '("model-id") #t #f
                (lambda (opt name arg result) (alist-cons 'model-id arg result)))
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

;; Each subcommand: its synopsis, what it does, and the options it reads
;; (beyond -h, and the caller's own options, which every one takes).
(define %commands
  '(("lint" "[PACKAGE]..."
     "Check PACKAGES (by default ~a) for weights without provenance, verdicts\nthat do not meet the policy, and annotations that contradict the package;\nprint one line a problem, as guix lint does."
     (load policy hardware format-text-json explain source inspect input no-catalog))
    ("show" "ID|PACKAGE..."
     "Show the lineage of artifacts or steps, or of the weights packages ship,\nas a tree, with the verdict of each weights file."
     (load policy hardware format-text-json input no-catalog))
    ("why" "ID|PACKAGE..."
     "Explain the verdict on artifacts, or on the weights packages ship: the\ncheapest plan to re-make them, what is taken as it is, what blocks it."
     (load policy hardware format-text-json explain input no-catalog))
    ("graph" "ID|PACKAGE..."
     "Draw the lineage of artifacts, or of the weights packages ship, as one\ngraph: shapes by kind, colours by status under the policy, the cheapest\nplan in blue, what blocks it in red, roles on edges, compute on steps,\nverdicts on weights, a legend."
     (load policy hardware format-dot-svg input no-catalog))
    ("report" "[PACKAGE]..."
     "Lint PACKAGES (by default ~a), then tabulate every weights file they ship\nwith its verdict, wall-clock and what blocks or decides it, the weights\nin sources but not built, every built-in policy side by side, and what\nwould decide each undetermined verdict."
     (load policy hardware format-text-json input no-catalog))
    ("import" "FORMAT FILE..."
     "Read documents of another format (spdx3, cyclonedx, model-card, hub, prov) and\nwrite the model-provenance annotation they amount to, for a package's\nproperties, with comments citing each document and saying what it held\nthat the graph has no place for."
     (model-id))
    ("hub-lineage" "FILE..."
     "Read Hugging Face Hub metadata in JSON lines (one model a line, as the\nHub's API gives it) and list, in one pass however many models, every\nmodel whose declared license is free under the policy while an\nancestor's (the base models it is fine-tuned, merged, quantized or\ndistilled from) is not.  Exits 1 when there is one."
     (policy format-text-json))
    ("export" "FORMAT ID|PACKAGE..."
     "Write the lineage of artifacts, or of the weights packages ship, as a document\nof another format (spdx3, cyclonedx, prov), with each weights file's verdict\nunder the policy where the format has a place for it."
     (load policy hardware input no-catalog))
    ("scan" "PATH..."
     "List the trained weights inside unpacked sources: model files, and large\nnumeric arrays in C sources."
     (format-text-json))
    ("inspect" "FILE|DIRECTORY..."
     "Look inside weights files, without running or unpickling anything: the\nformat, sha256, parameters and tensor shapes, the license, base models,\ndata sets and other lineage the file states, the catalog's weights with\nthe same sha256, and what loading it would run (pickle imports, Keras\nLambda layers; GGUF chat templates to review).  Exits 1 when a file\nwould run code or cannot be read."
     (format-text-json no-hash no-catalog))))

(define (option-with-choices first-line choices)
  (string-append first-line "\n"
                 (string-concatenate
                  (map (cut string-append (make-string 23 #\space) <> "\n")
                       (wrapped-lines (format #f "~{~a~^, ~}, or one an -L file defines" choices)
                                      56)))))

(define (option-help option)
  (case option
    ;; The caller's own options (-L), described by the caller.
    ((load) "")
    ((policy) (option-with-choices "  -p, --policy=NAME    judge under policy NAME (default guix-base-criterion):"
                                   (map policy-name (builtin-policies))))
    ((hardware) (option-with-choices "      --hardware=NAME  on hardware NAME (default desktop-amd-gpu):"
                                     (map hardware-profile-name (builtin-hardware-profiles))))
    ((format-text-json) "  -f, --format=FORMAT  write text (default) or json\n")
    ((format-dot-svg) "  -f, --format=FORMAT  write Graphviz dot (default) or svg (drawn by dot)\n")
    ((explain) "  -e, --explain        explain each verdict and what would decide an\n                       undetermined one\n")
    ((source) "      --source=DIR     with one package, also scan its unpacked source DIR\n                       and compare with what is recorded\n")
    ((inspect) "      --inspect=DIR    with one package, also inspect the weights files it\n                       ships, found in DIR (its unpacked origin), against\n                       what is recorded, and for code they would run\n")
    ((input) "      --input=FORMAT:FILE  add what document FILE, of FORMAT (spdx3,\n                       cyclonedx, model-card, hub, prov), declares; may be\n                       repeated\n")
    ((no-hash) "      --no-hash        do not compute sha256, which reads whole files;\n                       read only headers\n")
    ((model-id) "      --model-id=ID    the model a model card describes (default: the\n                       name of the card's directory)\n")
    ((no-catalog) (format #f "      --no-catalog     start from no declarations instead of the catalog\n                       (~a)~%" %model-provenance-catalog))))

(define %exit-status-help
  "Exit status: 0 when every weights file judged meets the policy and there
is nothing to warn about; 1 when lint warns or a weights file is not shown
to meet the policy (lint, why, report); 2 on a usage or input error.
")

(define (help program packages-from options-help)
  (format #t "Usage: ~a [OPTION]... COMMAND [ARGUMENT]...
Tell where the trained weights of packages come from, and whether users
could make such networks themselves with free software.

Commands:
  lint [PACKAGE]...    check PACKAGES for weights without provenance,
                       verdicts that fail the policy and annotations that
                       contradict the package; without PACKAGE, check
                       ~a
  show ID|PACKAGE...   show the lineage as a tree
  why ID|PACKAGE...    explain the verdict on artifacts or shipped weights
  graph ID|PACKAGE...  draw the lineage with statuses and verdicts (dot, svg)
  report [PACKAGE]...  lint, then tabulate every shipped weights file with
                       its verdict, plan and obstacles, and every built-in
                       policy side by side
  scan PATH...         list the trained weights inside unpacked sources
  inspect FILE|DIRECTORY...  look inside weights files: format, lineage
                       they state, code they would run when loaded
  import FORMAT FILE...  write the annotation documents of another format
                       amount to (spdx3, cyclonedx, model-card, hub, prov)
  export FORMAT ID|PACKAGE...  write a lineage as an spdx3, cyclonedx or
                       prov document, with verdicts
  hub-lineage FILE...  list the models of Hub metadata whose declared
                       license is freer than an ancestor's allows
  help COMMAND         describe COMMAND and its options

An ID names an artifact or step of the catalog or of an annotation; any
other name is a package, whose shipped weights are meant.

Options:
~a~a~a~a~a~a~a  -h, --help           show this help (with COMMAND, that command's) and exit
  -V, --version        show the version and exit

~a
The manual: info model-provenance.
"
          program packages-from options-help
          (option-help 'policy) (option-help 'hardware)
          "  -f, --format=FORMAT  write text (default) or json; graph writes dot\n                       (default) or svg\n"
          (option-help 'explain) (option-help 'source) (option-help 'no-catalog)
          %exit-status-help))

(define (command-help program packages-from options-help command)
  (match (assoc command %commands)
    ((name synopsis description options)
     (format #t "Usage: ~a [OPTION]... ~a ~a~%~a~%~%Options:~%~a~a  -h, --help           show this help and exit~%~%~a"
             program name synopsis
             ;; Filled again once PACKAGES-FROM is in, to stay narrow.
             (string-join
              (wrapped-lines (string-join
                              (string-split (if (string-contains description "~a")
                                                (format #f description packages-from)
                                                description)
                                            #\newline)
                              " ")
                             72)
              "\n")
             ;; The caller's options (-L) serve the commands that judge.
             (if (memq 'load options) options-help "")
             (string-concatenate (map option-help options))
             (cond ((member name '("lint" "why" "report")) %exit-status-help)
                   ((string=? name "hub-lineage")
                    "Exit status: 0 when no model's license is freer than its lineage allows;\n1 when one is; 2 on a usage error or a file that cannot be read.\n")
                   ((string=? name "inspect")
                    "Exit status: 0 when every file was read and none would run code when\nloaded; 1 when one would, or could not be read as its format; 2 on a\nusage error or a file that cannot be opened.\n")
                   (else "Exit status: 0 on success, 2 on a usage or input error.\n"))))
    (#f (usage-error "no command named '~a'; expected ~{~a~^, ~}" command (map car %commands)))))

;;; Output.

;; Every --format=json document has the same top-level members, and the
;; schema in schema/model-provenance-output.schema.json describes them; its
;; version changes when a member changes meaning or is removed.
(define %json-schema "urn:model-provenance:output:1")
(define %json-schema-version 1)

(define* (json-document command context members
                        #:key (policy (and context (lint-context-policy context))))
  ;; POLICY defaults to the context's; hub-lineage judges under one without
  ;; a context.
  `((schema . ,%json-schema)
    (schema_version . ,%json-schema-version)
    (command . ,command)
    (program_version . ,%model-provenance-version)
    (policy . ,(if policy (policy-name policy) 'null))
    (hardware . ,(if context (hardware-profile-name (lint-context-hardware context)) 'null))
    ,@members))

(define (emit-json document)
  ;; Made whole before any of it is written: an error never leaves half a
  ;; document on the output.
  (display (call-with-output-string (cut write-json document <>)))
  (newline))

(define (json-or-null value) (or value 'null))

(define (location->json location)
  ;; Lines and columns as editors count them: lines from 1, columns from 0.
  (match location
    ((((? symbol?) . _) . _)
     `((file . ,(json-or-null (assq-ref location 'filename)))
       (line . ,(+ 1 (or (assq-ref location 'line) 0)))
       (column . ,(or (assq-ref location 'column) 0))))
    (_ 'null)))

(define (known-hours verdict)
  ;; The plan's wall-clock in hours when every step's is known, else #f.
  (and (not (memq (verdict-kind verdict) '(blocked opaque)))
       (verdict-plan-hours verdict)))

(define (hours-at-least verdict)
  ;; With some steps' compute unknown: what the known steps add up to.
  (and (not (memq (verdict-kind verdict) '(blocked opaque)))
       (not (known-hours verdict))
       (let ((known (filter-map planned-step-hours (verdict-plan verdict))))
         (and (pair? known) (apply + known)))))

(define (verdict-classification* verdict policy)
  ;; #f under a policy that classifies nothing.
  (and (not (eq? 'none (policy-classification policy)))
       (verdict-classification verdict)))

(define (verdict->json v policy)
  `((target . ,(verdict-target v))
    (verdict . ,(verdict-kind v))
    (acceptable . ,(acceptable-verdict? v))
    (summary . ,(verdict-summary v))
    (budget_hours . ,(json-or-null (verdict-budget-hours v)))
    (hours . ,(json-or-null (known-hours v)))
    (hours_at_least . ,(json-or-null (hours-at-least v)))
    (plan . ,(list->vector
              (map (lambda (s)
                     `((step . ,(planned-step-id s))
                       (backend . ,(json-or-null (planned-step-backend s)))
                       (device . ,(match (planned-step-device s)
                                    ((or #f "") 'null)
                                    (device device)))
                       (hours . ,(json-or-null (planned-step-hours s)))))
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
    (classification . ,(json-or-null (verdict-classification* v policy)))
    (class . ,(if (eq? 'none (policy-classification policy)) 'null (verdict-class v)))
    (components
     . ,(list->vector
         (map (lambda (c)
                `((name . ,(component-name c)) (class . ,(component-class c))
                  (content_type . ,(component-content-type c))
                  (required . ,(component-required? c)) (status . ,(component-status c))
                  (ids . ,(list->vector (component-ids c))) (detail . ,(component-detail c))))
              (verdict-components v))))))

(define (warning->json w policy)
  `((package . ,(package-view-name (warning-package w)))
    (version . ,(package-view-version (warning-package w)))
    (location . ,(location->json (or (warning-location w)
                                     (package-view-location (warning-package w)))))
    (checker . "model-provenance")
    (kind . ,(warning-kind w))
    (message . ,(warning-message w))
    (verdict . ,(match (warning-verdict w)
                  (#f 'null)
                  (verdict (verdict->json verdict policy))))))

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
    (license . ,(json-or-null (lineage-entry-license e)))
    (feeds . ,(list->vector (lineage-entry-nearer e)))))

(define (exit-status warnings verdicts)
  ;; 1 when there is a warning or a weights file not shown to meet the
  ;; policy, 0 otherwise (2, usage and input errors, is raised elsewhere).
  (if (and (null? warnings) (every acceptable-verdict? verdicts)) 0 1))

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

(define (file-is-directory?* file)
  (and (file-exists? file) (file-is-directory? file)))

(define (lint-command context views output-format explain? source inspect-root)
  (when (and source (not (= 1 (length views))))
    (usage-error "--source scans the source of one package; name exactly one"))
  (when (and inspect-root (not (= 1 (length views))))
    (usage-error "--inspect looks into the weights of one package; name exactly one"))
  (when (and inspect-root (not (file-is-directory?* inspect-root)))
    (input-error "--inspect: ~a is not a directory" inspect-root))
  (let ((warnings (append (append-map (cut check-package context <>) views)
                          (if source
                              (source-warnings context (first views) (scan-findings source))
                              '())
                          (if inspect-root
                              (inspection-warnings context (first views) inspect-root)
                              '()))))
    (if (eq? output-format 'json)
        (emit-json (json-document
                    "lint" context
                    `((packages . ,(list->vector (map package-view-full-name views)))
                      (warnings . ,(list->vector
                                    (map (cut warning->json <> (lint-context-policy context))
                                         warnings))))))
        (for-each (lambda (w)
                    (display (warning->string w)) (newline)
                    (when explain?
                      (for-each (lambda (line) (format #t "  ~a~%" line)) (warning-explanation w))))
                  warnings))
    (exit-status warnings '())))

;; The first words of a classification, for a table: "MOF Class II",
;; "ToxicCandy", "not classified".
(define (short-classification text)
  (match (string-index text #\()
    (#f text)
    (at (string-trim-right (substring text 0 at)))))

(define (short-verdict kind)
  ;; Verdicts in a narrow table; the key under the table spells them out.
  (case kind
    ((reproducible-from-scratch) "from scratch")
    ((retrainable-from-free-networks) "retrainable")
    ((over-budget) "over budget")
    (else (symbol->string kind))))

(define* (padded rows #:key (first-width 40) (after (const '())))
  ;; ROWS are lists of strings, printed as columns.  A first cell wider
  ;; than FIRST-WIDTH gets a line of its own, so that long ids do not
  ;; widen the whole table.  (AFTER ROW) gives lines printed under ROW.
  (let* ((columns (length (first rows)))
         (widths (map (lambda (i)
                        (let ((widest (apply max (map (lambda (row) (string-length (list-ref row i)))
                                                      rows))))
                          (if (zero? i) (min widest first-width) widest)))
                      (iota columns)))
         (line (lambda (row)
                 (string-trim-right
                  (string-join (map (lambda (cell width) (string-pad-right cell (max width (string-length cell))))
                                    row widths)
                               "  ")))))
    (for-each (lambda (row)
                (if (> (string-length (first row)) (first widths))
                    (begin (format #t "~a~%" (first row))
                           (format #t "~a~%" (line (cons "" (cdr row)))))
                    (format #t "~a~%" (line row)))
                (for-each (cut format #t "~a~%" <>) (after row)))
              rows)))

(define (wrapped-lines text width)
  ;; TEXT cut into lines of at most WIDTH columns at spaces, where it can be.
  (let loop ((words (string-split text #\space)) (line "") (lines '()))
    (match words
      (() (reverse (if (string-null? line) lines (cons line lines))))
      ((word . rest)
       (cond ((string-null? line) (loop rest word lines))
             ((> (+ (string-length line) 1 (string-length word)) width)
              (loop rest word (cons line lines)))
             (else (loop rest (string-append line " " word) lines)))))))

(define (print-wrapped line indent)
  ;; LINE, indented by INDENT columns plus its own leading spaces, wrapped
  ;; at 78 columns with continuation lines indented four columns further.
  (let* ((own (or (string-skip line #\space) (string-length line)))
         (margin (make-string (+ indent own) #\space)))
    (match (wrapped-lines (string-trim line) (max 30 (- 78 indent own)))
      ((first . rest)
       (format #t "~a~a~%" margin first)
       (for-each (cut format #t "~a    ~a~%" margin <>) rest))
      (() (newline)))))

(define (plan-duration verdict)
  (cond ((memq (verdict-kind verdict) '(blocked opaque)) "-")
        ((known-hours verdict) => format-duration)
        ((hours-at-least verdict) => (lambda (hours) (string-append ">= " (format-duration hours))))
        (else "unknown")))

(define (obstacle-reasons verdict)
  ;; What blocks the verdict, or, when nothing does, what would decide it.
  (append (map blocker-reason (verdict-blockers verdict))
          (if (eq? (verdict-kind verdict) 'blocked)
              '()
              (map missing-fact-reason (verdict-missing verdict)))))

(define (weights-label graph id)
  ;; The id, and the file name when the catalog records one.
  (match (graph-node graph id)
    ((? artifact? a)
     (if (string-null? (artifact-name a)) id (format #f "~a (~a)" id (artifact-name a))))
    (_ id)))

(define (policy-column policy)
  ;; Narrow headers for the built-in policies; the key names them fully.
  (match (policy-name policy)
    ("guix-base-criterion" "GUIX-BASE")
    ("from-training-data" "FROM-DATA")
    ("debian-ml-policy" "DEBIAN-ML")
    ("osaid-1.0" "OSAID-1.0")
    ("mof" "MOF")
    (name (string-upcase name))))

(define (policy-cell policy verdict)
  (if (eq? (policy-classification policy) 'none)
      (short-verdict (verdict-kind verdict))
      (short-classification (verdict-classification verdict))))

(define (report-command context views hardware output-format)
  (let* ((policy (lint-context-policy context))
         (catalog-graph (lint-context-catalog-graph context))
         (warnings (append-map (cut check-package context <>) views))
         ;; (VIEW SHIPPED GRAPH) for every weights file shipped (built or
         ;; installed, or only present in the source) by a package whose
         ;; declarations form a graph.
         (all-shipped (append-map (lambda (view)
                                    (let ((graph (package-graph context view)))
                                      (if graph
                                          (map (lambda (s) (list view s graph))
                                               (package-shipped-weights context view))
                                          '())))
                                  views))
         (shipped (filter (match-lambda ((view s graph) (shipped-weights-installed? s)))
                          all-shipped))
         (not-built (remove (match-lambda ((view s graph) (shipped-weights-installed? s)))
                            all-shipped))
         (shipped-ids (map (compose shipped-weights-id second) all-shipped))
         (others (remove (cut member <> shipped-ids)
                         (provenance-graph-ids catalog-graph 'weights)))
         (policies (if (memq policy (builtin-policies))
                       (builtin-policies)
                       (append (builtin-policies) (list policy))))
         (evaluators (make-hash-table))
         (evaluators-of (lambda (graph)
                          (or (hashq-ref evaluators graph)
                              (let ((all (map (lambda (p)
                                                (cons p (make-evaluator graph #:policy p
                                                                        #:hardware hardware)))
                                              policies)))
                                (hashq-set! evaluators graph all)
                                all))))
         (verdict (lambda (graph id) (evaluate (assq-ref (evaluators-of graph) policy) id)))
         (verdicts (map (match-lambda ((view s graph) (verdict graph (shipped-weights-id s))))
                        shipped))
         (matrix (lambda (graph id)
                   ;; (POLICY . VERDICT) under every built-in policy, and
                   ;; the one asked for if it is the user's own.
                   (map (match-lambda
                          ((policy . evaluator) (cons policy (evaluate evaluator id))))
                        (evaluators-of graph))))
         (matrix->json (lambda (graph id)
                         (list->vector
                          (map (match-lambda
                                 ((policy . v)
                                  `((policy . ,(policy-name policy))
                                    (verdict . ,(verdict-kind v))
                                    (acceptable . ,(acceptable-verdict? v))
                                    (classification
                                     . ,(json-or-null (verdict-classification* v policy))))))
                               (matrix graph id)))))
         (deciding-of (lambda (graph id verdict)
                        (if (eq? 'undetermined (verdict-kind verdict))
                            (deciding context graph id)
                            '()))))
    (if (eq? output-format 'json)
        (emit-json
         (json-document
          "report" context
          `((packages . ,(list->vector (map package-view-full-name views)))
            (warnings . ,(list->vector (map (cut warning->json <> policy) warnings)))
            (weights
             . ,(list->vector
                 (map (lambda (entry verdict)
                        (match entry
                          ((view s graph)
                           `((package . ,(package-view-name view))
                             (version . ,(package-view-version view))
                             (weights . ,(shipped-weights-id s))
                             (file . ,(json-or-null (shipped-weights-file s)))
                             (verdict . ,(verdict->json verdict policy))
                             (deciding_facts
                              . ,(list->vector
                                  (map deciding-fact->json
                                       (deciding-of graph (shipped-weights-id s) verdict))))
                             (policies . ,(matrix->json graph (shipped-weights-id s)))))))
                      shipped verdicts)))
            (not_built
             . ,(list->vector
                 (map (match-lambda
                        ((view s graph)
                         `((package . ,(package-view-name view))
                           (version . ,(package-view-version view))
                           (weights . ,(shipped-weights-id s))
                           (file . ,(json-or-null (shipped-weights-file s))))))
                      not-built)))
            (other_weights
             . ,(list->vector
                 (map (lambda (id)
                        `((weights . ,id)
                          (policies . ,(matrix->json catalog-graph id))))
                      others))))))
        (let ((key (lambda ()
                     (format #t "~%From scratch: reproducible from scratch; retrainable: from free networks.~%"))))
          (format #t "Lint of ~a package~:p under ~a, on ~a:~%~%" (length views)
                  (policy-name policy) (hardware-profile-name hardware))
          (if (null? warnings)
              (format #t "nothing to report~%")
              (for-each (lambda (w) (format #t "~a~%" (warning->string w))) warnings))
          (format #t "~%Weights shipped, under ~a on ~a, each with what blocks it~%or would decide it:~%~%"
                  (policy-name policy) (hardware-profile-name hardware))
          (if (null? shipped)
              (format #t "none~%")
              (let* ((reasons (make-hash-table))
                     (rows (append-map
                            (lambda (entry verdict previous)
                              (match entry
                                ((view s graph)
                                 (let ((row (list (string-append "  " (shipped-weights-id s))
                                                  (short-verdict (verdict-kind verdict))
                                                  (plan-duration verdict))))
                                   (hashq-set! reasons row
                                               (append
                                                (match (shipped-weights-file s)
                                                  (#f '())
                                                  (file (list (string-append "      file: " file))))
                                                (map (cut string-append "      " <>)
                                                     (append-map (cut wrapped-lines <> 70)
                                                                 (obstacle-reasons verdict)))))
                                   ;; A package's name heads its weights.
                                   (if (and previous (eq? view (first previous)))
                                       (list row)
                                       (list (list (package-view-full-name view) "" "") row))))))
                            shipped verdicts (cons #f (drop-right shipped 1)))))
                (padded (cons '("PACKAGE AND WEIGHTS" "VERDICT" "WALL-CLOCK") rows)
                        #:first-width 44
                        #:after (lambda (row) (hashq-ref reasons row '())))
                (key)))
          (unless (null? not-built)
            (format #t "~%In the sources but not built or installed (not judged):~%~%")
            (padded (cons '("PACKAGE" "WEIGHTS" "FILE")
                          (map (match-lambda
                                 ((view s graph) (list (package-view-full-name view) (shipped-weights-id s)
                                                       (or (shipped-weights-file s) ""))))
                               not-built))))
          (unless (null? shipped)
            (format #t "~%Under every built-in policy~a (GUIX-BASE: guix-base-criterion,~%FROM-DATA: from-training-data, DEBIAN-ML: debian-ml-policy):~%~%"
                    (if (memq policy (builtin-policies)) "" ", and yours"))
            (padded (cons (cons "WEIGHTS" (map policy-column policies))
                          (map (match-lambda
                                 ((view s graph)
                                  (cons (shipped-weights-id s)
                                        (map (match-lambda ((policy . v) (policy-cell policy v)))
                                             (matrix graph (shipped-weights-id s))))))
                               shipped))))
          (let ((deciding (delete-duplicates
                           (filter-map (lambda (entry verdict)
                                         (match entry
                                           ((view s graph)
                                            (match (deciding-of graph (shipped-weights-id s) verdict)
                                              (() #f)
                                              (facts (cons (shipped-weights-id s) facts))))))
                                       shipped verdicts)
                           (lambda (a b) (string=? (car a) (car b))))))
            (unless (null? deciding)
              (format #t "~%What would decide the undetermined weights, under ~a on ~a:~%"
                      (policy-name policy) (hardware-profile-name hardware))
              (for-each (match-lambda
                          ((id . facts)
                           (format #t "~%~a~%" id)
                           (for-each (lambda (fact)
                                       (for-each (cut print-wrapped <> 2)
                                                 (deciding-fact->lines fact)))
                                     facts)))
                        deciding)))
          (unless (null? others)
            (format #t "~%Other weights of the catalog, under every built-in policy~a:~%~%"
                    (if (memq policy (builtin-policies)) "" ", and yours"))
            (padded (cons (cons "WEIGHTS" (map policy-column policies))
                          (map (lambda (id)
                                 (cons id (map (match-lambda ((policy . v) (policy-cell policy v)))
                                               (matrix catalog-graph id))))
                               others))))))
    (exit-status warnings verdicts)))

(define (show-command context packages operands output-format)
  (let-values (((view ids) (resolve-operands context packages "show" operands)))
    (let ((graph (graph-of context view)))
      (if (eq? output-format 'json)
          (emit-json
           (json-document
            "show" context
            `((lineages
               . ,(list->vector
                   (map (lambda (id)
                          `((target . ,id)
                            (ancestors . ,(list->vector (map entry->json (ancestors graph id))))))
                        ids))))))
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
  (let*-values (((view ids) (resolve-operands context packages "why" operands))
                ((evaluator) (evaluator-of context view))
                ((graph) (graph-of context view))
                ((verdicts) (map (cut evaluate evaluator <>) ids)))
    (if (eq? output-format 'json)
        (emit-json
         (json-document
          "why" context
          `((verdicts
             . ,(list->vector
                 (map (lambda (v)
                        (append (verdict->json v (lint-context-policy context))
                                `((deciding_facts
                                   . ,(list->vector
                                       (map deciding-fact->json
                                            (deciding context graph (verdict-target v))))))))
                      verdicts))))))
        (for-each (lambda (v)
                    (format #t "~a~%" (verdict-summary v))
                    (for-each (cut format #t "  ~a~%" <>) (verdict-explanation v))
                    (when explain?
                      (print-deciding (deciding context graph (verdict-target v)))))
                  verdicts))
    (exit-status '() verdicts)))

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
        (emit-json
         (json-document
          "scan" #f
          `((findings
             . ,(list->vector
                 (map (match-lambda
                        ((root . f)
                         `((root . ,root) (path . ,(scan-finding-path f))
                           (kind . ,(scan-finding-kind f)) (detail . ,(scan-finding-detail f))
                           (bytes . ,(scan-finding-bytes f))
                           (values . ,(json-or-null (scan-finding-values f)))
                           (in_tests . ,(scan-finding-in-tests? f)))))
                      findings))))))
        (for-each (match-lambda
                    ((root . f)
                     (format #t "~a: ~a: ~a~a~%"
                             (if (= 1 (length paths)) (scan-finding-path f)
                                 (string-append root "/" (scan-finding-path f)))
                             (scan-finding-kind f) (scan-finding-detail f)
                             (if (scan-finding-in-tests? f) " (test data)" ""))))
                  findings))
    0))

;; sha256 -> list of "ID" or "ID (PATH)" strings: the recorded weights
;; and weights files of DECLARATIONS (provenance records).
(define (recorded-files-by-sha256 declarations)
  (let ((table (make-hash-table)))
    (for-each
     (lambda (record)
       (for-each (lambda (a)
                   (when (and (artifact-sha256 a) (eq? 'weights (artifact-kind a)))
                     (hash-set! table (artifact-sha256 a)
                                (cons (artifact-id a) (hash-ref table (artifact-sha256 a) '())))))
                 (provenance-artifacts record))
       (for-each (lambda (shipped)
                   (for-each (match-lambda
                               ((path . sha256)
                                (hash-set! table sha256
                                           (cons (format #f "~a (~a)" (shipped-weights-id shipped) path)
                                                 (hash-ref table sha256 '())))))
                             (shipped-weights-files shipped)))
                 (provenance-shipped record)))
     declarations)
    table))

(define (inspect-command operands options output-format)
  (when (null? operands)
    (usage-error "inspect takes one or more files or directories"))
  (let* ((inspections (inspect-files operands #:hash? (not (assq-ref options 'no-hash?))))
         ;; Without hashes, nothing could be matched: the catalog stays unread.
         (recorded (if (or (assq-ref options 'no-catalog?) (assq-ref options 'no-hash?))
                       (make-hash-table)
                       (let-values (((views declarations) (load-catalog)))
                         (recorded-files-by-sha256 (filter provenance? declarations)))))
         (matches (lambda (i)
                    (reverse (or (and=> (inspection-sha256 i) (cut hash-ref recorded <>)) '()))))
         ;; Files named on the command line are all shown; inside
         ;; directories, only those of a known format.
         (shown (filter (lambda (i) (or (inspection-known-format? i)
                                        (member (inspection-path i) operands)))
                        inspections))
         (others (- (length inspections) (length shown))))
    (if (eq? output-format 'json)
        (emit-json
         (json-document
          "inspect" #f
          `((files . ,(list->vector
                       (map (lambda (i)
                              (append (inspection->json i)
                                      `((recorded_as . ,(list->vector (matches i))))))
                            shown)))
            (other_files . ,others))))
        (begin
          (for-each (lambda (i)
                      (print-inspection i #:matches (map (cut string-append "recorded as: " <>)
                                                         (matches i))))
                    shown)
          (when (positive? others)
            (format #t "~a other file~:p of no known weights format~%" others))))
    (if (any (lambda (i) (or (inspection-runs-code? i) (inspection-error i))) shown) 1 0)))

(define (hub-lineage-command files options output-format)
  (when (null? files)
    (usage-error "hub-lineage takes one or more files of Hub metadata in JSON lines"))
  (let* ((policy (lookup-named "policy" lookup-policy (map policy-name (builtin-policies))
                               (or (assq-ref options 'policy) "guix-base-criterion")))
         (report (hub-license-lineage files #:policy policy))
         (finding->json (lambda (f)
                          `((model . ,(lineage-finding-model f))
                            (license . ,(lineage-finding-license f))
                            (ancestor . ,(lineage-finding-ancestor f))
                            (ancestor_license . ,(json-or-null
                                                  (and (not (string-null? (lineage-finding-ancestor-license f)))
                                                       (lineage-finding-ancestor-license f))))
                            (distance . ,(lineage-finding-distance f))
                            (reason . ,(lineage-finding-reason f)))))
         (describe (lambda (f)
                     (format #f "~a (~a): ~a (~a), ~a derivation~:p up: ~a"
                             (lineage-finding-model f) (lineage-finding-license f)
                             (lineage-finding-ancestor f)
                             (if (string-null? (lineage-finding-ancestor-license f)) "license unknown"
                                 (lineage-finding-ancestor-license f))
                             (lineage-finding-distance f) (lineage-finding-reason f)))))
    (if (eq? output-format 'json)
        (emit-json
         (json-document
          "hub-lineage" #f
          `((models . ,(lineage-report-models report))
           (declared_free . ,(lineage-report-declared-free report))
           (offending . ,(list->vector (map finding->json (lineage-report-offending report))))
           (undetermined . ,(lineage-report-undetermined report))
           (undetermined_sample . ,(list->vector (map finding->json (lineage-report-undetermined-sample report))))
           (missing_bases . ,(list->vector
                              (map (match-lambda ((id . count) `((id . ,id) (named_by . ,count))))
                                   (lineage-report-missing report))))
           (cyclic . ,(list->vector (lineage-report-cyclic report)))
           (self_references . ,(lineage-report-self-references report))
           (unreadable_lines . ,(lineage-report-error-count report))
           (errors . ,(list->vector
                       (map (match-lambda ((where . message) `((where . ,where) (message . ,message))))
                            (lineage-report-errors report)))))
          #:policy policy))
        (let ((offending (lineage-report-offending report)))
          (format #t "~a model~:p, ~a declaring a license free under ~a.~%"
                  (lineage-report-models report) (lineage-report-declared-free report)
                  (policy-name policy))
          (format #t "~a declare~a a free license that an ancestor's does not allow~a~%"
                  (length offending) (if (= 1 (length offending)) "s" "")
                  (if (null? offending) "." ":"))
          (for-each (lambda (f) (format #t "  ~a~%" (describe f))) offending)
          (unless (zero? (lineage-report-undetermined report))
            (format #t "~a undetermined: an ancestor's license is unknown~a~%"
                    (lineage-report-undetermined report)
                    (if (< (length (lineage-report-undetermined-sample report))
                           (lineage-report-undetermined report))
                        (format #f " (the first ~a:)" (length (lineage-report-undetermined-sample report)))
                        ":"))
            (for-each (lambda (f) (format #t "  ~a~%" (describe f)))
                      (lineage-report-undetermined-sample report)))
          (match (lineage-report-missing report)
            (() #t)
            (missing
             (format #t "~a base model~:p named but not described, most named first:~%" (length missing))
             (for-each (match-lambda ((id . count) (format #t "  ~a (named by ~a)~%" id count)))
                       (take (sort missing (lambda (a b) (> (cdr a) (cdr b)))) (min 10 (length missing))))))
          (unless (null? (lineage-report-cyclic report))
            (format #t "on a cycle of base models: ~{~a~^, ~}~%" (lineage-report-cyclic report)))
          (unless (zero? (lineage-report-error-count report))
            (format #t "~a unreadable line~:p, skipped:~%" (lineage-report-error-count report))
            (for-each (match-lambda ((where . message) (format #t "  ~a~%" message)))
                      (lineage-report-errors report)))))
    (if (null? (lineage-report-offending report)) 0 1)))

(define (document-format name)
  (let ((kind (string->symbol name)))
    (unless (memq kind (document-formats))
      (usage-error "unknown document format '~a'; expected ~{~a~^, ~}" name (document-formats)))
    kind))

(define (import-command operands model-id)
  (match operands
    ((format-name file . more)
     (let ((kind (document-format format-name)))
       (for-each
        (lambda (file)
          (let-values (((record dropped) (read-document kind file #:model-id model-id)))
            (format #t ";; What ~a (~a) declares, read by model-provenance ~a.~%"
                    file format-name %model-provenance-version)
            (format #t ";; Paste it into the package's properties, quoted, and add what it
;; does not say: #:input for the weights the package ships, sources, compute.~%")
            (unless (null? dropped)
              (format #t ";; The graph has no place for:~%")
              (for-each (match-lambda
                          ((where . what) (format #t ";;   ~a: ~a~%" where what)))
                        dropped))
            (write-annotation (provenance->annotation record))))
        (cons file more))
       0))
    (_ (usage-error "import takes a format and one or more files"))))

(define (lineage-records graph ids)
  ;; The artifacts and steps of the lineages of IDS, with the documents
  ;; that describe them, as records.
  (let* ((lineage (delete-duplicates
                   (append ids (append-map (lambda (id) (map lineage-entry-id (ancestors graph id)))
                                           ids))))
         (documents (append-map (lambda (id)
                                  (if (artifact? (graph-node graph id)) (documents-of graph id) '()))
                                lineage))
         (nodes (map (lambda (id) (graph-node graph id))
                     (delete-duplicates (append lineage documents)))))
    (values (filter artifact? nodes) (filter step? nodes))))

(define (export-command context packages operands)
  (match operands
    ((format-name . names)
     (let ((kind (string->symbol format-name)))
       (unless (memq kind (writable-document-formats))
         (usage-error "export writes ~{~a~^, ~}, not '~a'" (writable-document-formats) format-name))
       (let*-values (((view ids) (resolve-operands context packages "export" names))
                     ((graph) (graph-of context view))
                     ((evaluator) (evaluator-of context view))
                     ((artifacts steps) (lineage-records graph ids)))
         (let ((policy (lint-context-policy context)))
           (display
            (write-document
             kind artifacts steps
             #:judgements
             (filter-map (lambda (a)
                           (and (eq? 'weights (artifact-kind a))
                                (let ((v (evaluate evaluator (artifact-id a))))
                                  (list (artifact-id a) (policy-name policy)
                                        (if (eq? 'none (policy-classification policy))
                                            (symbol->string (verdict-kind v))
                                            (verdict-class v))
                                        (verdict-summary v)
                                        (append (map blocker-reason (verdict-blockers v))
                                                (map missing-fact-reason (verdict-missing v)))))))
                         artifacts)))
           (newline)
           0))))
    (_ (usage-error "export takes a format and one or more artifact ids or package names"))))

(define (input-declarations options)
  ;; The provenance records of the documents given with --input FORMAT:FILE.
  (map (lambda (argument)
         (match (string-index argument #\:)
           (#f (usage-error "--input takes FORMAT:FILE, got '~a'" argument))
           (at (let-values (((record dropped)
                             (read-document (document-format (substring argument 0 at))
                                            (substring argument (+ at 1))
                                            #:model-id (assq-ref options 'model-id))))
                 record))))
       (reverse (filter-map (match-lambda (('input . value) value) (_ #f)) options))))

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
            ((provenance-error? e) (report-error program (exception-message e)) 2)
            ;; The primitives check what Scheme hands them, such as the
            ;; fields of a policy or hardware profile an -L file defines,
            ;; and say which field of which record is wrong.
            ((and (error? e) (exception-with-origin? e) (exception-with-irritants? e)
                  (eq? 'wrong-type-arg (exception-kind e)))
             (report-error program (format #f "~a: ~a" (exception-origin e)
                                           (apply format #f (exception-message e)
                                                  (exception-irritants e))))
             2))
    (let* ((options (parse-arguments arguments options))
           (operands (reverse (filter-map (match-lambda (('operand . o) o) (_ #f)) options)))
           (command (and (pair? operands) (car operands))))
      (cond
       ((and (assq-ref options 'help?) command (assoc command %commands))
        (command-help program packages-from options-help command) 0)
       ((and command (string=? command "help"))
        (match (cdr operands)
          (() (help program packages-from options-help))
          ((name) (command-help program packages-from options-help name))
          (_ (usage-error "help takes at most one command name")))
        0)
       ((assq-ref options 'help?) (help program packages-from options-help) 0)
       ((assq-ref options 'version?)
        (format #t "~a (model-provenance) ~a~%" program %model-provenance-version) 0)
       ((not command)
        (usage-error "missing command; expected ~{~a~^, ~}" (map car %commands)))
       ((not (assoc command %commands))
        (usage-error "unknown command '~a'; expected ~{~a~^, ~}" command (map car %commands)))
       (else
        (check-options-apply command options)
        (let ((output-format (assq-ref options 'format)))
          (when (and output-format
                     (not (memq output-format
                                (if (string=? command "graph") '(dot svg) '(text json)))))
            (usage-error "~a writes ~a, not ~a" command
                         (if (string=? command "graph") "dot or svg" "text or json")
                         output-format))
          (if (string=? command "hub-lineage")
              (hub-lineage-command (cdr operands) options (or output-format 'text))
          (if (string=? command "inspect")
              (inspect-command (cdr operands) options (or output-format 'text))
          (if (string=? command "import")
              (import-command (cdr operands) (assq-ref options 'model-id))
          (if (string=? command "scan")
              (scan-command (cdr operands) (or output-format 'text))
              (run-on-packages options operands output-format package-set)))))))))))

;; An option a command would ignore is a mistake worth saying.  Each
;; parsed option key, the %commands option names that take it, and how it
;; is spelt.
(define %option-keys
  '((policy (policy) "--policy") (hardware (hardware) "--hardware")
    (explain? (explain) "--explain") (source (source) "--source") (inspect (inspect) "--inspect")
    (input (input) "--input") (no-catalog? (no-catalog) "--no-catalog")
    (no-hash? (no-hash) "--no-hash") (model-id (model-id input) "--model-id")
    (format (format-text-json format-dot-svg) "--format")
    ;; The standalone command's -L: packages and declarations, for the
    ;; commands that judge.
    (load (load) "-L")))

(define (check-options-apply command options)
  (when (and (assq 'model-id options) (not (assq 'input options)) (not (string=? command "import")))
    (usage-error "--model-id names the model of a card read by import or --input, and there is none"))
  (match (assoc command %commands)
    ((_ _ _ takes)
     (for-each (match-lambda
                 ((key names spelling)
                  (when (and (assq key options) (not (any (cut memq <> takes) names)))
                    (usage-error "~a does not take ~a" command spelling))))
               %option-keys))
    (#f #t)))

(define (split-declarations declarations)
  ;; Provenance records, policies and hardware profiles, apart.
  (values (filter provenance? declarations)
          (filter policy? declarations)
          (filter hardware-profile? declarations)))

(define (run-on-packages options operands output-format package-set)
  (let*-values (((catalog-views catalog-declarations)
                 (if (assq-ref options 'no-catalog?) (values '() '()) (load-catalog)))
                ((packages) (package-set options catalog-views))
                ((declarations policies profiles)
                 (split-declarations (append catalog-declarations
                                             (package-set-declarations packages)
                                             (input-declarations options)))))
    (let* ((policy (lookup-named "policy"
                                 (lambda (name)
                                   (or (lookup-policy name)
                                       (find (lambda (p) (string=? name (policy-name p))) policies)))
                                 (map policy-name (append (builtin-policies) policies))
                                 (or (assq-ref options 'policy) "guix-base-criterion")))
           (hardware (lookup-named "hardware profile"
                                   (lambda (name)
                                     (or (lookup-hardware-profile name)
                                         (find (lambda (h) (string=? name (hardware-profile-name h)))
                                               profiles)))
                                   (map hardware-profile-name
                                        (append (builtin-hardware-profiles) profiles))
                                   (or (assq-ref options 'hardware) "desktop-amd-gpu")))
           (context (make-lint-context
                     #:catalog declarations
                     #:policy policy #:hardware hardware
                     #:other-annotations (package-set-annotations packages)
                     #:version-known?
                     (lambda (name version)
                       (and ((package-set-lookup packages) (string-append name "@" version))
                            #t)))))
      (match operands
        (("report" . names)
         (report-command context (choose-packages packages names) hardware
                         (or output-format 'text)))
        (("lint" . names)
         (lint-command context (choose-packages packages names) (or output-format 'text)
                       (assq-ref options 'explain?) (assq-ref options 'source)
                       (assq-ref options 'inspect)))
        (("show" . rest) (show-command context packages rest (or output-format 'text)))
        (("why" . rest)
         (why-command context packages rest (or output-format 'text) (assq-ref options 'explain?)))
        (("graph" . rest)
         (graph-command context packages rest (or output-format 'dot)))
        (("export" . rest) (export-command context packages rest))))))

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
   #:options-help "  -L, --load=FILE      read package views, (provenance ...) declarations,
                       policies and hardware profiles from FILE; may be
                       repeated\n"
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
              (input-error "~a: declares no package view, provenance, policy or hardware profile"
                           file))
            ;; A policy or profile named as a built-in one would be
            ;; shadowed without a word.
            (for-each (lambda (declaration)
                        (cond ((and (policy? declaration)
                                    (lookup-policy (policy-name declaration)))
                               (input-error "~a: policy '~a' is built in; give yours another name"
                                            file (policy-name declaration)))
                              ((and (hardware-profile? declaration)
                                    (lookup-hardware-profile (hardware-profile-name declaration)))
                               (input-error "~a: hardware profile '~a' is built in; give yours another name"
                                            file (hardware-profile-name declaration)))))
                      more-declarations)
            (loop rest (append views more-views) (append declarations more-declarations)))))))))
