;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The standalone command end to end: subcommands, exit statuses, output
;;; formats.  MODEL_PROVENANCE_COMMAND names the command to run.

(use-modules (srfi srfi-1) (srfi srfi-26) (srfi srfi-64) (sxml simple) (ice-9 match) (ice-9 popen) (ice-9 rdelim) (ice-9 regex) (ice-9 textual-ports))

(define command (or (getenv "MODEL_PROVENANCE_COMMAND") "model-provenance"))
(define data (string-append (dirname (current-filename)) "/data"))
(define packages (string-append data "/../../../catalog/guix-packages.scm"))
(define annotated (string-append data "/annotated-stockfish.scm"))
(define schema (string-append data "/../../../schema/model-provenance-output.schema.json"))
(define validator (string-append data "/../../schema/validate-output"))

;; Runs the command with ARGUMENTS; returns (status stdout stderr).
(define (run . arguments)
  (let* ((error-file (string-append (or (getenv "TMPDIR") "/tmp") "/model-provenance-cli-"
                                    (number->string (getpid))))
         (pipe (apply open-pipe* OPEN_READ "sh" "-c" "f=$1; shift; exec \"$@\" 2>\"$f\""
                      "sh" error-file command arguments))
         (output (get-string-all pipe))
         (status (status:exit-val (close-pipe pipe)))
         (errors (call-with-input-file error-file get-string-all)))
    (delete-file error-file)
    (list status output errors)))

(define (valid-output? result)
  ;; Whether RESULT's output is valid under the JSON schema; violations,
  ;; with their JSON pointers, go to the log.
  (let ((file (string-append (or (getenv "TMPDIR") "/tmp") "/mp-cli-json-" (number->string (getpid)))))
    (call-with-output-file file (lambda (port) (display (second result) port)))
    (let ((status (system* validator schema file)))
      (delete-file file)
      (zero? status))))

(define (status-of result) (first result))
(define (output-of result) (second result))
(define (errors-of result) (third result))

(test-begin "cli")

