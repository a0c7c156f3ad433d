;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; Graphs and lineage queries from Scheme; answers read off the drawing in
;;; tests/cpp/chess_graph.hpp.

(use-modules (srfi srfi-1) (srfi srfi-26) (srfi srfi-64) (ice-9 match)
             (model-provenance graph))

(load "chess.scm")

(define graph (chess-graph))

(define (depths entries)
  (sort (map (lambda (e) (cons (lineage-entry-id e) (lineage-entry-depth e))) entries)
        (lambda (a b) (string<? (car a) (car b)))))

(test-begin "graph")

(test-assert "a frozen graph" (provenance-graph? graph))
(test-equal "counts" '(9 5)
  (call-with-values (lambda () (provenance-graph-counts graph)) list))
(test-equal "weights ids" '("lc0-net" "sf-net" "sf-net-v2")
  (provenance-graph-ids graph 'weights))

(test-equal "artifact round trip"
  '("sf-net" weights "CC0-1.0" "c288c895ea924429ea9092e3f36b2b3c1f00f2a3a4c759ff7e57e79e3b43e4a7")
  (match (graph-node graph "sf-net")
    ((? artifact? a) (list (artifact-id a) (artifact-kind a) (artifact-license a) (artifact-sha256 a)))))

(test-equal "step round trip"
  '("generate-sf-data" generate-data
    (("lc0-engine" . software) ("lc0-net" . generator-weights) ("syzygy" . training-data))
    ("sf-binpack") 1e15)
  (match (graph-node graph "generate-sf-data")
    ((? step? s) (list (step-id s) (step-kind s) (step-inputs s) (step-outputs s)
                       (compute-flops (step-compute s))))))

(test-equal "unknown node" #f (graph-node graph "stockfish"))

;;; Documents: a kind, and what they describe, apart from derivations.

(define documented
  (make-provenance-graph
   (append (chess-artifacts)
           (list (artifact "sf-card" 'document #:document-kind 'model-card #:license "CC0-1.0"
                           #:describes '("sf-net" "sf-net-v2"))
                 (artifact "binpack-card" 'document #:document-kind 'data-card
                           #:describes '("sf-binpack"))
                 (artifact "notes" 'document)))
   (chess-steps)))

(test-equal "a document round trips with its kind and what it describes"
  '(model-card ("sf-net" "sf-net-v2"))
  (let ((card (graph-node documented "sf-card")))
    (list (artifact-document-kind card) (artifact-describes card))))
(test-equal "other, and nothing described, by default" '(other ())
  (let ((notes (graph-node documented "notes")))
    (list (artifact-document-kind notes) (artifact-describes notes))))
(test-equal "the documents of an artifact" '("sf-card") (documents-of documented "sf-net"))
(test-equal "none for one undescribed" '() (documents-of documented "lc0-net"))
(test-equal "describing is no derivation: lineages are unchanged"
  (depths (ancestors graph "sf-net-v2"))
  (depths (ancestors documented "sf-net-v2")))
(test-assert "the kinds, from the core"
  (and (eq? 'other (first (document-kinds)))
       (every (cut memq <> (document-kinds))
              '(model-card data-card technical-report research-paper evaluation-results
                model-architecture inference-code evaluation-code data-preprocessing-code
                evaluation-data intermediate-parameters))))

(test-equal "ancestors with depths"
  '(("generate-sf-data" . 2) ("lc0-engine" . 2) ("lc0-net" . 2) ("lc0-selfplay" . 3)
    ("lczero-training" . 3) ("nnue-pytorch" . 1) ("selfplay" . 4) ("sf-binpack" . 1)
    ("syzygy" . 2) ("train-lc0" . 3) ("train-sf" . 1))
  (depths (ancestors graph "sf-net")))

(test-equal "ancestors through training data only"
  '(("generate-sf-data" . 2) ("sf-binpack" . 1) ("syzygy" . 2) ("train-sf" . 1))
  (depths (ancestors graph "sf-net" #:roles '(training-data))))

(test-equal "ancestors within one derivation"
  '(("nnue-pytorch" . 1) ("sf-binpack" . 1) ("train-sf" . 1))
  (depths (ancestors graph "sf-net" #:max-depth 1)))

(test-equal "ancestors not through data generation"
  '(("nnue-pytorch" . 1) ("sf-binpack" . 1) ("train-sf" . 1))
  (depths (ancestors graph "sf-net" #:step-kinds '(train fine-tune))))

(test-equal "entries name the node they lead to"
  '("train-sf")
  (lineage-entry-nearer (find (lambda (e) (string=? (lineage-entry-id e) "sf-binpack"))
                              (ancestors graph "sf-net"))))

(let* ((unicode (make-provenance-graph
                  (list (artifact "données-ü" 'dataset) (artifact "net" 'weights) (artifact "net-2" 'weights))
                  (list (step "entraîner" 'train #:inputs '(("données-ü" . training-data))
                              #:outputs '("net"))
                        (step "tune" 'fine-tune #:inputs '(("net" . initial-weights))
                              #:outputs '("net-2")))))
       (first (ancestors unicode "net-2"))
       (again (ancestors unicode "net-2"))
       (ids (map lineage-entry-id first)))
  (test-equal "lineage ids, ASCII or not, are the graph's ids"
    '("données-ü" "entraîner" "net" "tune")
    (sort ids string<?))
  (test-assert "every lineage of a graph returns the same id strings"
    (every eq? ids (map lineage-entry-id again)))
  (test-assert "the nearer ids are those same strings"
    (every (lambda (entry)
             (every (lambda (near) (memq near (cons "net-2" ids)))
                    (filter (cut member <> ids) (lineage-entry-nearer entry))))
           first))
  (test-equal "lineage ids are read-only"
    (map (const 'error) ids)
    (map (lambda (id)
           (catch #t (lambda () (string-set! id 0 #\x) 'mutated) (const 'error)))
         ids)))

(test-equal "descendants"
  '(("finetune-sf" . 2) ("generate-sf-data" . 1) ("sf-binpack" . 1) ("sf-net" . 2)
    ("sf-net-v2" . 2) ("train-sf" . 2))
  (depths (descendants graph "lc0-net")))

(test-equal "derivation path"
  '("lc0-selfplay" "train-lc0" "lc0-net" "generate-sf-data" "sf-binpack" "train-sf" "sf-net")
  (derivation-path graph "lc0-selfplay" "sf-net"))
(test-equal "no path against derivation" #f (derivation-path graph "sf-net" "lc0-selfplay"))

(test-equal "roots" '("lc0-engine" "lczero-training" "nnue-pytorch" "syzygy")
  (sort (lineage-roots graph "sf-net") string<?))

(test-equal "dominators" '("train-sf") (dominators graph "sf-net"))
(test-equal "dominators through data only"
  '("train-sf" "sf-binpack" "generate-sf-data" "syzygy")
  (dominators graph "sf-net" #:roles '(training-data)))

(test-assert "derivation order puts inputs first"
  (let ((order (lineage-derivation-order graph "sf-net")))
    (and (= 12 (length order))
         (string=? "sf-net" (last order))
         (< (list-index (cut string=? "lc0-net" <>) order)
            (list-index (cut string=? "generate-sf-data" <>) order)))))

(test-equal "topological order covers the graph" 14 (length (topological-order graph)))
(test-equal "no cycles" '() (cyclic-components graph))

(test-equal "cycles when allowed"
  '(("games" "net" "play" "train"))
  (map (cut sort <> string<?)
       (cyclic-components
        (make-provenance-graph
         (list (artifact "net" 'weights) (artifact "games" 'dataset))
         (list (step "play" 'generate-data #:inputs '(("net" . generator-weights))
                     #:outputs '("games"))
               (step "train" 'train #:inputs '(("games" . training-data)) #:outputs '("net")))
         #:allow-cycles? #t))))

(test-assert "Graphviz output"
  (let ((dot (call-with-output-string
               (lambda (port) (lineage->dot graph "sf-net" #:port port
                                            #:marks '(("sf-net" . "undetermined")))))))
    (and (string-prefix? "digraph lineage {" dot)
         (string-contains dot "\"sf-binpack\" -> \"train-sf\";")
         (string-contains dot "\"train-sf\" -> \"sf-net\";")
         (string-contains dot "weights, CC0-1.0\\nundetermined")
         (string-contains dot "shape=box"))))

(test-assert "procedures are documented"
  (every (lambda (name)
           (procedure-documentation (module-ref (resolve-interface '(model-provenance graph)) name)))
         '(make-provenance-graph ancestors descendants derivation-path lineage-roots
           dominators lineage->dot artifact step documents-of document-kinds)))

(test-end "graph")
