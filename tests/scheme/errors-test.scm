;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; Every error path: what is raised, with which message and irritants, and
;;; that it is an ordinary catchable condition (the process lives on).

(use-modules (srfi srfi-1) (srfi srfi-64) (ice-9 exceptions) (ice-9 match)
             (model-provenance graph) (model-provenance evaluate) (model-provenance annotations))

(load "chess.scm")

(define graph (chess-graph))

;; Runs THUNK and returns (message irritants code field) of the
;; &provenance-error it raises, or 'no-error.
(define (provenance-failure thunk)
  (guard (e ((provenance-error? e)
             (list (exception-message e) (exception-irritants e)
                   (provenance-error-code e) (provenance-error-field e))))
    (thunk)
    'no-error))

;; The (position expected value) of a wrong-type-arg error, or 'no-error.
(define (type-failure thunk)
  (catch 'wrong-type-arg
    (lambda () (thunk) 'no-error)
    (lambda (key who message arguments rest)
      (match arguments ((position expected value) (list position expected value))))))

(test-begin "errors")

(test-equal "unknown id"
  '("no artifact or step has id 'stockfish' (field 'id')" ("stockfish") unknown-id "id")
  (provenance-failure (lambda () (ancestors graph "stockfish"))))

(test-equal "unknown id in a path, second argument"
  '("no artifact or step has id 'nowhere' (field 'id')" ("nowhere") unknown-id "id")
  (provenance-failure (lambda () (derivation-path graph "sf-net" "nowhere"))))

(test-equal "duplicate id, at once"
  '("id 'sf-net' is already used by an artifact (field 'id')" ("sf-net") duplicate-id "id")
  (provenance-failure
   (lambda () (make-provenance-graph (append (chess-artifacts) (list (artifact "sf-net" 'weights)))
                                     (chess-steps)))))

(test-assert "every unknown reference, together"
  (match (guard (e ((provenance-error? e) e))
           (make-provenance-graph (list (artifact "net" 'weights))
                                  (list (step "train" 'train
                                              #:inputs '(("trainer" . software) ("games" . training-data))
                                              #:outputs '("net")))))
    ((? provenance-error? e)
     (and (eq? 'invalid-graph (provenance-error-code e))
          (equal? '("train" "trainer" "train" "games") (exception-irritants e))
          (equal? '((unknown-reference "step 'train' names unknown artifact 'trainer' (field 'inputs')"
                                       ("train" "trainer") "inputs")
                    (unknown-reference "step 'train' names unknown artifact 'games' (field 'inputs')"
                                       ("train" "games") "inputs"))
                  (provenance-error-problems e))))
    (_ #f)))

(test-equal "a cycle names its ids"
  '("net" "play" "games" "train")
  (match (provenance-failure
          (lambda ()
            (make-provenance-graph
             (list (artifact "net" 'weights) (artifact "games" 'dataset))
             (list (step "play" 'generate-data #:inputs '(("net" . generator-weights)) #:outputs '("games"))
                   (step "train" 'train #:inputs '(("games" . training-data)) #:outputs '("net"))))))
    ((message ids code field) ids)))

(test-equal "a step consuming its output"
  '(self-consumption "inputs")
  (match (provenance-failure
          (lambda () (make-provenance-graph (list (artifact "net" 'weights))
                                            (list (step "loop" 'fine-tune #:inputs '(("net" . initial-weights))
                                                        #:outputs '("net"))))))
    ((message ids code field) (list code field))))

(test-equal "a malformed license, with its column"
  '("artifact 'net': malformed license expression 'MIT and GPL-2.0': expected AND, OR or the end, got 'and' at column 5 (field 'license')"
    ("net" "MIT and GPL-2.0") invalid-value "license")
  (provenance-failure
   (lambda () (make-provenance-graph (list (artifact "net" 'weights #:license "MIT and GPL-2.0")) '()))))

(test-equal "a malformed license expression alone"
  'invalid-value
  (match (provenance-failure (lambda () (license-canonical "(MIT"))) ((_ _ code _) code)))

(test-equal "a bad sha256"
  '(invalid-value "sha256")
  (match (provenance-failure
          (lambda () (make-provenance-graph (list (artifact "net" 'weights #:sha256 "c288c895ea92")) '())))
    ((message ids code field) (list code field))))

(test-equal "a wrong kind names the argument, the path and what was expected"
  '(1 "one of weights, dataset, software, document for artifact 0 'x' kind" model)
  (type-failure (lambda () (make-provenance-graph (list (artifact "x" 'model)) '()))))

(test-equal "a document kind that is a likely typo says which was meant"
  '(1 "one of other, model-card, data-card, technical-report, research-paper, evaluation-results, model-architecture, inference-code, evaluation-code, data-preprocessing-code, supporting-libraries, evaluation-data, intermediate-parameters, model-metadata, sample-outputs for artifact 0 'x' document-kind; did you mean model-card?" model-crd)
  (type-failure (lambda () (make-provenance-graph (list (artifact "x" 'document #:document-kind 'model-crd)) '()))))

(test-equal "only documents have a kind"
  '(invalid-value "document-kind")
  (match (provenance-failure
          (lambda () (make-provenance-graph (list (artifact "x" 'weights #:document-kind 'model-card)) '())))
    ((message ids code field) (list code field))))

(test-equal "a document describing nothing known"
  '(invalid-graph ("card" "net"))
  (match (provenance-failure
          (lambda () (make-provenance-graph (list (artifact "card" 'document #:describes '("net"))) '())))
    ((message ids code field) (list code ids))))

(test-equal "a wrong field type"
  '(1 "a string for artifact 0 'x' license (or #f)" 42)
  (type-failure (lambda () (make-provenance-graph (list (artifact "x" 'weights #:license 42)) '()))))

(test-equal "a wrong role"
  '(2 "one of software, training-data, initial-weights, teacher-weights, generator-weights, document for step 0 's' inputs element 0 role" data)
  (type-failure (lambda () (make-provenance-graph (list (artifact "x" 'weights))
                                                  (list (step "s" 'train #:inputs '(("x" . data))
                                                              #:outputs '("x")))))))

(test-equal "a wrong compute figure"
  '(2 "a real number (or #f) for step 0 's' compute flops" "lots")
  (type-failure (lambda () (make-provenance-graph (list (artifact "x" 'weights))
                                                  (list (step "s" 'train #:outputs '("x")
                                                              #:compute (compute #:flops "lots")))))))

(test-equal "not a graph"
  '(1 "a provenance graph" "graph")
  (type-failure (lambda () (ancestors "graph" "sf-net"))))

(test-equal "a bad filter"
  '(4 "one of software, training-data, initial-weights, teacher-weights, generator-weights, document for roles element 0" data)
  (type-failure (lambda () (ancestors graph "sf-net" #:roles '(data)))))

(test-equal "a negative depth"
  '(4 "a non-negative integer for max-depth" -1)
  (type-failure (lambda () (ancestors graph "sf-net" #:max-depth -1))))

(test-error "records are checked before crossing" 'wrong-type-arg
  (make-provenance-graph (list "not an artifact") '()))

(test-equal "a policy with a negative budget"
  '(invalid-value "budget-hours")
  (match (provenance-failure (lambda () (make-evaluator graph #:policy (policy "broken" #:budget-hours -1))))
    ((message ids code field) (list code field))))

(test-equal "a policy with an unknown criterion"
  '(2 "one of fsf-libre, osi-approved, fsf-libre-or-osi-approved, free-data, any for policy 'broken' software-licenses" dfsg)
  (type-failure (lambda () (make-evaluator graph #:policy (policy "broken" #:software-licenses 'dfsg)))))

(test-equal "hardware without backends"
  '(invalid-value "backends")
  (match (provenance-failure (lambda () (make-evaluator graph #:hardware (hardware-profile "empty"))))
    ((message ids code field) (list code field))))

(test-equal "a step has no verdict"
  '(invalid-value "target")
  (match (provenance-failure (lambda () (evaluate (make-evaluator graph) "train-sf")))
    ((message ids code field) (list code field))))

(test-equal "catch #t sees the same condition"
  '(%exception #t)
  (catch #t
    (lambda () (ancestors graph "nothing"))
    (lambda (key . args) (list key (provenance-error? (car args))))))

(test-assert "the process goes on after a thousand errors"
  (begin
    (for-each (lambda (i) (provenance-failure (lambda () (ancestors graph "nothing")))) (iota 1000))
    (= 11 (length (ancestors graph "sf-net")))))

;;; Hostile inputs found by hand and by fuzzing: clean errors, never a
;;; crash of the Guile process.

(test-equal "a step naming itself as its output: a problem, not a crash"
  '(invalid-graph ("s" "s"))
  (match (provenance-failure
          (lambda () (make-provenance-graph '() (list (step "s" 'train #:outputs '("s"))))))
    ((message ids code field) (list code ids))))

(test-equal "also after other additions"
  'invalid-graph
  (match (provenance-failure
          (lambda ()
            (make-provenance-graph (list (artifact "d" 'dataset) (artifact "n" 'weights))
                                   (list (step "t" 'train #:inputs '(("d" . training-data))
                                               #:outputs '("n"))
                                         (step "s" 'train #:outputs '("s"))))))
    ((message ids code field) code)))

(test-equal "a malformed license on non-ASCII text: a provenance error quoting whole characters"
  "malformed license expression 'MIT\u00e9 and X': unexpected character '\u00e9' at column 4 (field 'license')"
  (match (provenance-failure (lambda () (license-canonical "MIT\u00e9 and X")))
    ((message . _) message)))

(test-equal "ids with control characters are refused, shown escaped"
  "artifact id 'a\\x0Ab' contains a control character (field 'id')"
  (match (provenance-failure
          (lambda () (make-provenance-graph (list (artifact "a\nb" 'weights)) '())))
    ((message . _) message)))

(test-assert "no raw control character in a license error"
  (match (provenance-failure (lambda () (license-canonical "MIT\nAND")))
    ((message . _) (not (string-index message #\newline)))))

;;; The annotation language: document kinds and descriptions.

(define (annotation-message clauses)
  (guard (e ((annotation-error? e) (exception-message e)))
    (parse-provenance clauses)
    #f))

(test-equal "a document kind is checked, with the name likeliest meant"
  "document 'card' #:document-kind: expected one of other, model-card, data-card, technical-report, research-paper, evaluation-results, model-architecture, inference-code, evaluation-code, data-preprocessing-code, supporting-libraries, evaluation-data, intermediate-parameters, model-metadata, sample-outputs, got model-crd; did you mean model-card?"
  (annotation-message '((document "card" #:document-kind model-crd))))
(test-equal "only documents have one"
  "weights 'net': only documents have #:document-kind"
  (annotation-message '((weights "net" #:document-kind model-card))))
(test-equal "nor describe anything"
  "dataset 'games': only documents have #:describes"
  (annotation-message '((dataset "games" #:describes ("net")))))
(test-equal "what a document describes is a list of ids"
  "document 'card' #:describes: expected a list of artifact ids, got \"net\""
  (annotation-message '((document "card" #:describes "net"))))
(test-equal "a format that names a kind is not taken for one"
  "document 'card': #:format model-card is the file's format; say what the document is with #:document-kind model-card"
  (annotation-message '((document "card" #:format "model-card"))))
(test-equal "a well-formed document"
  '(research-paper ("net") "CC-BY-4.0")
  (match (provenance-artifacts
          (parse-provenance '((document "paper" #:document-kind research-paper #:describes ("net")
                                        #:license "CC-BY-4.0" #:format pdf))))
    ((a) (list (artifact-document-kind a) (artifact-describes a) (artifact-license a)))))

(test-equal "a verdict accessor on something else names what it expected"
  'wrong-type-arg
  (catch #t (lambda () (verdict-summary "net")) (lambda (key . _) key)))

(test-end "errors")
