;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The lineage of tests/cpp/chess_graph.hpp, from Scheme, with licenses
;;; and compute so that it has verdicts.  Loaded by the test files.

(use-modules (model-provenance graph))

(define (chess-artifacts)
  (list (artifact "lc0-engine" 'software #:license "GPL-3.0-or-later"
                  #:availability 'public-download #:backends '((cpu . #f) (cuda . #t)))
        (artifact "lczero-training" 'software #:license "GPL-3.0-or-later"
                  #:availability 'public-download #:backends '((cpu . #f) (rocm . #f)))
        (artifact "nnue-pytorch" 'software #:license "GPL-3.0-or-later"
                  #:availability 'public-download #:backends '((cpu . #f) (rocm . #f) (cuda . #t)))
        (artifact "syzygy" 'dataset #:license "CC0-1.0" #:availability 'public-download)
        (artifact "lc0-selfplay" 'dataset #:license "ODbL-1.0" #:availability 'public-download)
        (artifact "sf-binpack" 'dataset #:license "CC0-1.0" #:availability 'unavailable)
        (artifact "lc0-net" 'weights #:license "GPL-3.0-or-later" #:availability 'public-download)
        (artifact "sf-net" 'weights #:license "CC0-1.0" #:availability 'public-download
                  #:sha256 "c288c895ea924429ea9092e3f36b2b3c1f00f2a3a4c759ff7e57e79e3b43e4a7")
        (artifact "sf-net-v2" 'weights #:license "CC0-1.0")))

(define (chess-steps)
  (list (step "selfplay" 'generate-data #:inputs '(("lc0-engine" . software))
              #:outputs '("lc0-selfplay") #:compute (compute #:flops 1e15))
        (step "train-lc0" 'train
              #:inputs '(("lczero-training" . software) ("lc0-selfplay" . training-data))
              #:outputs '("lc0-net") #:compute (compute #:flops 1e15))
        (step "generate-sf-data" 'generate-data
              #:inputs '(("lc0-engine" . software) ("lc0-net" . generator-weights)
                         ("syzygy" . training-data))
              #:outputs '("sf-binpack") #:compute (compute #:flops 1e15))
        (step "train-sf" 'train
              #:inputs '(("nnue-pytorch" . software) ("sf-binpack" . training-data))
              #:outputs '("sf-net") #:compute (compute #:flops 1e15))
        (step "finetune-sf" 'fine-tune
              #:inputs '(("nnue-pytorch" . software) ("sf-net" . initial-weights)
                         ("sf-binpack" . training-data))
              #:outputs '("sf-net-v2"))))

(define (chess-graph)
  (make-provenance-graph (chess-artifacts) (chess-steps)))
