;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; What would decide an undetermined verdict: the facts that do, and the
;;; verdict under each answer.

(use-modules (srfi srfi-1) (srfi srfi-64) (ice-9 match)
             (model-provenance graph) (model-provenance evaluate) (model-provenance decide))

(define (graph-with data-license compute*)
  (make-provenance-graph
   (list (artifact "trainer" 'software #:license "GPL-3.0-or-later" #:availability 'public-download
                   #:backends '((cpu . #f) (rocm . #f)))
         (artifact "games" 'dataset #:license data-license #:availability 'public-download)
         (artifact "net" 'weights #:license "CC0-1.0"))
   (list (step "train" 'train #:inputs '(("trainer" . software) ("games" . training-data))
               #:outputs '("net") #:compute compute*))))

(define (answers fact)
  (map (match-lambda ((answer . verdict) (cons answer (verdict-kind verdict))))
       (deciding-fact-answers fact)))

(test-begin "decide")

(let ((facts (deciding-facts (graph-with #f (compute #:hours 10 #:hardware-profile "desktop-amd-gpu")) "net")))
  (test-equal "an unknown data license decides, alone" '("games") (map deciding-fact-id facts))
  (test-equal "free terms: reproducible; others: blocked"
    '(("if its terms are free" . reproducible-from-scratch) ("if they are not" . blocked))
    (answers (first facts)))
  (test-equal "nothing else assumed" '() (deciding-fact-assumed (first facts)))
  (test-assert "rendered with the verdict's own summary, durations included"
    (string-contains (second (deciding-fact->lines (first facts))) "in about 10.0 hours")))

(let ((facts (deciding-facts (graph-with "NONE" (compute)) "net")))
  (test-equal "no licence stated (NONE) is a fact to settle under the base criterion, with compute"
    '(("games" . license) ("train" . compute))
    (map (lambda (f) (cons (deciding-fact-id f) (deciding-fact-fact f))) facts))
  (test-equal "compute: within the budget, or over it"
    '(reproducible-from-scratch over-budget)
    (map cdr (answers (second facts))))
  (test-equal "each answer takes the other unknown at its best"
    '(("the compute of step 'train' is not recorded (FLOPs, or hours on a named hardware profile)"
       . "if it fits the budget"))
    (deciding-fact-assumed (first facts)))
  (test-assert "no made-up duration when compute was assumed"
    (not (any (lambda (line) (string-contains line "in about"))
              (deciding-fact->lines (first facts))))))

(test-equal "under Debian's policy NONE is not free: blocked, nothing to decide" '()
  (deciding-facts (graph-with "NONE" (compute #:hours 1 #:hardware-profile "desktop-amd-gpu")) "net"
                  #:policy (lookup-policy "debian-ml-policy")))

(test-equal "a determined verdict has no deciding facts" '()
  (deciding-facts (graph-with "CC0-1.0" (compute #:hours 1 #:hardware-profile "desktop-amd-gpu")) "net"))

(test-equal "under a policy with classes, the answers are rendered as classes"
  '("the license of 'games' is not recorded:"
    "  if its terms are free: Free under debian-ml-policy: its license CC0-1.0 is free, and a free training program can re-make it from free, public data"
    "  if they are not: ToxicCandy")
  (deciding-fact->lines
   (first (deciding-facts (graph-with #f (compute)) "net" #:policy (lookup-policy "debian-ml-policy")))))

(test-equal "documents survive the changed copies a deciding fact is tried on"
  '("games")
  ;; The copies are rebuilt from records: a document's kind and what it
  ;; describes must come along, or the copy would not be a graph.
  (map deciding-fact-id
       (deciding-facts
        (make-provenance-graph
         (list (artifact "trainer" 'software #:license "GPL-3.0-or-later" #:availability 'public-download
                         #:backends '((cpu . #f) (rocm . #f)))
               (artifact "games" 'dataset #:availability 'public-download)
               (artifact "net" 'weights #:license "CC0-1.0")
               (artifact "games-card" 'document #:document-kind 'data-card #:describes '("games")))
         (list (step "train" 'train #:inputs '(("trainer" . software) ("games" . training-data))
                     #:outputs '("net")
                     #:compute (compute #:hours 10 #:hardware-profile "desktop-amd-gpu"))))
        "net")))

(test-end "decide")
