;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; Package views of real Guix packages (master, March 2026), as listed in
;;; shared/docs/guix-facts.md: locations, origins, URIs and sha256 hashes.

(define (at file line column)
  ;; Guix prints lines from 1; views keep them from 0, like syntax-source.
  `((filename . ,file) (line . ,(- line 1)) (column . ,column)))

(define stockfish
  (package-view "stockfish" "18"
    #:location (at "gnu/packages/games.scm" 12028 4)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                       #:uris '("https://github.com/official-stockfish/Stockfish")
                       #:file-name "stockfish-18-checkout"
                       #:sha256 "27d1347c97947a62a1d6600f2793e36779265ea01cd44737746e6c7f3be1b86a")
          (origin-view "neural-network-big"
                       #:uris '("https://tests.stockfishchess.org/api/nn/nn-c288c895ea92.nnue")
                       #:sha256 "c288c895ea924429ea9092e3f36b2b3c1f00f2a3a4c759ff7e57e79e3b43e4a7")
          (origin-view "neural-network-small"
                       #:uris '("https://tests.stockfishchess.org/api/nn/nn-37f18f62d772.nnue")
                       #:sha256 "37f18f62d772f3107e1d6aaca3898c130c3c86f2ab63e6555fbbca20635a899d"))))

(define lc0
  (package-view "lc0" "0.31.2"
    #:location (at "gnu/packages/lc0.scm" 40 2)
    #:origins (list (origin-view "source" #:method 'git-fetch
                                 #:uris '("https://github.com/LeelaChessZero/lc0")
                                 #:file-name "lc0-0.31.2-checkout"
                                 #:sha256 "f306ad0c3c52c99e64858aa95cfca342ca363243b37c8ea8da7b74be4ba21142"))))

(define lc0-611246
  (package-view "lc0-611246" "0"
    #:location (at "gnu/packages/lc0.scm" 86 2)
    #:origins (list (origin-view "source"
                                 #:uris '("https://storage.lczero.org/files/networks/7ca2381cfeac5c280f304e7027ffbea1b7d87474672e5d6fb16d5cd881640e04")
                                 #:file-name "lc0-611246.pb.gz"
                                 #:sha256 "9ce7440198a9f9b4e95b22a4dfbd604d4426ebd4231b852e6c1e668ce5765765"))))

(define lc0-t2
  (package-view "lc0-t2" "0"
    #:location (at "gnu/packages/lc0.scm" 86 2)
    #:origins (list (origin-view "source"
                                 #:uris '("https://storage.lczero.org/files/networks-contrib/t2-768x15x24h-swa-5230000.pb.gz")
                                 #:file-name "lc0-t2-768x15x24h-swa-5230000.pb.gz"
                                 #:sha256 "bc1454c93cf8cbe2245977b6507343bb3e46c36daac7d89f2a9308bf6001c388"))))

(define lc0-maia-1900
  (package-view "lc0-maia-1900" "1.0"
    #:location (at "gnu/packages/lc0.scm" 170 2)
    #:origins (list (origin-view "source" #:method 'git-fetch
                                 #:uris '("https://github.com/CSSLab/maia-chess")
                                 #:file-name "maia-1.0-checkout"
                                 #:sha256 "59f7bce74526b8eada3eff84a4be72c7ef17e96fbaed20479e7b97754db95362"))))

(define tessdata-fast
  (package-view "tesseract-ocr-tessdata-fast" "4.1.0"
    #:location (at "gnu/packages/ocr.scm" 78 2)
    #:origins (list (origin-view "source" #:method 'git-fetch
                                 #:uris '("https://github.com/tesseract-ocr/tessdata_fast")
                                 #:file-name "tesseract-ocr-tessdata-fast-4.1.0-checkout"
                                 #:sha256 "0401fb0837b10a06795c57d6066a461528e3fe76c9cb831145bd1fb42e0361d4"))))

(define onnx-asr
  (let ((hub "https://huggingface.co/istupakov/parakeet-tdt-0.6b-v3-onnx/resolve/abd2878d52a678ce380088ef9d9b1d9664404565/"))
    (package-view "python-onnx-asr" "0.10.2"
      #:location (at "gnu/packages/speech.scm" 869 2)
      #:origins
      ;; guix-facts.md gives the source only as "the onnx_asr-0.10.2 source
      ;; tarball from the Python package index", so its URI is left out.
      (list (origin-view "source" #:sha256 "70381939cf82d02c1257537e7f5825c35db15008cc02a5c43a4e62b6d5acbb34")
            (origin-view "config.json" #:uris (list (string-append hub "config.json"))
                         #:file-name "config.json"
                         #:sha256 "666903c76b9798caf2c210afd4f6cd60b08a8dbf9800ec8d7a3bc0d2148ac466")
            (origin-view "vocab.txt" #:uris (list (string-append hub "vocab.txt"))
                         #:file-name "vocab.txt"
                         #:sha256 "d58544679ea4bc6ac563d1f545eb7d474bd6cfa467f0a6e2c1dc1c7d37e3c35d")
            (origin-view "encoder-model.int8.onnx" #:uris (list (string-append hub "encoder-model.int8.onnx"))
                         #:file-name "encoder-model.int8.onnx"
                         #:sha256 "6139d2fa7e1b086097b277c7149725edbab89cc7c7ae64b23c741be4055aff09")
            (origin-view "decoder_joint-model.int8.onnx"
                         #:uris (list (string-append hub "decoder_joint-model.int8.onnx"))
                         #:file-name "decoder_joint-model.int8.onnx"
                         #:sha256 "eea7483ee3d1a30375daedc8ed83e3960c91b098812127a0d99d1c8977667a70")))))

(define gnubg
  (package-view "gnubg" "1.08.003"
    #:location (at "gnu/packages/games.scm" 2595 2)
    #:origins (list (origin-view "source" #:uris '("mirror://gnu/gnubg/gnubg-release-1.08.003-sources.tar.gz")
                                 #:sha256 "6f7d969b13cfff786fba90ff8cc5e5d564b97f4f0aa69afe4f3838f18c445979"))))

(list stockfish lc0 lc0-611246 lc0-t2 lc0-maia-1900 tessdata-fast onnx-asr gnubg)
