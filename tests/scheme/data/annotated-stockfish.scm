;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; Stockfish 18 with an annotation, and the declarations it refers to,
;;; for the command's tests.  The training facts here are made up for the
;;; tests (not sourced): the catalog records the real ones.

(provenance
 (software "nnue-pytorch" #:license "GPL-3.0-or-later" #:availability 'public-download
           #:backends '((cpu . #f) (rocm . #f) (cuda . #t)))
 (software "lc0-engine" #:license "GPL-3.0-or-later" #:availability 'public-download
           #:backends '((cpu . #f) (cuda . #t)))
 (weights "lc0-network" #:license "GPL-3.0-or-later" #:availability 'public-download)
 (step "score-positions" 'generate-data
       #:inputs '(("lc0-engine" . software) ("lc0-network" . generator-weights))
       #:outputs '("stockfish-training-data")
       #:compute (compute #:hours 24 #:hardware-profile "desktop-cpu"))
 (dataset "stockfish-training-data" #:availability 'unavailable))

(package-view "stockfish" "18"
  #:location '((filename . "gnu/packages/games.scm") (line . 12027) (column . 4))
  #:origins
  (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/official-stockfish/Stockfish")
                     #:sha256 "27d1347c97947a62a1d6600f2793e36779265ea01cd44737746e6c7f3be1b86a")
        (origin-view "neural-network-big"
                     #:uris '("https://tests.stockfishchess.org/api/nn/nn-c288c895ea92.nnue")
                     #:sha256 "c288c895ea924429ea9092e3f36b2b3c1f00f2a3a4c759ff7e57e79e3b43e4a7")
        (origin-view "neural-network-small"
                     #:uris '("https://tests.stockfishchess.org/api/nn/nn-37f18f62d772.nnue")
                     #:sha256 "37f18f62d772f3107e1d6aaca3898c130c3c86f2ab63e6555fbbca20635a899d"))
  #:properties
  `((model-provenance
     . ,(provenance
         (weights "stockfish-18-big-net" #:input "neural-network-big" #:format 'nnue
                  #:license "CC0-1.0"
                  #:sha256 "c288c895ea924429ea9092e3f36b2b3c1f00f2a3a4c759ff7e57e79e3b43e4a7")
         (weights "stockfish-18-small-net" #:input "neural-network-small" #:format 'nnue
                  #:license "CC0-1.0"
                  #:sha256 "37f18f62d772f3107e1d6aaca3898c130c3c86f2ab63e6555fbbca20635a899d")
         (step "train-stockfish-18-big-net" 'train
               #:inputs '(("nnue-pytorch" . software) ("stockfish-training-data" . training-data))
               #:outputs '("stockfish-18-big-net")
               #:compute (compute #:hours 48 #:hardware-profile "desktop-amd-gpu"))
         (step "train-stockfish-18-small-net" 'train
               #:inputs '(("nnue-pytorch" . software) ("stockfish-training-data" . training-data))
               #:outputs '("stockfish-18-small-net")
               #:compute (compute #:hours 12 #:hardware-profile "desktop-amd-gpu"))))))
