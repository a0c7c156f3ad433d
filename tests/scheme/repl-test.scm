;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The procedures behind the REPL's meta-commands.  The commands themselves
;;; are run through a real REPL by the scheme.repl-commands test.

(use-modules (srfi srfi-64) (ice-9 exceptions)
             (model-provenance graph) (model-provenance evaluate) (model-provenance repl))

(load "chess.scm")

(define (output-of thunk)
  (call-with-output-string (lambda (port) (parameterize ((current-output-port port)) (thunk)))))

(test-begin "repl")

(test-assert "without a graph, a clear error"
  (guard (e ((error? e) (string-contains (exception-message e) "use-provenance-graph!")))
    (show-lineage "sf-net")
    #f))

(use-provenance-graph! (chess-graph))

(test-equal "the lineage tree"
  (string-append
   "sf-net  (weights, license CC0-1.0)  => retrainable-from-free-networks\n"
   "  train-sf  [step: train]\n"
   "    nnue-pytorch  (software, license GPL-3.0-or-later)\n"
   "    sf-binpack  (dataset, license CC0-1.0)\n")
  (output-of (lambda () (show-lineage "sf-net" #:max-depth 1))))

(test-assert "repeated nodes are shown once"
  (string-contains (output-of (lambda () (show-lineage "sf-net"))) "lc0-engine  (see above)"))

(test-assert "descendants"
  (string-contains (output-of (lambda () (show-descendants "lc0-net")))
                   "        sf-net  (weights, license CC0-1.0)  => retrainable-from-free-networks"))

(test-assert "why, under the current policy"
  (string-prefix? "can be re-trained with free software from free networks (lc0-net)"
                  (output-of (lambda () (show-why "sf-net")))))

(test-equal "why returns the verdict" 'undetermined
  (verdict-kind (show-why "sf-net-v2" #:port (%make-void-port "w"))))

(test-equal "setting the policy" "debian-ml-policy" (policy-name (use-policy! "debian-ml-policy")))
(test-assert "the policy shows"
  (string-prefix? "policy: debian-ml-policy" (output-of show-policy)))
(test-assert "marks follow the policy"
  (string-contains (output-of (lambda () (show-lineage "sf-net" #:max-depth 1)))
                   "=> reproducible-from-scratch"))
(test-error "an unknown policy" #t (use-policy! "no-such-policy"))
(test-error "an unknown hardware profile" #t (use-policy! "mof" "a-cluster"))
(test-error "not a graph" 'wrong-type-arg (use-provenance-graph! 42))

;;; Policies and hardware profiles beyond the built-in ones.

(let ((mine (policy "cuda-ok" #:allow-proprietary-backends? #t)))
  (test-eq "use-policy! takes a policy record" mine (use-policy! mine))
  (test-eq "which is then known by name" mine (find-policy "cuda-ok"))
  (test-assert "and listed by ,policy"
    (string-contains (output-of show-policy) "defined policies: cuda-ok")))

(let ((file (string-append (or (getenv "TMPDIR") "/tmp") "/mp-repl-decl-" (number->string (getpid)) ".scm")))
  (call-with-output-file file
    (lambda (port)
      (write '(policy "tiny-budget" #:budget-hours 1) port)
      (write '(hardware-profile "lab-gpu" #:backends (list (backend-capacity 'cuda "GPU" 8.2e13 24000000000 #t)))
             port)))
  (test-assert "use-declarations! says what it read"
    (string-contains (output-of (lambda () (use-declarations! file)))
                     "1 policy, 1 hardware profile, 0 declarations, 0 packages"))
  (delete-file file)
  (test-assert "its policy and profile are found by name"
    (and (find-policy "tiny-budget") (find-hardware-profile "lab-gpu")))
  (use-policy! "tiny-budget" "lab-gpu")
  (test-equal "and ,why judges by them" '("tiny-budget" "lab-gpu")
    (let ((verdict #f))
      (output-of (lambda () (set! verdict (show-why "sf-net"))))
      (list (verdict-policy verdict) (verdict-hardware verdict))))
  (test-error "a file that does not exist" #t (use-declarations! "/nonexistent.scm"))
  (test-eq "find-policy takes symbols too" (find-policy "tiny-budget") (find-policy 'tiny-budget))
  (test-error "use-policy! refuses a record named like a known policy" #t
    (use-policy! (policy "tiny-budget" #:budget-hours 2))))

(let ((file (string-append (or (getenv "TMPDIR") "/tmp") "/mp-repl-builtin-" (number->string (getpid)) ".scm")))
  (call-with-output-file file (lambda (port) (write '(policy "mof") port)))
  (test-assert "a file naming a policy like a built-in one is refused, as by the command's -L"
    (guard (e ((error? e) (string-contains (exception-message e) "policy 'mof' is built in")))
      (use-declarations! file)
      #f))
  (delete-file file))

;;; Documents of other formats, as ,import shows them.

(use-modules (model-provenance interchange) (model-provenance annotations) (srfi srfi-11))

(let-values (((record dropped)
              (read-document 'model-card (string-append (dirname (current-filename))
                                                       "/../data/huggingface/luna-ai-llama2-uncensored-ggml.md")
                             #:model-id "TheBloke/Luna-AI-Llama2-Uncensored-GGML")))
  (test-equal "read-document: the card's model and its base"
    '("TheBloke/Luna-AI-Llama2-Uncensored-GGML" "Tap-M/Luna-AI-Llama2-Uncensored")
    (map artifact-id (provenance-artifacts record)))
  (test-assert "the annotation it amounts to parses as one"
    (provenance? (parse-provenance (cdr (provenance->annotation record)))))
  (test-assert "written a field a line"
    (string-contains (call-with-output-string
                       (lambda (port) (write-annotation (provenance->annotation record) port)))
                     "\n  #:license \"llama2\"\n")))
(test-error "an unknown format" #t (read-document 'docx "x"))

(test-end "repl")
