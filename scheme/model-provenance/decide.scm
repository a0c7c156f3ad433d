;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; What would decide an undetermined verdict: for each fact the verdict
;;; lacks (a license, whether data can be obtained, the backends software
;;; runs on, a step's compute...), the verdict under each answer.  Each
;;; answer is tried with the other missing facts taken at their most
;;; favourable, so that the fact shown is one that decides on its own;
;;; facts whose answers give the same verdict are left out.

(define-module (model-provenance decide)
  #:use-module (ice-9 match)
  #:use-module (srfi srfi-1)
  #:use-module (srfi srfi-9)
  #:use-module (srfi srfi-11)
  #:use-module (srfi srfi-26)
  #:use-module (model-provenance evaluate)
  #:use-module (model-provenance graph)
  #:export (deciding-fact?
            deciding-fact-id
            deciding-fact-fact
            deciding-fact-reason
            deciding-fact-answers
            deciding-fact-assumed
            deciding-facts
            deciding-fact->lines))

;; FACT and ID as in the missing fact it settles; ANSWERS are (ANSWER .
;; VERDICT) pairs, ANSWER a short text such as "if its terms are free".
;; ASSUMED lists what was taken at its most favourable besides.
(define-record-type <deciding-fact>
  (deciding-fact id fact reason answers assumed)
  deciding-fact?
  (id deciding-fact-id)
  (fact deciding-fact-fact)
  (reason deciding-fact-reason)
  (answers deciding-fact-answers)
  (assumed deciding-fact-assumed))

;;; Changing one fact of a set of records.

