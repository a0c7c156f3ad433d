;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The catalog's Guix packages, as package views: what the Guix source
;;; tree (master, March 2026) says of their locations and origins, with
;;; URIs and sha256 hashes.  The main job lints them against the catalog.

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

(define (lc0-net-view name uri file hash)
  (package-view name "0"
    #:location (at "gnu/packages/lc0.scm" 86 2)
    #:origins (list (origin-view "source" #:uris (list uri) #:file-name file #:sha256 hash))))

(define lc0-nets
  (list lc0-611246 lc0-t2
        (lc0-net-view "lc0-791556" "https://storage.lczero.org/files/networks/f404e156ceb2882470fd8c032b8754af0fa0b71168328912eaef14671a256e34"
                      "lc0-791556.pb.gz" "b1c7047582a8ad37620849bf328935cb46f2ccbbecb7f2696c30c6b913ed690d")
        (lc0-net-view "lc0-815383" "https://storage.lczero.org/files/networks/8af6098d6fb76e2bef6ef9ee87e61fadcb99f0b789013a72953a95ad10a9e933"
                      "lc0-815383.pb.gz" "4fdba5f9912ff0a6e28e7b1cfb22c93be2d675e109a64e6c0666b2a81e45f525")
        (lc0-net-view "lc0-t1" "https://storage.lczero.org/files/networks-contrib/t1-768x15x24h-swa-4000000.pb.gz"
                      "lc0-t1-768x15x24h-swa-4000000.pb.gz" "d816a843d4cc624dbd4172dc187996d73b2272549339d1894da65af742daa97e")
        (lc0-net-view "lc0-t1-512" "https://storage.lczero.org/files/networks-contrib/t1-512x15x8h-distilled-swa-3395000.pb.gz"
                      "lc0-t1-512x15x8h-distilled-swa-3395000.pb.gz" "1fdb1519e5b02e03f1d9201ec8eb95f640e32cc6459a4f14c0eab6890dc097e8")
        (lc0-net-view "lc0-t1-256" "https://storage.lczero.org/files/networks-contrib/t1-256x10-distilled-swa-2432500.pb.gz"
                      "lc0-t1-256x10-distilled-swa-2432500.pb.gz" "bc27a6cae8ad36f2b9a80a6ad9dabb0d6fda25b1e7f481a79bc359e14f563406")))

;; The nine Maia packages come from one procedure and one checkout.
(define maia-nets
  (map (lambda (rating)
         (package-view (string-append "lc0-maia-" rating) "1.0"
           #:location (at "gnu/packages/lc0.scm" 170 2)
           #:origins (list (origin-view "source" #:method 'git-fetch
                                        #:uris '("https://github.com/CSSLab/maia-chess")
                                        #:file-name "maia-1.0-checkout"
                                        #:sha256 "59f7bce74526b8eada3eff84a4be72c7ef17e96fbaed20479e7b97754db95362"))))
       '("1100" "1200" "1300" "1400" "1500" "1600" "1700" "1800" "1900")))

(define opencv
  (package-view "opencv" "4.13.0"
    #:location (at "gnu/packages/image-processing.scm" 593 2)
    #:origins
    (list (origin-view "source" #:method 'git-fetch #:uris '("https://github.com/opencv/opencv")
                       #:file-name "opencv-4.13.0-checkout"
                       #:sha256 "74be35898b59fae544ad3b17e02fae69f8191fb55a2e090ef761968d25768497")
          (origin-view "opencv-3rdparty-boost" #:method 'git-fetch
                       #:uris '("https://github.com/opencv/opencv_3rdparty")
                       #:file-name "opencv_3rdparty-34e4206aef44d50e6bbcd0ab06354b52e7466d26-checkout"
                       #:sha256 "c2582d922c6882a8e540b53590e59d31625ab46eb1d57e75dff0bd0d7b78d18f")
          (origin-view "opencv-3rdparty-vgg" #:method 'git-fetch
                       #:uris '("https://github.com/opencv/opencv_3rdparty")
                       #:file-name "opencv_3rdparty-fccf7cd6a4b12079f73bbfb21745f9babcd4eb1d-checkout"
                       #:sha256 "7e374633e0b1575417ef3985d80891f4d0e49eb3f63e3c9ac6d8d3db50552e65")
          (origin-view "opencv-extra" #:method 'git-fetch #:uris '("https://github.com/opencv/opencv_extra")
                       #:file-name "opencv_extra-4.13.0-checkout"
                       #:sha256 "afbdc7a6187966e2addc8a103336ed2f503179565dd8e4a9bd9f31f2fe817749")
          (origin-view "opencv-contrib" #:method 'git-fetch #:uris '("https://github.com/opencv/opencv_contrib")
                       #:file-name "opencv_contrib-4.13.0-checkout"
                       #:sha256 "f18442ab51fd69f6f56b4a557af1f4c7ad52316e1d4e92c09e8fcff40e9b3888"))))

(define rnnoise
  (package-view "rnnoise" "0-0.7f449bf"
    #:location (at "gnu/packages/xiph.scm" 557 3)
    #:origins (list (origin-view "source" #:method 'git-fetch
                                 #:uris '("https://gitlab.xiph.org/xiph/rnnoise")
                                 #:file-name "rnnoise-0-0.7f449bf-checkout"
                                 #:sha256 "72e6a1394360506840425749efa0ad62388045adac32981ce155d9d4fa6e1279"))))

(append (list stockfish lc0) lc0-nets maia-nets
        (list tessdata-fast onnx-asr opencv gnubg rnnoise))