(let ((help (run "--help")))
  (test-equal "--help exits 0" 0 (status-of help))
  (test-assert "--help lists the commands"
    (every (lambda (word) (string-contains (output-of help) word))
           '("lint [PACKAGE]..." "show ID|PACKAGE" "why ID|PACKAGE" "graph ID|PACKAGE" "--load=FILE"))))

(let ((version (run "--version")))
  (test-equal "--version exits 0" 0 (status-of version))
  (test-assert "--version names the program" (string-prefix? "model-provenance (model-provenance) " (output-of version))))

(let ((usage (run "frobnicate")))
  (test-equal "an unknown command exits 2" 2 (status-of usage))
  (test-assert "and says so on stderr" (string-contains (errors-of usage) "unknown command 'frobnicate'"))
  (test-equal "nothing on stdout" "" (output-of usage)))

(test-equal "an unknown option exits 2" 2 (status-of (run "--frob")))
(test-equal "a missing command exits 2" 2 (status-of (run)))
(test-equal "an unknown policy exits 2" 2 (status-of (run "--no-catalog" "-L" packages "--policy=strict" "lint")))
(test-equal "a bad format exits 2" 2 (status-of (run "--format=xml" "lint")))
(test-equal "a missing file exits 2" 2 (status-of (run "-L" "/nonexistent.scm" "lint")))
(test-equal "a bad annotation exits 2, with its location" 2
  (status-of (run "-L" (string-append data "/bad-annotations/unknown-field.scm") "lint")))
(test-assert "the location is on stderr"
  (string-contains (errors-of (run "-L" (string-append data "/bad-annotations/unknown-field.scm") "lint"))
                   "unknown-field.scm:3:12: weights 'net': unknown field #:licence"))

(let ((lint (run "--no-catalog" "-L" packages "lint")))
  (test-equal "warnings exit 1" 1 (status-of lint))
  (test-equal "one line a warning, as guix lint prints them" 23
    (length (string-split (string-trim-right (output-of lint)) #\newline)))
  (test-assert "stockfish's big net"
    (string-contains (output-of lint)
                     "gnu/packages/games.scm:12028:4: stockfish@18: origin 'neural-network-big' (nn-c288c895ea92.nnue) looks like trained weights but has no model-provenance annotation\n")))

(test-equal "a package with nothing to report exits 0" '(0 "")
  (let ((r (run "--no-catalog" "-L" packages "lint" "lc0" "gnubg"))) (list (status-of r) (output-of r))))
(test-equal "an unknown package exits 2" 2 (status-of (run "--no-catalog" "-L" packages "lint" "no-such-package")))

(let ((json (run "--no-catalog" "-L" packages "--format=json" "lint" "stockfish")))
  (test-equal "JSON lint exits 1 too" 1 (status-of json))
  (test-assert "JSON lint is valid under the schema" (valid-output? json))
  (test-assert "one object with the common members, then the warnings"
    (string-prefix? "{\"schema\":\"urn:model-provenance:output:1\",\"schema_version\":1,\"command\":\"lint\"," (output-of json)))
  (test-assert "locations as numbers, package and version apart"
    (string-contains (output-of json) "{\"package\":\"stockfish\",\"version\":\"18\",\"location\":{\"file\":\"gnu/packages/games.scm\",\"line\":12028,\"column\":4},\"checker\":\"model-provenance\",\"kind\":\"unannotated-weights\"")))

(let ((why (run "--no-catalog" "-L" annotated "why" "stockfish")))
  (test-equal "why exits 0 when every net meets the policy" 0 (status-of why))
  (test-assert "why explains each shipped net"
    (and (string-contains (output-of why) "stockfish-18-big-net: retrainable-from-free-networks")
         (string-contains (output-of why) "stockfish-18-small-net: retrainable-from-free-networks"))))

(let ((why (run "--no-catalog" "-L" annotated "--policy=from-training-data" "--hardware=desktop-cpu" "--format=json"
                "why" "stockfish-18-big-net")))
  (test-equal "why as JSON: exit 1, the net fails this policy" 1 (status-of why))
  (test-assert "why as JSON is valid under the schema" (valid-output? why))
  (test-assert "with the policy and hardware asked for"
    (and (string-contains (output-of why) "\"policy\":\"from-training-data\"")
         (string-contains (output-of why) "\"hardware\":\"desktop-cpu\""))))

;; Every subcommand's JSON, valid under the schema; numbers and nulls
;; where the text says "unknown".
(for-each
 (match-lambda
   ((arguments . expected)
    (let ((result (apply run "--format=json" arguments)))
      (test-assert (string-append "valid JSON from " (string-join arguments " "))
        (and (memv (status-of result) '(0 1)) (valid-output? result)))
      (for-each (lambda (text)
                  (test-assert (string-append (string-join arguments " ") " says " text)
                    (string-contains (output-of result) text)))
                expected))))
 `((("lint") "\"command\":\"lint\"")
   (("show" "stockfish") "\"lineages\":[{\"target\":\"stockfish-18-big-net\"")
   (("why" "stockfish" "lc0-t2") "\"hours\":null" "\"device\":null")
   (("why" "--policy=osaid-1.0" "olmo-7b") "\"classification\":\"")
   (("why" "nanogpt-shakespeare-char") "\"acceptable\":true" "\"hours\":2.7")
   (("report") "\"not_built\":[{" "\"other_weights\":[{" "\"policies\":[{\"policy\":\"guix-base-criterion\"")
   (("report" "stockfish") "\"package\":\"stockfish\",\"version\":\"18\",\"weights\":\"stockfish-18-big-net\"")
   (("scan" ,(dirname (current-filename))) "\"command\":\"scan\",\"program_version\":")))

(let ((directory (string-append (or (getenv "TMPDIR") "/tmp") "/mp-cli-scan-" (number->string (getpid)))))
  (mkdir directory)
  (call-with-output-file (string-append directory "/vad.onnx")
    (lambda (port) (display "\x08\x07\x12\x07pytorch" port)))
  (let ((result (run "--format=json" "scan" directory)))
    (system* "rm" "-rf" directory)
    (test-assert "scan's JSON of a model file is valid under the schema"
      (and (string-contains (output-of result) "\"path\":\"vad.onnx\"") (valid-output? result)))))

(test-assert "the validator rejects what the schema forbids"
  (not (valid-output? (list 0 "{\"schema\":\"urn:model-provenance:output:1\",\"schema_version\":1,\"command\":\"lint\",\"program_version\":\"0\",\"policy\":null,\"hardware\":null,\"packages\":[],\"warnings\":[{\"package\":\"p\"}]}" ""))))

(let ((show (run "--no-catalog" "-L" annotated "show" "stockfish-18-big-net")))
  (test-equal "show exits 0" 0 (status-of show))
  (test-assert "show draws the tree"
    (string-contains (output-of show) "  train-stockfish-18-big-net  [step: train]")))

(let ((graph (run "--no-catalog" "-L" annotated "graph" "stockfish-18-big-net")))
  (test-equal "graph exits 0" 0 (status-of graph))
  (test-assert "graph writes DOT" (string-prefix? "digraph lineage {" (output-of graph))))

(test-equal "graph refuses JSON" 2 (status-of (run "--no-catalog" "-L" annotated "--format=json" "graph" "stockfish-18-big-net")))
(test-equal "show of something unknown exits 2" 2 (status-of (run "--no-catalog" "-L" annotated "show" "nothing")))

;; Reproducers of hostile inputs: each a clean error (exit 2, one line).
(define (declaration-file text)
  (let ((file (string-append (or (getenv "TMPDIR") "/tmp") "/mp-cli-hostile-" (number->string (getpid)) ".scm")))
    (call-with-output-file file (lambda (port) (display text port)))
    file))

(for-each
 (match-lambda
   ((name text expected)
    (let* ((file (declaration-file text))
           (result (run "--no-catalog" "-L" file "lint")))
      (delete-file file)
      (test-assert name
        (and (= 2 (status-of result))
             (string-contains (errors-of result) expected)
             (= 1 (length (string-split (string-trim-right (errors-of result)) #\newline))))))))
 '(("a step naming itself as output"
    "(provenance (step \"net\" 'train #:outputs '(\"net\")))"
    "step 'net' names 'net', which is a step, not an artifact")
   ("an empty file" "" "declares no package view, provenance, policy or hardware profile")
   ("an id with a newline" "(provenance (dataset \"a\\nb\"))" "contains a control character")))

(define (dot-node output id)
  ;; The DOT line that declares the node labelled ID.
  (find (lambda (line) (string-contains line (string-append "label=\"" id "\\n")))
        (string-split output #\newline)))

(define (dot-attribute line name)
  (match (and line (string-match (string-append "[ ,[]" name "=(\"[^\"]*\"|[^],]*)") line))
    (#f #f)
    (m (string-trim-both (match:substring m 1) #\"))))

(let* ((output (output-of (run "graph" "stockfish")))
       (big (dot-node output "stockfish-18-big-net"))
       (small (dot-node output "stockfish-18-small-net"))
       (binpacks (dot-node output "stockfish-small-net-binpacks"))
       (trainer (dot-node output "nnue-pytorch-linrock-lt950"))
       (small-step (dot-node output "train-stockfish-18-small-net"))
       (re-encode (dot-node output "re-encode-nn-2962dca31855")))
  (test-equal "graph of a package shipping two nets: one graph with both"
    1 (length (filter (cut string-prefix? "digraph" <>) (string-split output #\newline))))
  (test-equal "both nets drawn for, as weights (box3d, double border)"
    '(("box3d" "2") ("box3d" "2"))
    (map (lambda (line) (list (dot-attribute line "shape") (dot-attribute line "peripheries")))
         (list big small)))
  (test-equal "kinds have their shapes: data set, software, step"
    '("cylinder" "component" "box")
    (map (cut dot-attribute <> "shape") (list binpacks trainer small-step)))
  (test-assert "each weights node carries its verdict under the policy"
    (and (string-contains big "verdict: undetermined") (string-contains small "verdict: blocked")))
  (test-equal "status by fill and border: free green, license unknown yellow and dashed"
    '(("#d9f0d3" "filled") ("#fee391" "filled,dashed"))
    (map (lambda (line) (list (dot-attribute line "fillcolor") (dot-attribute line "style")))
         (list trainer binpacks)))
  (test-assert "what blocks the small net is drawn red, with its reason"
    (and (string=? "#b2182b" (dot-attribute small-step "color"))
         (string-contains small-step "blocking: 'nnue-pytorch-linrock-lt950' runs on")))
  (test-assert "steps carry their compute and wall-clock on the hardware"
    (and (string-contains re-encode "compute unknown")
         (string-contains re-encode "wall-clock unknown on desktop-amd-gpu")))
  (test-equal "the cheapest plan in blue: the re-encoding of the free net"
    "#2166ac" (dot-attribute re-encode "color"))
  (test-assert "edges carry roles"
    (and (string-contains output "[label=\"initial weights\"")
         (string-contains output "[label=\"training data\"")
         (string-contains output "[label=\"software\"")))
  (test-assert "a legend" (string-contains output "subgraph cluster_legend")))

(test-assert "--policy changes the verdicts drawn"
  (let ((output (output-of (run "graph" "--policy" "osaid-1.0" "olmo-7b")))
        (default (output-of (run "graph" "olmo-7b"))))
    (and (string-contains output "under osaid-1.0")
         (not (equal? (dot-node output "olmo-7b") (dot-node default "olmo-7b"))))))

(let ((olmo (output-of (run "graph" "--policy=mof" "olmo-7b"))))
  (test-assert "documents are drawn with what they describe, and their kind"
    (and (string-contains olmo "[style=dotted, arrowhead=none, label=\"describes\"]")
         (equal? "note" (dot-attribute (dot-node olmo "olmo-7b-model-card") "shape"))
         (string-contains (dot-node olmo "olmo-7b-model-card") "document (model-card)")))
  (test-assert "the weights carry their MOF class"
    (string-contains (dot-node olmo "olmo-7b") "MOF Class III, Open Model")))

(test-assert "--hardware changes the plan: CUDA-only training blocks on every profile but is named"
  (string-contains (output-of (run "graph" "--hardware=desktop-nvidia-gpu" "lc0-t2"))
                   "desktop-nvidia-gpu only through proprietary"))

(let ((several (run "graph" "lc0-t2" "stockfish-18-big-net")))
  (test-equal "graph of several ids: one graph" '(0 1)
    (list (status-of several)
          (length (filter (cut string-prefix? "digraph" <>)
                          (string-split (output-of several) #\newline)))))
  (test-assert "with both targets"
    (and (dot-node (output-of several) "lc0-t2") (dot-node (output-of several) "stockfish-18-big-net"))))

;; Graphviz is a test dependency (.ci/run installs it): no silent skip.
(let* ((svg (run "graph" "--format=svg" "stockfish"))
         (document (false-if-exception
                    (xml->sxml (output-of svg) #:trim-whitespace? #t
                               #:namespaces '((svg . "http://www.w3.org/2000/svg")))))
         (texts (let collect ((node document))
                  (cond ((string? node) (list node))
                        ((pair? node) (append-map collect node))
                        (else '())))))
    (test-equal "--format=svg exits 0" 0 (status-of svg))
    (test-assert "the SVG is well-formed XML with an svg root"
      (match document (('*TOP* _ ... ('svg:svg . _)) #t) (_ #f)))
    (test-assert "and draws both nets and the legend"
      (every (cut member <> texts) '("stockfish-18-big-net" "stockfish-18-small-net" "Legend"))))

(test-equal "text and json are not picture formats for graph" '(2 2)
  (map (lambda (format) (status-of (run "graph" (string-append "--format=" format) "stockfish")))
       '("text" "json")))

(test-assert "graph of a step draws its lineage"
  (let ((r (run "graph" "train-lc0-t2")))
    (and (= 0 (status-of r)) (equal? "box" (dot-attribute (dot-node (output-of r) "train-lc0-t2") "shape")))))

(test-equal "the same -L file twice is read once, not a false all-clear"
  (let ((r (run "-L" packages "lint" "stockfish"))) (list (status-of r) (output-of r)))
  (let ((r (run "-L" packages "-L" packages "lint" "stockfish"))) (list (status-of r) (output-of r))))

(test-equal "the annotated package lints clean" '(0 "")
  (let ((r (run "--no-catalog" "-L" annotated "lint"))) (list (status-of r) (output-of r))))

;;; With the catalog, the default.

(let ((lint (run "-L" packages "lint" "stockfish")))
  (test-equal "the catalog knows stockfish's nets: verdicts, not missing annotations" 1 (status-of lint))
  (test-assert "by their hashes and package"
    (and (string-contains (output-of lint) "weights 'stockfish-18-big-net': undetermined under guix-base-criterion")
         (not (string-contains (output-of lint) "no model-provenance annotation")))))

(test-equal "show, why and graph find a package's weights through the catalog; why exits 1 as they fail the policy"
  '(0 1 0)
  (map (lambda (command) (status-of (run command "stockfish"))) '("show" "why" "graph")))

(test-assert "why of a catalog package explains both nets"
  (let ((output (output-of (run "why" "stockfish"))))
    (and (string-contains output "stockfish-18-big-net: ")
         (string-contains output "stockfish-18-small-net: "))))

(test-equal "a file redeclaring a catalog id as another kind: exit 2, located"
  '(2 #t)
  (let* ((file (string-append (or (getenv "TMPDIR") "/tmp") "/mp-cli-conflict-" (number->string (getpid)) ".scm"))
         (_ (call-with-output-file file
              (lambda (port) (write '(provenance (dataset "nnue-pytorch" #:license "CC0-1.0")) port))))
         (result (run "-L" file "lint" "stockfish")))
    (delete-file file)
    (list (status-of result)
          (and (string-contains (errors-of result)
                                "'nnue-pytorch' is declared as dataset here but is software already")
               #t))))

(define scratch (string-append (or (getenv "TMPDIR") "/tmp") "/mp-cli-scan-" (number->string (getpid))))
(mkdir scratch)
(mkdir (string-append scratch "/src"))
(call-with-output-file (string-append scratch "/src/rnn_data.c")
  (lambda (port)
    (format port "static const short denoise_gru_weights[600] = {~{~a~^, ~}};~%" (iota 600))))
(call-with-output-file (string-append scratch "/vad.onnx") (lambda (port) (display "x" port)))

(let ((scan (run "scan" scratch)))
  (test-equal "scan lists model files and weights compiled into C" 0 (status-of scan))
  (test-equal "one line each"
    "src/rnn_data.c: c-weights: 1 array named like weights, 600 values (such as static const short denoise_gru_weights[600])\nvad.onnx: onnx: onnx model file\n"
    (output-of scan)))

(test-equal "scan of something missing: exit 2" 2 (status-of (run "scan" "/nonexistent-source")))

(let ((lint (run "--source" scratch "lint" "rnnoise")))
  (test-equal "lint --source VALUE (GNU form) compares the source with the record" 1 (status-of lint))
  (test-assert "unrecorded weights in the source are reported"
    (string-contains (output-of lint) "source file vad.onnx looks like trained weights (onnx model file) but has no model-provenance annotation")))

(test-equal "--source needs exactly one package" 2 (status-of (run "--source" scratch "lint")))
(test-equal "-L without its value: a usage error" 2 (status-of (run "lint" "-L")))
(system* "rm" "-rf" scratch)

;;; Every option, in both forms; every usage error is one line and exit 2.

(for-each
 (lambda (form)
   ;; gnubg's weights are Open Source AI under osaid-1.0 (exit 0), not
   ;; classified under mof and undetermined under the default (exit 1).
   (test-equal (string-append "options as " form)
     '(0 1 0 0 1)
     (map (lambda (arguments) (status-of (apply run arguments)))
          (if (string=? form "--opt=value")
              `(("--policy=osaid-1.0" "--hardware=desktop-cpu" "--format=json" "why" "gnubg")
                ("-p" "mof" "-f" "text" "why" "gnubg")
                (,(string-append "--load=" annotated) "--no-catalog" "show" "stockfish-18-big-net")
                ("--explain" "--no-catalog" "-L" ,annotated "lint" "stockfish")
                (,(string-append "--source=" (dirname (current-filename))) "lint" "gnubg"))
              `(("--policy" "osaid-1.0" "--hardware" "desktop-cpu" "--format" "json" "why" "gnubg")
                ("-pmof" "-ftext" "why" "gnubg")
                ("--load" ,annotated "--no-catalog" "show" "stockfish-18-big-net")
                ("-e" "--no-catalog" "-L" ,annotated "lint" "stockfish")
                ("--source" ,(dirname (current-filename)) "lint" "gnubg"))))))
 '("--opt=value" "--opt value"))

(for-each
 (lambda (arguments)
   (let ((result (apply run arguments)))
     (test-assert (string-append "usage error, one line, exit 2: " (string-join arguments " "))
       (and (= 2 (status-of result))
            (string=? "" (output-of result))
            (= 1 (length (string-split (string-trim-right (errors-of result)) #\newline)))
            (string-prefix? "model-provenance: error: " (errors-of result))))))
 `(("--policy") ("--hardware") ("--format") ("--source") ("-L") ("-p") ("-f")
   ("--policy=nope" "lint") ("--hardware=nope" "lint") ("--format=xml" "lint") ("--frob")
   ("-x") ("frobnicate") () ("show") ("show" "a" "nothing") ("scan") ("-L" "/nonexistent" "lint")
   ("help" "frobnicate") ("--format=svg" "lint") ("--format=json" "graph" "lc0-t2")
   ("--policy=mof" "scan" "/tmp") ("--input=prov:/x" "scan" "/tmp") ("--format=json" "import" "prov" "/x")
   ("inspect") ("-L" "/tmp/x.scm" "inspect" "/tmp") ("--policy=mof" "inspect" "/tmp") ("--no-hash" "lint")
   ("inspect" "/nonexistent/net.bin") ("hub-lineage") ("hub-lineage" "/nonexistent.jsonl")
   ("-L" "/tmp/x.scm" "hub-lineage" "/tmp/x") ("--policy=nope" "hub-lineage" "/tmp/x")
   ("--model-id=x" "lint" "stockfish")
   ("-L" "/tmp" "lint") ("--source=/nonexistent" "lint" "gnubg") ("--source=/tmp" "lint")))

(let ((report (run "report")))
  (test-equal "the main job exits 1: weights fail the policy" 1 (status-of report))
  (test-assert "it lints, tabulates and compares the policies"
    (every (lambda (text) (string-contains (output-of report) text))
           '("Lint of 50 packages under guix-base-criterion, on desktop-amd-gpu:"
             "PACKAGE AND WEIGHTS  " "VERDICT  " "WALL-CLOCK"
             "Under every built-in policy (GUIX-BASE: guix-base-criterion,"
             "What would decide the undetermined weights, under guix-base-criterion on desktop-amd-gpu:")))
  (test-assert "a package heads its weights, each with its reasons under it"
    (regexp-exec (make-regexp "\nstockfish@18\n  stockfish-18-big-net +undetermined +unknown\n      no software is recorded for step 're-encode-nn-2962dca31855'\n  stockfish-18-small-net +blocked +-\n      'nnue-pytorch-linrock-lt950' runs on cuda;")
                 (output-of report)))
  (test-assert "tables stay narrow: lines other than lint's under 120 columns"
    (every (lambda (line) (or (string-prefix? "gnu/packages/" line) (< (string-length line) 120)))
           (string-split (output-of report) #\newline)))
  (test-assert "a reference model reproducible from scratch"
    (regexp-exec (make-regexp "\nnanogpt-shakespeare-char +from scratch ") (output-of report))))

(let ((report (run "--format=json" "report" "stockfish")))
  (test-equal "the main job as JSON: exit 1 too" 1 (status-of report))
  (test-assert "one object" (valid-output? report)))

(test-equal "under a policy with classes, the class decides the exit status"
  '(0 1 0 1)
  (map (lambda (arguments) (status-of (apply run arguments)))
       '(("--policy=mof" "why" "olmo-7b")          ;MOF Class III
         ("--policy=mof" "why" "lc0-t2")           ;not classified
         ("--policy=osaid-1.0" "why" "olmo-7b")    ;Open Source AI
         ("--policy=debian-ml-policy" "why" "lc0-t2")))) ;ToxicCandy

(test-assert "an acceptable plan whose compute is unknown says so, not \"no time\""
  (string-contains (output-of (run "--policy=osaid-1.0" "why" "gnubg"))
                   "on desktop-amd-gpu, in a time not known (the compute is not recorded)"))

(test-equal "report of packages whose weights all pass exits 0" 0
  (status-of (run "--no-catalog" "-L" annotated "report")))

;;; Per-subcommand help.

(for-each
 (lambda (command)
   (let ((help (run command "--help"))
         (help* (run "help" command)))
     (test-assert (string-append command " --help describes " command " alone")
       (and (= 0 (status-of help))
            (string-prefix? (string-append "Usage: model-provenance [OPTION]... " command " ") (output-of help))
            (equal? (output-of help) (output-of help*))))))
 '("lint" "show" "why" "graph" "report" "scan" "inspect" "import" "export" "hub-lineage"))

(test-assert "graph --help names its formats, lint --help does not"
  (and (string-contains (output-of (run "graph" "--help")) "dot (default) or svg")
       (not (string-contains (output-of (run "lint" "--help")) "svg"))))

;;; inspect: weights files looked into.

(define weights-directory (string-append data "/../../data/weights"))
(define fasttext-model (string-append weights-directory "/sentiment-demo-fasttext.bin"))

(let ((inspect (run "inspect" weights-directory)))
  (test-equal "inspect of a directory exits 0: nothing would run code" 0 (status-of inspect))
  (test-assert "it gives the format, the hash, the training arguments and labels"
    (every (cut string-contains (output-of inspect) <>)
           '("sentiment-demo-fasttext.bin: fasttext (fastText model, version 12, quantized)\n"
             "  sha256: a88bf0de7dff74d740cd45048521d319ff7c2560085f2604af265561e72ec4bc\n"
             "  size: 96,339 bytes; 74,571 parameters; 2 tensors\n"
             "  args.model: supervised\n"
             "  labels: __label__q __label__pos __label__neu __label__neg\n"
             "  tensor input: product-quantized [3547×21]\n")))
  (test-assert "and counts the files of no known format instead of listing them"
    (and (string-contains (output-of inspect) "other file")
         (not (string-contains (output-of inspect) "README: unknown")))))

(let ((inspect (run "--format=json" "--no-hash" "inspect" fasttext-model)))
  (test-equal "inspect --format=json exits 0" 0 (status-of inspect))
  (test-assert "its JSON is valid under the schema, without hashes under --no-hash"
    (and (valid-output? inspect)
         (string-contains (output-of inspect) "\"sha256\":null,\"parameters\":74571")
         (string-contains (output-of inspect) "\"runs_code\":false"))))

(let ((inspect (run "inspect" (string-append data "/annotated-stockfish.scm"))))
  (test-equal "a file named on the command line is shown even of no known format" 0 (status-of inspect))
  (test-assert "as unknown" (string-contains (output-of inspect) "annotated-stockfish.scm: unknown\n")))

(let* ((cut-model (string-append (or (getenv "TMPDIR") "/tmp") "/mp-cut-" (number->string (getpid)) ".bin")))
  (call-with-output-file cut-model
    (lambda (port)
      (put-string port (substring (call-with-input-file fasttext-model get-string-all #:encoding "ISO-8859-1")
                                  0 5000)))
    #:encoding "ISO-8859-1")
  (let ((inspect (run "inspect" cut-model)))
    (delete-file cut-model)
    (test-equal "a truncated model exits 1" 1 (status-of inspect))
    (test-assert "with an error naming the file and the byte"
      (string-contains (output-of inspect) (string-append "  error: " cut-model ": byte ")))))

;; Debian's file, when installed; where the tests must have it
;; (MP_REQUIRE_REAL_WEIGHTS, as build-aux/run-tests sets on Debian), its
;; absence fails.
(when (or (file-exists? "/usr/share/tesseract-ocr/5/tessdata/eng.traineddata")
          (getenv "MP_REQUIRE_REAL_WEIGHTS"))
  (test-assert "Debian's English Tesseract model is tessdata_fast 4.1.0's, as the catalog records it"
    (string-contains (output-of (run "inspect" "/usr/share/tesseract-ocr/5/tessdata/eng.traineddata"))
                     "  recorded as: tessdata-fast-4.1.0 (eng.traineddata)\n")))

(let ((directory (string-append (or (getenv "TMPDIR") "/tmp") "/mp-cli-inspect-" (number->string (getpid)))))
  (mkdir directory)
  ;; Not the English model at all: the fastText classifier, renamed.
  (copy-file fasttext-model (string-append directory "/eng.traineddata"))
  (let ((lint (run "--inspect" directory "lint" "tesseract-ocr-tessdata-fast")))
    (test-equal "lint --inspect: a file unlike its record exits 1" 1 (status-of lint))
    (test-assert "its sha256 and format are compared with the catalog's record"
      (and (string-contains (output-of lint) "weights 'tessdata-fast-4.1.0' (eng.traineddata): sha256 a88bf0de7dff74d740cd45048521d319ff7c2560085f2604af265561e72ec4bc differs from the recorded 7d4322bd2a7749724879683fc3912cb542f19906c83bcc1a52132556427170b2")
           (string-contains (output-of lint) "weights 'tessdata-fast-4.1.0' (eng.traineddata): the file is fasttext, not traineddata as recorded")))
    (test-assert "and the recorded files the directory lacks are one line"
      (string-contains (output-of lint) "weights 'tessdata-fast-4.1.0': 104 recorded files missing from ")))
  (test-equal "--inspect takes one package" 2 (status-of (run "--inspect" directory "lint")))
  (system* "rm" "-rf" directory))
(test-equal "--inspect of something that is no directory: exit 2" 2
            (status-of (run "--inspect" "/nonexistent" "lint" "tesseract-ocr-tessdata-fast")))

;; A pickle whose loading runs os.system, in protocol 0, as a package's
;; weights named by an absolute #:file.
(let* ((scratch (string-append (or (getenv "TMPDIR") "/tmp") "/mp-cli-pickle-" (number->string (getpid))))
       (evil (string-append scratch "/chat.pkl"))
       (packages (string-append scratch "/chat.scm")))
  (mkdir scratch)
  (call-with-output-file evil (lambda (port) (display "cos\nsystem\n(S'true'\ntR." port)))
  (call-with-output-file packages
    (lambda (port)
      (write `(package-view "chat" "1.0"
                #:origins (list (origin-view "source" #:uris '("https://example.org/chat-1.0.tar.gz")))
                #:properties
                `((model-provenance
                   . ,(provenance
                       (weights "chat-net" #:file ,evil #:format "pickle" #:license "MIT")))))
             port)))
  (let ((inspect (run "inspect" evil)))
    (test-equal "inspect of a pickle that runs code exits 1" 1 (status-of inspect))
    (test-assert "and names the import it would run, and where"
      (string-contains (output-of inspect)
                       (string-append "  RUNS CODE when loaded: dangerous: imports os.system and calls it (a known way to run commands or code) ("
                                      evil ": byte 0)\n"))))
  (let ((lint (run "--no-catalog" "-L" packages "lint" "chat")))
    (test-equal "lint of a package whose local weights file runs code exits 1" 1 (status-of lint))
    (test-assert "with a runs-code warning at the weights"
      (string-contains (output-of lint)
                       (string-append "chat@1.0: weights 'chat-net' (" evil "): loading " evil " runs code: dangerous: imports os.system"))))
  (system* "rm" "-rf" scratch))

(let ((directory (string-append (or (getenv "TMPDIR") "/tmp") "/mp-cli-nets-" (number->string (getpid)))))
  (mkdir directory)
  ;; Named as Stockfish's big net, but another file.
  (copy-file (string-append weights-directory "/synthetic.nnue") (string-append directory "/nn-c288c895ea92.nnue"))
  (let ((lint (run "--inspect" directory "lint" "stockfish")))
    (test-assert "lint --inspect finds an origin's file by its name, and checks its hash against it"
      (and (= 1 (status-of lint))
           (string-contains (output-of lint) "weights 'stockfish-18-big-net': its name says sha256 c288c895ea92..., but its sha256 is ")
           (string-contains (output-of lint) "differs from the recorded c288c895ea924429ea9092e3f36b2b3c1f00f2a3a4c759ff7e57e79e3b43e4a7")))
    (test-assert "and says what it could not find"
      (string-contains (output-of lint) "weights 'stockfish-18-small-net': neither #:file, #:files nor their origin's file name is found in ")))
  (system* "rm" "-rf" directory))

;;; hub-lineage: a Hub's license lineage in one pass.

(let ((hub (string-append (or (getenv "TMPDIR") "/tmp") "/mp-cli-hub-" (number->string (getpid)) ".jsonl")))
  (call-with-output-file hub
    (lambda (port)
      (display "{\"id\":\"meta-llama/Llama-2-7b-hf\",\"cardData\":{\"license\":\"llama2\"}}
{\"id\":\"someone/llama2-ft\",\"cardData\":{\"license\":\"apache-2.0\",\"base_model\":\"meta-llama/Llama-2-7b-hf\"}}
{\"id\":\"someone/llama2-ft-q4\",\"tags\":[\"license:mit\",\"base_model:quantized:someone/llama2-ft\"]}
{\"id\":\"x/y\",\"cardData\":{\"license\":\"mit\",\"base_model\":\"nobody/missing\"}}
not json
" port)))
  (let ((text (run "hub-lineage" hub))
        (json (run "--format=json" "hub-lineage" hub)))
    (test-equal "hub-lineage exits 1 when a license claims more than its lineage allows" 1 (status-of text))
    (test-assert "it names each such model with its nearest restrictive ancestor, however far up"
      (every (cut string-contains (output-of text) <>)
             '("4 models, 3 declaring a license free under guix-base-criterion.\n"
               "2 declare a free license that an ancestor's does not allow:\n"
               "  someone/llama2-ft (Apache-2.0): meta-llama/Llama-2-7b-hf (llama2), 1 derivation up: "
               "  someone/llama2-ft-q4 (MIT): meta-llama/Llama-2-7b-hf (llama2), 2 derivations up: "
               "  x/y (MIT): nobody/missing (license unknown), 1 derivation up: no line describes it\n"
               "1 unreadable line, skipped:\n")))
    (test-assert "its JSON is valid under the schema"
      (and (= 1 (status-of json)) (valid-output? json)
           (string-contains (output-of json) "\"unreadable_lines\":1"))))
  (delete-file hub))

;;; Policies and hardware profiles from -L files.

(define custom-file
  (let ((file (string-append (or (getenv "TMPDIR") "/tmp") "/mp-cli-policy-" (number->string (getpid)) ".scm")))
    (call-with-output-file file
      (lambda (port)
        (write '(policy "cuda-tolerant" #:description "the base criterion, CUDA allowed"
                        #:allow-proprietary-backends? #t)
               port)
        (write '(hardware-profile "lab-gpu" #:description "a lab's NVIDIA GPU"
                                  #:backends (list (backend-capacity 'cuda "RTX 4090" 82.6e12 24000000000 #t)
                                                   (backend-capacity 'cpu "CPU" 1e12 64000000000 #f)))
               port)))
    file))

(test-equal "--policy finds a policy an -L file defines, and it changes the verdict"
  '(1 #t)
  (let ((r (run "-L" custom-file "--policy=cuda-tolerant" "--hardware=lab-gpu" "why" "lc0-t2")))
    (list (status-of r)
          (and (string-contains (output-of r) "under policy cuda-tolerant, on lab-gpu")
               (not (string-contains (output-of r) "runs on cuda")) #t))))
(test-assert "report tabulates the user's policy beside the built-in ones"
  (let ((output (output-of (run "-L" custom-file "--policy=cuda-tolerant" "report" "lc0"))))
    (string-contains output "CUDA-TOLERANT")))
(test-assert "an unknown policy's error lists the defined ones too"
  (string-contains (errors-of (run "-L" custom-file "--policy=cuda" "why" "lc0-t2")) "cuda-tolerant"))
(test-assert "a hardware profile with a field of the wrong type: one line naming it, exit 2"
  (let* ((file (declaration-file "(hardware-profile \"bad\" #:backends (list (backend-capacity 'cpu \"CPU\" 1e12 6.4e10 #f)))"))
         (r (run "-L" file "--hardware=bad" "why" "lc0-t2")))
    (delete-file file)
    (and (= 2 (status-of r))
         (= 1 (length (string-split (string-trim-right (errors-of r)) #\newline)))
         (string-contains (errors-of r) "hardware profile 'bad' backends element 0 memory"))))
(test-equal "a file redefining a built-in policy is an input error" 2
  (let ((file (declaration-file "(policy \"mof\")")))
    (let ((status (status-of (run "-L" file "lint"))))
      (delete-file file)
      status)))
(delete-file custom-file)

(test-equal "a missing catalog is an input error" 2
  (let ((catalog (getenv "MODEL_PROVENANCE_CATALOG")))
    (setenv "MODEL_PROVENANCE_CATALOG" "/nonexistent-catalog")
    (let ((status (status-of (run "report"))))
      (if catalog (setenv "MODEL_PROVENANCE_CATALOG" catalog) (unsetenv "MODEL_PROVENANCE_CATALOG"))
      status)))

;;; Other formats: import, export, --input.

(define luna-card (string-append data "/../../data/huggingface/luna-ai-llama2-uncensored-ggml.md"))
(define luna "TheBloke/Luna-AI-Llama2-Uncensored-GGML")

(let* ((result (run "import" "--model-id" luna "model-card" luna-card))
       (annotation (false-if-exception
                    (call-with-input-string (output-of result)
                      (lambda (port) (read port))))))
  (test-equal "import writes an annotation" 0 (status-of result))
  (test-assert "citing the document it read"
    (string-contains (output-of result) (string-append ";; What " luna-card " (model-card) declares")))
  (test-assert "plain data: (model-provenance CLAUSE ...) with the card's license and base model"
    (match annotation
      (('model-provenance . clauses)
       (and (member `(weights ,luna #:name "Luna-AI-Llama2-Uncensored-GGML" #:license "llama2"
                              #:uris (,(string-append "https://huggingface.co/" luna)))
                    clauses)
            (any (match-lambda (('step _ 'quantize . _) #t) (_ #f)) clauses)))
      (_ #f)))
  ;; Placed in a package, with the input the weights ship through.
  (let ((file (declaration-file
               (call-with-output-string
                 (lambda (port)
                   (write `(package-view "luna-ggml" "1"
                             #:location '((filename . "luna.scm") (line . 0) (column . 0))
                             #:origins (list (origin-view "source" #:uris '("https://example.org/luna.bin")))
                             #:properties
                             '((model-provenance
                                ,@(map (match-lambda
                                         (('weights (? (cut string=? <> luna) id) . fields)
                                          `(weights ,id #:input "source" ,@fields))
                                         (clause clause))
                                       (cdr annotation)))))
                          port))))))
    (let ((lint (run "--no-catalog" "-L" file "lint")))
      (delete-file file)
      (test-equal "and placed in a package, lint gives the verdict the card supports" 1 (status-of lint))
      (test-assert "blocked by the Llama 2 license the card declares"
        (string-contains (output-of lint) "luna-ggml@1: weights 'TheBloke/Luna-AI-Llama2-Uncensored-GGML': cannot be re-made under guix-base-criterion: license llama2")))))

(let ((why (run "--input" (string-append "model-card:" luna-card) "--model-id" luna "why" luna)))
  (test-equal "--input reads a document beside the catalog" 1 (status-of why))
  (test-assert "and judges what it declares" (string-contains (output-of why) "llama2: a Llama community license")))

(test-equal "--input without FORMAT: is a usage error" 2 (status-of (run "--input" luna-card "why" luna)))
(test-equal "import of an unknown format is a usage error" 2 (status-of (run "import" "docx" luna-card)))
(test-equal "export of a format it does not write is a usage error" 2
  (status-of (run "export" "model-card" "stockfish")))

(for-each
 (lambda (format)
   (let* ((file (string-append (or (getenv "TMPDIR") "/tmp") "/mp-cli-export-" (number->string (getpid))
                               "." format ".json"))
          (exported (run "export" format "stockfish"))
          (_ (call-with-output-file file (lambda (port) (display (output-of exported) port))))
          (again (run "--no-catalog" "--input" (string-append format ":" file) "why" "stockfish-18-small-net"))
          (original (run "why" "stockfish-18-small-net")))
     (delete-file file)
     (test-equal (string-append "export " format " exits 0") 0 (status-of exported))
     (test-equal (string-append "an exported " format " lineage, read back alone, gives the same verdict")
       (first (string-split (output-of original) #\newline))
       (first (string-split (output-of again) #\newline)))))
 '("spdx3" "cyclonedx" "prov"))

(test-end "cli")