(define (graph-records graph)
  (values (map (cut graph-node graph <>) (provenance-graph-ids graph 'artifacts))
          (map (cut graph-node graph <>) (provenance-graph-ids graph 'steps))))

(define (with-artifact artifacts id change)
  (map (lambda (a) (if (string=? (artifact-id a) id) (change a) a)) artifacts))

(define (with-step steps id change)
  (map (lambda (s) (if (string=? (step-id s) id) (change s) s)) steps))

(define* (copy-artifact a #:key (license (artifact-license a))
                        (availability (artifact-availability a))
                        (backends (artifact-backends a)))
  (artifact (artifact-id a) (artifact-kind a) #:name (artifact-name a)
            #:version (artifact-version a) #:license license #:sha256 (artifact-sha256 a)
            #:uris (artifact-uris a) #:format (artifact-format a) #:availability availability
            #:guix-package (artifact-guix-package a) #:size (artifact-size a)
            #:notes (artifact-notes a) #:sources (artifact-sources a) #:backends backends
            #:document-kind (artifact-document-kind a) #:describes (artifact-describes a)))

(define* (copy-step s #:key (inputs (step-inputs s)) (compute (step-compute s)))
  (step (step-id s) (step-kind s) #:inputs inputs #:outputs (step-outputs s)
        #:compute compute #:notes (step-notes s) #:sources (step-sources s)))

;; A license free under every criterion, and one free under none.
(define free-license "CC0-1.0")
(define non-free-license "CC-BY-NC-4.0")
(define free-backends '((cpu . #f) (rocm . #f)))
(define proprietary-backends '((cuda . #t)))
(define hypothetical-software "(software not recorded)")

(define (software-of steps id)
  (match (find (lambda (s) (string=? (step-id s) id)) steps)
    (#f #f)
    (s (any (match-lambda ((id . 'software) id) (_ #f)) (step-inputs s)))))

;; A change is a procedure from (ARTIFACTS STEPS) to two values.  The
;; answers of a missing fact: (LABEL . CHANGE) pairs, favourable first.
(define (answers missing hardware budget)
  (let ((id (missing-fact-id missing)))
    (define (artifact-change . arguments)
      (lambda (artifacts steps)
        (values (with-artifact artifacts id (lambda (a) (apply copy-artifact a arguments))) steps)))
    (define (software-change software)
      ;; Several steps may lack software: they share one hypothetical
      ;; artifact, the first change's.
      (lambda (artifacts steps)
        (values (if (any (lambda (a) (string=? (artifact-id a) hypothetical-software)) artifacts)
                    artifacts
                    (cons software artifacts))
                (with-step steps id
                           (lambda (s)
                             (copy-step s #:inputs (cons (cons hypothetical-software 'software)
                                                         (step-inputs s))))))))
    (define (compute-change hours)
      (lambda (artifacts steps)
        (values artifacts
                (with-step steps id
                           (lambda (s)
                             (copy-step s #:compute (compute #:hours hours
                                                             #:hardware-profile hardware)))))))
    (define (backends-change backends)
      (lambda (artifacts steps)
        (match (software-of steps id)
          (#f (values artifacts steps))
          (software (values (with-artifact artifacts software
                                           (cut copy-artifact <> #:backends backends))
                            steps)))))
    (match (missing-fact-fact missing)
      ('license
       (list (cons "if its terms are free" (artifact-change #:license free-license))
             (cons "if they are not" (artifact-change #:license non-free-license))))
      ('availability
       (list (cons "if it can be downloaded" (artifact-change #:availability 'public-download))
             (cons "if it cannot be had" (artifact-change #:availability 'unavailable))))
      ('backends
       (list (cons "if it runs on a free backend (CPU or ROCm)" (backends-change free-backends))
             (cons "if it needs CUDA" (backends-change proprietary-backends))))
      ('software
       (list (cons "if free software made it"
                   (software-change (artifact hypothetical-software 'software
                                              #:license free-license
                                              #:availability 'public-download
                                              #:backends free-backends)))
             (cons "if the software that made it is not free"
                   (software-change (artifact hypothetical-software 'software
                                              #:license non-free-license
                                              #:availability 'public-download
                                              #:backends free-backends)))))
      ((or 'compute 'hardware-profile)
       (if budget
           (list (cons "if it fits the budget" (compute-change 0))
                 (cons (format #f "if it takes more than the budget (~a) on ~a"
                               (format-duration budget) hardware)
                       (compute-change (* 2 budget))))
           '()))
      (_ '()))))

;;; Deciding facts.

(define (compute-fact? fact)
  (memq (missing-fact-fact fact) '(compute hardware-profile)))

(define (relabel-compute fact outcomes)
  ;; For a step's compute, say how much of the budget is left for it.
  (match outcomes
    (((label . verdict) . rest)
     (if (and (compute-fact? fact) (verdict-budget-hours verdict)
              (acceptable-verdict? verdict))
         (cons (cons (format #f "if it takes at most ~a on ~a"
                             (format-duration (- (verdict-budget-hours verdict) (verdict-hours verdict)))
                             (verdict-hardware verdict))
                     verdict)
               rest)
         outcomes))
    (_ outcomes)))

(define (same-fact? a b)
  (and (string=? (missing-fact-id a) (missing-fact-id b))
       (eq? (missing-fact-fact a) (missing-fact-fact b))))

(define (unique-facts facts)
  (delete-duplicates facts same-fact?))

(define (apply-all changes artifacts steps)
  ;; The list (ARTIFACTS STEPS) after CHANGES.
  (fold (lambda (change artifacts+steps)
          (call-with-values (lambda () (apply change artifacts+steps)) list))
        (list artifacts steps)
        changes))

(define* (deciding-facts graph id #:key (policy (default-policy))
                         (hardware (default-hardware-profile)) (limit 2))
  "Return up to LIMIT facts that would decide the verdict on ID in GRAPH
under POLICY on HARDWARE, when it is undetermined, as <deciding-fact>
records whose answers are (ANSWER . VERDICT) pairs; '() otherwise."
  (define (verdict-of artifacts steps)
    (evaluate (make-evaluator (make-provenance-graph artifacts steps)
                              #:policy policy #:hardware hardware)
              id))
  (define budget (policy-budget-hours policy))
  (define profile (hardware-profile-name hardware))
  (let ((verdict (evaluate (make-evaluator graph #:policy policy #:hardware hardware) id)))
    (if (not (eq? 'undetermined (verdict-kind verdict)))
        '()
        (let*-values (((artifacts steps) (graph-records graph))
                      ((missing options)
                       ;; The facts the verdict lacks, with those that show
                       ;; up once these are taken at their best.
                       (let loop ((missing (unique-facts (verdict-missing verdict))) (rounds 0))
                         (let* ((options (map (cut answers <> profile budget) missing))
                                (best (apply verdict-of
                                             (apply-all (filter-map (lambda (o) (and (pair? o) (cdar o)))
                                                                    options)
                                                        artifacts steps)))
                                (more (remove (cut member <> missing same-fact?)
                                              (unique-facts (verdict-missing best)))))
                           (if (or (null? more) (= rounds 8))
                               (values missing options)
                               (loop (append missing more) (+ rounds 1)))))))
          (let loop ((pending (zip missing options)) (found '()))
            (if (or (null? pending) (= (length found) limit))
                (reverse found)
                (match (car pending)
                  ((fact ()) (loop (cdr pending) found))
                  ((fact choices)
                   (let* ((favourable    ;the other facts at their most favourable
                           (filter-map (lambda (m o) (and (not (eq? m fact)) (pair? o) (cons m (car o))))
                                       missing options))
                          (others (map cddr favourable))
                          (outcomes
                           (relabel-compute
                            fact
                            (map (match-lambda
                                   ((label . change)
                                    (cons label
                                          (apply verdict-of
                                                 (apply-all (cons change others) artifacts steps)))))
                                 choices)))
                          (kinds (delete-duplicates (map (compose verdict-kind cdr) outcomes))))
                     (loop (cdr pending)
                           (if (> (length kinds) 1)
                               (cons (deciding-fact (missing-fact-id fact) (missing-fact-fact fact)
                                                    (missing-fact-reason fact) outcomes
                                                    (map (match-lambda
                                                           ((m . (label . _))
                                                            (cons (missing-fact-reason m) label)))
                                                         favourable))
                                     found)
                               found)))))))))))

(define (answer-text verdict fact)
  ;; What a hypothetical verdict says: its summary, but not the made-up
  ;; license that blocks it, nor a duration made of assumed compute.
  (define compute-assumed?
    (any (match-lambda ((reason . label) (string=? label "if it fits the budget")))
         (deciding-fact-assumed fact)))
  (define classes?                      ;a policy with classes names them
    (not (string=? (verdict-classification verdict) (symbol->string (verdict-kind verdict)))))
  (match (verdict-kind verdict)
    ((or 'blocked 'opaque) (if classes? (verdict-class verdict) "cannot be re-made (blocked)"))
    ('undetermined (verdict-summary verdict))
    (kind (cond (compute-assumed?
                 (string-append (symbol->string kind) ", if the compute fits the budget"))
                ((memq (deciding-fact-fact fact) '(compute hardware-profile))
                 (symbol->string kind))
                (else (verdict-summary verdict))))))

(define (deciding-fact->lines fact)
  "Render FACT as lines: the fact, then each answer and its verdict, then
what was assumed of the other facts."
  (append
   (list (string-append (deciding-fact-reason fact) ":"))
   (map (match-lambda
          ((answer . verdict)
           (format #f "  ~a: ~a" answer (answer-text verdict fact))))
        (deciding-fact-answers fact))
   (match (deciding-fact-assumed fact)
     (() '())
     ((one) (list (format #f "  (taking the best answer to: ~a)" (car one))))
     (assumed (list (format #f "  (taking the best answers to ~a other unknown facts)"
                            (length assumed)))))))
