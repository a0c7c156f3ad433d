;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; Verdicts from Scheme.  The test machine does 1e12 FLOP/s on its CPU and
;;; 1e13 on a free GPU, fully used: 3.6e16 FLOPs take an hour on the GPU.

(use-modules (srfi srfi-1) (srfi srfi-26) (srfi srfi-64) (ice-9 match)
             (model-provenance graph) (model-provenance evaluate))

(load "chess.scm")

(define box
  (hardware-profile "test-box" #:description "round numbers" #:utilization 1.0
                    #:storage 1000000000000
                    #:backends (list (backend-capacity 'cpu "test CPU" 1e12 (expt 2 36) #f)
                                     (backend-capacity 'rocm "test GPU" 1e13 (expt 2 34) #f))))

(define (simple-graph corpus-license)
  (make-provenance-graph
   (list (artifact "trainer" 'software #:license "GPL-3.0-or-later"
                   #:availability 'public-download #:backends '((cpu . #f) (rocm . #f)))
         (artifact "corpus" 'dataset #:license corpus-license #:availability 'public-download)
         (artifact "net" 'weights #:license "Apache-2.0"))
   (list (step "train" 'train #:inputs '(("trainer" . software) ("corpus" . training-data))
               #:outputs '("net") #:compute (compute #:flops 3.6e16)))))

(test-begin "evaluate")

(test-equal "built-in policies"
  '("guix-base-criterion" "from-training-data" "debian-ml-policy" "osaid-1.0" "mof")
  (map policy-name (builtin-policies)))
(test-equal "default budget: three weeks" 504.0 (policy-budget-hours (default-policy)))
(test-equal "built-in hardware"
  '("desktop-cpu" "desktop-amd-gpu" "desktop-nvidia-gpu")
  (map hardware-profile-name (builtin-hardware-profiles)))
(test-assert "CUDA is proprietary"
  (backend-capacity-proprietary?
   (find (lambda (b) (eq? (backend-capacity-backend b) 'cuda))
         (hardware-profile-backends (lookup-hardware-profile "desktop-nvidia-gpu")))))
(test-assert "hardware figures carry sources"
  (every (lambda (h) (pair? (hardware-profile-sources h))) (builtin-hardware-profiles)))

(let ((verdict (evaluate (make-evaluator (simple-graph "CC-BY-4.0") #:hardware box) "net")))
  (test-equal "reproducible from scratch" 'reproducible-from-scratch (verdict-kind verdict))
  (test-assert "acceptable" (acceptable-verdict? verdict))
  (test-equal "one hour on the GPU" 1.0 (verdict-hours verdict))
  (test-equal "the plan" '(("train" rocm "test GPU" 1.0))
    (map (lambda (s) (list (planned-step-id s) (planned-step-backend s)
                           (planned-step-device s) (planned-step-hours s)))
         (verdict-plan verdict)))
  (test-equal "taken as they are" '("trainer" "corpus") (verdict-obtained verdict))
  (test-equal "summary"
    "can be re-trained from scratch with free software in about 1.0 hours on test-box"
    (verdict-summary verdict)))

(let ((verdict (evaluate (make-evaluator (simple-graph "CC-BY-NC-4.0") #:hardware box) "net")))
  (test-equal "blocked by the data license" 'blocked (verdict-kind verdict))
  (test-equal "the blocker"
    '(("corpus" non-free-license))
    (map (lambda (b) (list (blocker-id b) (blocker-kind b))) (verdict-blockers verdict))))

(let ((verdict (evaluate (make-evaluator (simple-graph "LicenseRef-corpus") #:hardware box) "net")))
  (test-equal "undetermined by an unknown license" 'undetermined (verdict-kind verdict))
  (test-equal "the missing fact" '(("corpus" license))
    (map (lambda (m) (list (missing-fact-id m) (missing-fact-fact m))) (verdict-missing verdict)))
  (test-equal "a user's own policy settles it" 'reproducible-from-scratch
    (verdict-kind (evaluate (make-evaluator (simple-graph "LicenseRef-corpus") #:hardware box
                                            #:policy (policy "mine" #:free-licenses '("LicenseRef-corpus")))
                            "net"))))

(test-equal "over a tight budget" 'over-budget
  (verdict-kind (evaluate (make-evaluator (simple-graph "CC0-1.0") #:hardware box
                                          #:policy (policy "hurried" #:budget-hours 0.5))
                          "net")))

(let* ((graph (chess-graph))
       (summaries (evaluate-all (make-evaluator graph #:hardware box))))
  (test-equal "evaluate-all covers the weights" '("lc0-net" "sf-net" "sf-net-v2")
    (map verdict-summary-entry-id summaries))
  (test-equal "and agrees with evaluate"
    (map verdict-summary-entry-kind summaries)
    (map (lambda (id) (verdict-kind (evaluate (make-evaluator graph #:hardware box) id)))
         '("lc0-net" "sf-net" "sf-net-v2")))
  ;; sf-binpack is unavailable but can be generated with lc0-net (free):
  ;; retrainable under the Guix criterion, pretraining lc0-net from
  ;; self-play under from-training-data, both with free software.
  (test-equal "sf-net under the Guix criterion" 'retrainable-from-free-networks
    (verdict-kind (evaluate (make-evaluator graph #:hardware box) "sf-net")))
  (test-equal "sf-net from training data" 'reproducible-from-scratch
    (verdict-kind (evaluate (make-evaluator graph #:hardware box
                                            #:policy (lookup-policy "from-training-data"))
                            "sf-net")))
  (test-equal "sf-net-v2: compute of its fine-tuning unknown" 'undetermined
    (verdict-kind (evaluate (make-evaluator graph #:hardware box) "sf-net-v2")))
  (test-equal "Debian's class for sf-net" "Free"
    (verdict-classification (evaluate (make-evaluator graph #:hardware box
                                                      #:policy (lookup-policy "debian-ml-policy"))
                                      "sf-net"))))

;;; evaluate-all's entries: verdict accessors take them.

(let* ((graph (chess-graph))
       (evaluator (make-evaluator graph #:hardware box))
       (entries (evaluate-all evaluator))
       (verdicts (map (lambda (id) (evaluate evaluator id)) '("lc0-net" "sf-net" "sf-net-v2"))))
  (test-equal "(map verdict-summary (evaluate-all evaluator)) gives each verdict's summary"
    (map verdict-summary verdicts)
    (map verdict-summary entries))
  (test-equal "and every other accessor too"
    (map (lambda (v) (list (verdict-target v) (verdict-kind v) (verdict-classification v)
                           (verdict-explanation v) (verdict-plan-hours v)))
         verdicts)
    (map (lambda (v) (list (verdict-target v) (verdict-kind v) (verdict-classification v)
                           (verdict-explanation v) (verdict-plan-hours v)))
         entries))
  (test-assert "the full verdict of an entry" (every verdict? (map verdict-summary-entry-verdict entries)))
  (test-assert "acceptable-verdict? too"
    (equal? (map acceptable-verdict? verdicts) (map acceptable-verdict? entries))))

;;; Unknown compute is not 0 hours.

(let ((known (evaluate (make-evaluator (simple-graph "CC0-1.0") #:hardware box) "net"))
      (unknown (evaluate (make-evaluator (chess-graph) #:hardware box) "sf-net-v2")))
  (test-equal "a plan's hours when every step's are known" '(#t 1.0)
    (list (verdict-hours-known? known) (verdict-plan-hours known)))
  ;; sf-net-v2: generating its data takes a known time, its fine-tuning an
  ;; unknown one.
  (test-equal "#f when a planned step's are not, though the known part adds up" '(#f #f #t)
    (list (verdict-hours-known? unknown) (verdict-plan-hours unknown) (positive? (verdict-hours unknown))))
  (test-equal "summary entries say so too" '(#t #t #f)
    (map verdict-summary-entry-hours-known? (evaluate-all (make-evaluator (chess-graph) #:hardware box)))))

;;; Classification policies.

(let ((v (evaluate (make-evaluator (simple-graph "CC0-1.0") #:hardware box
                                   #:policy (lookup-policy "osaid-1.0"))
                   "net")))
  (test-assert "OSAID's summary leads with its class, with no claim about time"
    (and (string-prefix? "Open Source AI under osaid-1.0: " (verdict-summary v))
         (not (string-contains (verdict-summary v) "hour"))))
  (test-equal "the class alone" "Open Source AI" (verdict-class v))
  (test-equal "no MOF components under OSAID" '() (verdict-components v)))

(define (documented-graph paper-license)
  ;; The simple graph, with the documents of MOF's Class III and a paper.
  (make-provenance-graph
   (list (artifact "trainer" 'software #:license "GPL-3.0-or-later"
                   #:availability 'public-download #:backends '((cpu . #f) (rocm . #f)))
         (artifact "corpus" 'dataset #:license "CC-BY-4.0" #:availability 'public-download)
         (artifact "net" 'weights #:license "Apache-2.0" #:availability 'public-download)
         (artifact "card" 'document #:document-kind 'model-card #:describes '("net")
                   #:license "CC-BY-4.0" #:availability 'public-download)
         (artifact "corpus-card" 'document #:document-kind 'data-card #:describes '("corpus")
                   #:license "CC-BY-4.0" #:availability 'public-download)
         (artifact "results" 'document #:document-kind 'evaluation-results #:describes '("net")
                   #:license "CC-BY-4.0" #:availability 'public-download)
         (artifact "paper" 'document #:document-kind 'research-paper #:describes '("net")
                   #:license paper-license #:availability 'public-download))
   (list (step "train" 'train #:inputs '(("trainer" . software) ("corpus" . training-data))
               #:outputs '("net") #:compute (compute #:flops 3.6e16)))))

(let ((open (evaluate (make-evaluator (documented-graph "CC-BY-4.0") #:hardware box
                                      #:policy (lookup-policy "mof"))
                      "net"))
      (closed (evaluate (make-evaluator (documented-graph "CC-BY-NC-4.0") #:hardware box
                                        #:policy (lookup-policy "mof"))
                        "net")))
  (test-equal "MOF Class III from Scheme, with what Class II lacks"
    "MOF Class III, Open Model (for Class II: inference code not recorded, evaluation code not recorded, evaluation data not recorded)"
    (verdict-classification open))
  (test-equal "the class alone" "MOF Class III, Open Model" (verdict-class open))
  (test-equal "the paper stands for the technical report"
    '(open ("paper"))
    (let ((report (find (lambda (c) (string=? "technical report" (component-name c)))
                        (verdict-components open))))
      (list (component-status report) (component-ids report))))
  (test-equal "components as records: name, class, content type, required?, status"
    '("model card" 3 document #t open)
    (let ((c (find (lambda (c) (string=? "model card" (component-name c))) (verdict-components open))))
      (list (component-name c) (component-class c) (component-content-type c) (component-required? c)
            (component-status c))))
  (test-equal "a NonCommercial paper is no open document: not classified"
    "not classified (for Class III: technical report not recorded)"
    (verdict-classification closed))
  (test-equal "the paper itself is not open"
    'not-open
    (component-status (find (lambda (c) (string=? "research paper" (component-name c)))
                            (verdict-components closed)))))

(test-equal "canonical license" "(MIT OR Apache-2.0) AND BSD-3-Clause"
  (license-canonical "(MIT  OR Apache-2.0)AND BSD-3-Clause"))
(test-equal "license judgement" '(non-free "CC-BY-NC-4.0: its NonCommercial term restricts use")
  (call-with-values (lambda () (license-judgement "CC-BY-NC-4.0")) list))
(test-equal "OSI criterion" 'non-free
  (call-with-values (lambda () (license-judgement "CC0-1.0" 'osi-approved))
    (lambda (freeness reason) freeness)))
(test-equal "durations" "3.0 weeks" (format-duration 504))

(test-equal "an undetermined verdict names the fact really missing, not an intermediate's"
  '(("raw" . license))
  ;; 'derived' is made by a recorded step from 'raw', whose license is the
  ;; one unknown fact; taking 'derived' as it is would rest on two.
  (let* ((g (make-provenance-graph
             (list (artifact "tool" 'software #:license "GPL-3.0-or-later" #:availability 'public-download
                             #:backends '((cpu . #f)))
                   (artifact "raw" 'dataset #:license "LicenseRef-unknown-terms" #:availability 'public-download)
                   (artifact "derived" 'dataset)
                   (artifact "net" 'weights #:license "CC0-1.0"))
             (list (step "gen" 'generate-data #:inputs '(("tool" . software) ("raw" . training-data))
                         #:outputs '("derived") #:compute (compute #:hours 1 #:hardware-profile "desktop-cpu"))
                   (step "train" 'train #:inputs '(("tool" . software) ("derived" . training-data))
                         #:outputs '("net") #:compute (compute #:hours 1 #:hardware-profile "desktop-cpu")))))
         (v (evaluate (make-evaluator g) "net")))
    (map (lambda (m) (cons (missing-fact-id m) (missing-fact-fact m))) (verdict-missing v))))

(test-equal "MIT-Festival, unrated by the FSF, is free under the Guix policies: Guix ships festival under it"
  '(reproducible-from-scratch reproducible-from-scratch)
  (let ((g (make-provenance-graph
            (list (artifact "tools" 'software #:license "MIT-Festival" #:availability 'public-download
                            #:backends '((cpu . #f)))
                  (artifact "corpus" 'dataset #:license "CC0-1.0" #:availability 'public-download)
                  (artifact "voice" 'weights #:license "MIT-Festival"))
            (list (step "train" 'train #:inputs '(("tools" . software) ("corpus" . training-data))
                        #:outputs '("voice") #:compute (compute #:flops 1e12))))))
    (map (lambda (name) (verdict-kind (evaluate (make-evaluator g #:policy (lookup-policy name)) "voice")))
         '("guix-base-criterion" "from-training-data"))))

(test-end "evaluate")
