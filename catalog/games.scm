;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The catalog: weights of Guix's game packages (Stockfish, Lc0 and its
;;; nets, Maia, GNU Backgammon) and what they come from.  Every fact cites
;;; where it was read; what no source settles is left unknown, with a note
;;; on what would settle it.  Facts "read from Guix" come from the Guix
;;; source tree (master, March 2026).

(define guix-games
  (source "https://codeberg.org/guix/guix/src/branch/master/gnu/packages/games.scm"
          #:date "2026-03" #:about "uri, sha256, package"))
(define guix-lc0
  (source "https://codeberg.org/guix/guix/src/branch/master/gnu/packages/lc0.scm"
          #:date "2026-03" #:about "uri, sha256, package, license field (gpl3+)"))
(define stockfish-networks
  (source "https://github.com/official-stockfish/networks" #:date "2026-11-30"
          #:about "license: the nets were uploaded under CC0"))
(define nnue-pytorch-repository
  (source "https://github.com/official-stockfish/nnue-pytorch" #:date "2026-11-30"
          #:about "license GPL version 3; Dockerfile.CPU, Dockerfile.AMD and Dockerfile.NVIDIA: CPU, ROCm and CUDA"))
(define lc0-readme
  (source "https://github.com/LeelaChessZero/lc0" #:date "2026-11-30"
          #:about "license: GPL version 3 or later, with a section 7 permission for CUDA; CPU and CUDA backends"))
(define lc0-open-data
  (source "https://lczero.org/blog/" #:date "2026-11-30"
          #:about "license: training data under the Open Database License, contents under the Database Contents License (post of 2021-06-14, 'the importance of open data')"))
(define lc0-networks-page
  (source "https://lczero.org/" #:date "2026-11-30"
          #:about "compute (networks page): official reinforcement-learning runs take up to about half a year of community compute; supervised contrib runs a few weeks"))

(define (stockfish-net id hash size-word)
  (artifact id 'weights #:name (string-append "nn-" (string-take hash 12) ".nnue") #:version "18"
           #:format "nnue" #:license "CC0-1.0" #:sha256 hash
           #:uris (list (string-append "https://tests.stockfishchess.org/api/nn/nn-"
                                       (string-take hash 12) ".nnue"))
           #:availability 'public-download #:guix-package "stockfish"
           #:notes (string-append "Stockfish 18's " size-word " net, embedded in the binary")
           #:sources (list guix-games stockfish-networks)))

(define (lc0-net id uri hash notes)
  (artifact id 'weights #:format "lc0-protobuf" #:license "GPL-3.0-or-later" #:sha256 hash #:uris (list uri)
           #:availability 'public-download #:guix-package id
           #:notes (string-append notes "; the license is the one Guix's package declares: what upstream says of the weights is not recorded")
           #:sources (list guix-lc0)))

(define (lc0-training id net kind notes)
  (step id kind
        #:inputs '(("lczero-training" . software) ("lc0-training-data" . training-data))
        #:outputs (list net)
        #:notes notes
        #:sources (list lc0-networks-page)))

(define (maia-net rating)
  (let ((id (string-append "lc0-maia-" rating)))
    (artifact id 'weights #:format "lc0-protobuf" #:availability 'public-download #:guix-package id
             #:uris '("https://github.com/CSSLab/maia-chess")
             #:notes (string-append "model_files/" rating "/final_" rating "-40.pb.gz of the v1.0 checkout; "
                                    "its own sha256 and license are not recorded (the checkout's are)")
             #:sources (list guix-lc0))))

(define (maia-training rating)
  (step (string-append "train-lc0-maia-" rating) 'train
        #:inputs '(("maia-chess" . software) ("lichess-games" . training-data))
        #:outputs (list (string-append "lc0-maia-" rating))
        #:notes (string-append "trained on Lichess games of players rated about " rating
                               "; which games and how much compute is not recorded")
        #:sources (list (source "https://arxiv.org/abs/2006.01855" #:date "2026-11-30"
                                #:about "Maia: networks trained on human games at each rating band"))))

(list
 (provenance
  ;; Software.
  (software "nnue-pytorch" #:license "GPL-3.0-only" #:availability 'public-download
            #:backends '((cpu . #f) (rocm . #f) (cuda . #t))
            #:notes "GPL version 3 as the repository states; whether 'or later' applies is not recorded"
            #:sources (list nnue-pytorch-repository))
  (software "lc0" #:license "GPL-3.0-or-later" #:availability 'public-download
            #:backends '((cpu . #f) (cuda . #t)) #:guix-package "lc0" #:sources (list lc0-readme))
  (software "lczero-training" #:availability 'public-download
            #:uris '("https://github.com/LeelaChessZero/lczero-training")
            #:notes "the TensorFlow trainer of Lc0; its license and the backends it runs on are not recorded"
            #:sources (list (source "https://github.com/LeelaChessZero/lczero-training" #:date "2026-11-30")))
  (software "maia-chess" #:availability 'public-download #:uris '("https://github.com/CSSLab/maia-chess")
            #:notes "Maia's training code; its license and backends are not recorded"
            #:sources (list (source "https://github.com/CSSLab/maia-chess" #:date "2026-11-30")))

  ;; Data.
  (dataset "lc0-training-data" #:license "ODbL-1.0" #:availability 'public-download
           #:notes "Lc0 self-play games; contents under the Database Contents License"
           #:sources (list lc0-open-data))
  (dataset "syzygy-tablebases"
           #:notes "endgame tablebases (several TB) used to rescore positions; license and availability not recorded")
  (dataset "stockfish-18-training-data" #:format "binpack"
           #:notes "over 100 billion positions of Lc0 data (Stockfish 18 release notes); where the exact binpacks are published and under which terms is not recorded: the nets' training recipes would settle it")
  (dataset "lichess-games" #:notes "games of the Lichess database; license and the exact files used are not recorded here")

  ;; Stockfish 18: nets trained with nnue-pytorch on rescored Lc0 data.
  (computed
   (stockfish-net "stockfish-18-big-net" "c288c895ea924429ea9092e3f36b2b3c1f00f2a3a4c759ff7e57e79e3b43e4a7" "big")
   (stockfish-net "stockfish-18-small-net" "37f18f62d772f3107e1d6aaca3898c130c3c86f2ab63e6555fbbca20635a899d" "small"))
  (step "rescore-lc0-data-for-stockfish-18" 'generate-data
        #:inputs '(("lc0-training-data" . training-data) ("syzygy-tablebases" . training-data))
        #:outputs '("stockfish-18-training-data")
        #:notes "Lc0 data converted and rescored with Syzygy tablebases; the rescoring tool is not recorded")
  (step "train-stockfish-18-big-net" 'train
        #:inputs '(("nnue-pytorch" . software) ("stockfish-18-training-data" . training-data))
        #:outputs '("stockfish-18-big-net")
        #:notes "GPU hours for a current net are not recorded")
  (step "train-stockfish-18-small-net" 'train
        #:inputs '(("nnue-pytorch" . software) ("stockfish-18-training-data" . training-data))
        #:outputs '("stockfish-18-small-net")
        #:notes "GPU hours for a current net are not recorded")

  ;; Lc0 networks packaged by Guix.  Official nets are named by a sha256 in
  ;; their URL that is not the file's.
  (computed
   (lc0-net "lc0-611246" "https://storage.lczero.org/files/networks/7ca2381cfeac5c280f304e7027ffbea1b7d87474672e5d6fb16d5cd881640e04"
           "9ce7440198a9f9b4e95b22a4dfbd604d4426ebd4231b852e6c1e668ce5765765" "official network 611246")
  (lc0-net "lc0-791556" "https://storage.lczero.org/files/networks/f404e156ceb2882470fd8c032b8754af0fa0b71168328912eaef14671a256e34"
           "b1c7047582a8ad37620849bf328935cb46f2ccbbecb7f2696c30c6b913ed690d" "official network 791556")
  (lc0-net "lc0-815383" "https://storage.lczero.org/files/networks/8af6098d6fb76e2bef6ef9ee87e61fadcb99f0b789013a72953a95ad10a9e933"
           "4fdba5f9912ff0a6e28e7b1cfb22c93be2d675e109a64e6c0666b2a81e45f525" "official network 815383")
  (lc0-net "lc0-t2" "https://storage.lczero.org/files/networks-contrib/t2-768x15x24h-swa-5230000.pb.gz"
           "bc1454c93cf8cbe2245977b6507343bb3e46c36daac7d89f2a9308bf6001c388" "contrib network T2")
  (lc0-net "lc0-t1" "https://storage.lczero.org/files/networks-contrib/t1-768x15x24h-swa-4000000.pb.gz"
           "d816a843d4cc624dbd4172dc187996d73b2272549339d1894da65af742daa97e" "contrib network T1")
  (lc0-net "lc0-t1-512" "https://storage.lczero.org/files/networks-contrib/t1-512x15x8h-distilled-swa-3395000.pb.gz"
           "1fdb1519e5b02e03f1d9201ec8eb95f640e32cc6459a4f14c0eab6890dc097e8" "contrib network T1-512, distilled")
  (lc0-net "lc0-t1-256" "https://storage.lczero.org/files/networks-contrib/t1-256x10-distilled-swa-2432500.pb.gz"
           "bc27a6cae8ad36f2b9a80a6ad9dabb0d6fda25b1e7f481a79bc359e14f563406" "contrib network T1-256, distilled")
  (lc0-training "train-lc0-611246" "lc0-611246" 'train "official reinforcement-learning run; its compute is not recorded in FLOPs or hours")
  (lc0-training "train-lc0-791556" "lc0-791556" 'train "official reinforcement-learning run; its compute is not recorded in FLOPs or hours")
  (lc0-training "train-lc0-815383" "lc0-815383" 'train "official reinforcement-learning run; its compute is not recorded in FLOPs or hours")
  (lc0-training "train-lc0-t2" "lc0-t2" 'train "supervised contrib run; its compute is not recorded in FLOPs or hours")
  (lc0-training "train-lc0-t1" "lc0-t1" 'train "supervised contrib run; its compute is not recorded in FLOPs or hours")
  (lc0-training "distill-lc0-t1-512" "lc0-t1-512" 'distill "distilled, from a teacher the sources read do not name")
  (lc0-training "distill-lc0-t1-256" "lc0-t1-256" 'distill "distilled, from a teacher the sources read do not name"))

  ;; Maia: human-like nets, one per rating band.
  (computed
   (map maia-net '("1100" "1200" "1300" "1400" "1500" "1600" "1700" "1800" "1900"))
   (map maia-training '("1100" "1200" "1300" "1400" "1500" "1600" "1700" "1800" "1900")))

  ;; GNU Backgammon: weights inside the source tarball.
  (weights "gnubg-weights" #:name "gnubg.weights" #:version "1.08.003" #:guix-package "gnubg"
           #:uris '("mirror://gnu/gnubg/gnubg-release-1.08.003-sources.tar.gz")
           #:notes "inside the source tarball, built into gnubg.wd; their license and how they were trained are not recorded"
           #:sources (list guix-games))
  (step "train-gnubg-weights" 'train #:outputs '("gnubg-weights")
        #:notes "the training software, data and compute are not recorded")))
