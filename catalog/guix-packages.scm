;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The Guix packages the catalog knows, as package views: their locations
;;; and origins (URIs, sha256 in hexadecimal) as Guix master of 2026-03-21
;;; (commit 43770a9d8ac4) defines them.  Generated from that Guix by
;;; build-aux/update-package-views.scm; do not edit.  The main job lints
;;; these packages against the catalog.

(define (at file line column)
  ;; Guix prints lines from 1; views keep them from 0, like syntax-source.
  `((filename . ,file) (line . ,(- line 1)) (column . ,column)))

(list
  (package-view "lc0" "0.31.2"
    #:location (at "gnu/packages/lc0.scm" 40 2)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/LeelaChessZero/lc0")
                     #:file-name "lc0-0.31.2-checkout"
                     #:sha256 "f306ad0c3c52c99e64858aa95cfca342ca363243b37c8ea8da7b74be4ba21142")))
  (package-view "noise-suppression-for-voice" "0.91"
    #:location (at "gnu/packages/pulseaudio.scm" 453 2)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/werman/noise-suppression-for-voice")
                     #:file-name "noise-suppression-for-voice-0.91-checkout"
                     #:sha256 "8cb712150cf992df8f7167ad65443534443676223b67f65a05efe8c9968efc86")))
  (package-view "noisetorch" "0.12.2"
    #:location (at "gnu/packages/pulseaudio.scm" 487 2)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/noisetorch/NoiseTorch")
                     #:file-name "noisetorch-0.12.2-checkout"
                     #:sha256 "93e50ef9ffa13c63527d39d51fd4f5ac8c961049274beb26f73d719ec9c69fe3")))
  (package-view "lv2-speech-denoiser" "0-1.04cfba9"
    #:location (at "gnu/packages/audio.scm" 6606 4)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/lucianodato/speech-denoiser/")
                     #:file-name "lv2-speech-denoiser-0-1.04cfba9-checkout"
                     #:sha256 "245f2bab96be2c927231183c8d33333c503d77d6ec7d2f97c9bb7c8d3e3534a1")))
  (package-view "webrtc-audio-processing" "1.3"
    #:location (at "gnu/packages/audio.scm" 363 2)
    #:origins
    (list (origin-view "source" #:method 'url-fetch
                     #:uris '("http://freedesktop.org/software/pulseaudio/webrtc-audio-processing/webrtc-audio-processing-1.3.tar.gz")
                     #:file-name "webrtc-audio-processing-1.3.tar.gz"
                     #:sha256 "95552fc17faa0202133707bbb3727e8c2cf64d4266fe31bfdb2298d769c1db75")))
  (package-view "webrtc-for-telegram-desktop" "0-489.d067233"
    #:location (at "gnu/packages/telegram.scm" 289 5)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/desktop-app/tg_owt.git")
                     #:file-name "webrtc-for-telegram-desktop-0-489.d067233-checkout"
                     #:sha256 "8732f2ac28d1e34d404fdc441297b34a5312521417bd6277804f20feb74c67ff")))
  (package-view "chow-tape-model" "2.11.4"
    #:location (at "gnu/packages/audio.scm" 1923 2)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/jatinchowdhury18/AnalogTapeModel")
                     #:file-name "chow-tape-model-2.11.4-checkout"
                     #:sha256 "5ab8878baf18ea102caf013eef826d56500a511f657d37338fa50af61d853863")))
  (package-view "libvpx" "1.15.2"
    #:location (at "gnu/packages/video.scm" 3137 2)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://chromium.googlesource.com/webm/libvpx")
                     #:file-name "libvpx-1.15.2-checkout"
                     #:sha256 "d45e5996e7b60d8d72257c1f0df19e87729c153415a3dbe81dc1a4808b4a821d")))
  (package-view "libaom" "3.8.0"
    #:location (at "gnu/packages/video.scm" 944 2)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://aomedia.googlesource.com/aom/")
                     #:file-name "libaom-3.8.0-checkout"
                     #:sha256 "271333f979e3994be4f13953a9d5361cfd46ab76d77dc2e45e9e4012ff7eee13")))
  (package-view "opus" "1.5.2"
    #:location (at "gnu/packages/xiph.scm" 369 2)
    #:origins
    (list (origin-view "source" #:method 'url-fetch
                     #:uris '("https://downloads.xiph.org/releases/opus/opus-1.5.2.tar.gz")
                     #:file-name "opus-1.5.2.tar.gz"
                     #:sha256 "65c1d2f78b9f2fb20082c38cbe47c951ad5839345876e46941612ee87f9a7ce1")))
  (package-view "python-xx-sent-ud-sm" "3.8.0"
    #:location (at "gnu/packages/machine-learning.scm" 6239 3)
    #:origins
    (list (origin-view "source" #:method 'url-fetch
                     #:uris '("https://github.com/explosion/spacy-models/releases/download/xx_sent_ud_sm-3.8.0/xx_sent_ud_sm-3.8.0.tar.gz")
                     #:file-name "xx_sent_ud_sm-3.8.0.tar.gz"
                     #:sha256 "d895d6ce9e1a70139fa9096e2d2809d8d20a306e4e3d5ef0beb3d66d87a09edf")))
  (package-view "telegram-desktop" "6.3.6"
    #:location (at "gnu/packages/telegram.scm" 495 2)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/telegramdesktop/tdesktop.git")
                     #:file-name "telegram-desktop-6.3.6-checkout"
                     #:sha256 "ddb5e196be2ca4252ca6e83272853e687d8e09a6f11552aa14e1d12319c85d1a")))
  (package-view "libime" "1.1.12"
    #:location (at "gnu/packages/fcitx5.scm" 181 2)
    #:origins
    (list (origin-view "source" #:method 'url-fetch
                     #:uris '("https://download.fcitx-im.org/fcitx5/libime/libime-1.1.12_dict.tar.zst")
                     #:file-name "libime-1.1.12_dict.tar.zst"
                     #:sha256 "f8c58fd50da5a28cda3c40fb9b0b4bd252bc198196b28c75e97f32d7d7eac60a")))
  (package-view "libpinyin" "2.8.1"
    #:location (at "gnu/packages/ibus.scm" 341 2)
    #:origins
    (list (origin-view "source" #:method 'url-fetch
                     #:uris '("https://github.com/libpinyin/libpinyin/releases/download/2.8.1/libpinyin-2.8.1.tar.gz")
                     #:file-name "libpinyin-2.8.1.tar.gz"
                     #:sha256 "353154f06d71dd0737b77ddcb27cb0dcaddb00f7ccd695bc0314bb42050e9050")))
  (package-view "mecab-ipadic" "2.7.0"
    #:location (at "gnu/packages/language.scm" 1018 2)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/taku910/mecab")
                     #:file-name "mecab-0.996-checkout"
                     #:sha256 "4a9149015f7b97a07c78cf62b09ce80ca9be326ffec5a55faa1e48645f3ebbc1")))
  (package-view "python-langdetect" "1.0.9"
    #:location (at "gnu/packages/python-xyz.scm" 17384 2)
    #:origins
    (list (origin-view "source" #:method 'url-fetch
                     #:uris '("https://files.pythonhosted.org/packages/source/l/langdetect/langdetect-1.0.9.tar.gz")
                     #:file-name "langdetect-1.0.9.tar.gz"
                     #:sha256 "cbc1fef89f8d062739774bd51eda3da3274006b3661d199c2655f6b3f6d605a0")))
  (package-view "rspamd" "3.12.1"
    #:location (at "gnu/packages/mail.scm" 4733 2)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/rspamd/rspamd")
                     #:file-name "rspamd-3.12.1-checkout"
                     #:sha256 "6c0913d26b149201a48c022517b96725b8a604a5b53529f6ce39028f712b2752")))
  (package-view "libexttextcat" "3.4.5"
    #:location (at "gnu/packages/libreoffice.scm" 516 2)
    #:origins
    (list (origin-view "source" #:method 'url-fetch
                     #:uris '("http://dev-www.libreoffice.org/src/libexttextcat/libexttextcat-3.4.5.tar.xz")
                     #:file-name "libexttextcat-3.4.5.tar.xz"
                     #:sha256 "13fdbc9d4c489a4d0519e51933a1aa21fe3fb9eb7da191b87f7a63e82797dac8")))
  (package-view "sextractor" "2.28.2"
    #:location (at "gnu/packages/astronomy.scm" 11125 2)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/astromatic/sextractor")
                     #:file-name "sextractor-2.28.2-checkout"
                     #:sha256 "584551fdfb0aa2b8fd466839fe0c3899f778b0ca9cbdea1bd890f8624cc02216")))
  (package-view "nanopolish" "0.14.0"
    #:location (at "gnu/packages/bioinformatics.scm" 21097 2)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/jts/nanopolish")
                     #:file-name "nanopolish-0.14.0-checkout"
                     #:sha256 "e5f5e8494aea8c17c49b3b0f9e54aa9213630f73cc9404b67a3c63a062d949c1")))
  (package-view "festival" "2.5.0"
    #:location (at "gnu/packages/speech.scm" 359 2)
    #:origins
    (list (origin-view "source" #:method 'url-fetch
                     #:uris '("http://festvox.org/packed/festival/2.5/festival-2.5.0-release.tar.gz")
                     #:file-name "festival-2.5.0-release.tar.gz"
                     #:sha256 "4c9007426b125290599d931df410e2def51e68a8aeebd89b4a61c7c96c09a4b4")
          (origin-view "festvox-cmu" #:method 'url-fetch
                     #:uris '("http://festvox.org/packed/festival/2.5/festlex_CMU.tar.gz")
                     #:file-name "festlex_CMU.tar.gz"
                     #:sha256 "c19430919bca45d5368cd4c82af6153fbcc96a487ebd30b78b5f3c08718b7c07")
          (origin-view "festvox-poslex" #:method 'url-fetch
                     #:uris '("http://festvox.org/packed/festival/2.5/festlex_POSLEX.tar.gz")
                     #:file-name "festlex_POSLEX.tar.gz"
                     #:sha256 "e7c6e3642dbd5b0d64942bc015a986fdd6244a79e51ec2e8309e63d569e49ea3")
          (origin-view "default-voice" #:method 'url-fetch
                     #:uris '("http://festvox.org/packed/festival/2.5/voices/festvox_kallpc16k.tar.gz")
                     #:file-name "festvox_kallpc16k.tar.gz"
                     #:sha256 "809c4ab5ed9e4df4a658b58d5c56fe35055723f00d81a238168f5a1ebdaed08c")
          (origin-view "speech-tools" #:method 'url-fetch
                     #:uris '("http://festvox.org/packed/festival/2.5/speech_tools-2.5.0-release.tar.gz")
                     #:file-name "speech_tools-2.5.0-release.tar.gz"
                     #:sha256 "e4fd97ed78f14464358d09f36dfe91bc1721b7c0fa6503e04364fb5847805dcc")))
  (package-view "flite" "2.2"
    #:location (at "gnu/packages/speech.scm" 74 2)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/festvox/flite")
                     #:file-name "flite-2.2-checkout"
                     #:sha256 "4eae69ca0dd3890b7c08fa865d3c8b39a1a069e2d398fa7e0eec37fb654017d8")))
  (package-view "pocketsphinx" "5.0.4"
    #:location (at "gnu/packages/speech.scm" 675 2)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/cmusphinx/pocketsphinx")
                     #:file-name "pocketsphinx-5.0.4-checkout"
                     #:sha256 "0d42b7ccf3edbfeb10842d5d7c95c39b0b6ddd457a0c669c6f798c414a6f5699")))
  (package-view "python-faster-whisper" "1.2.0"
    #:location (at "gnu/packages/machine-learning.scm" 402 2)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/SYSTRAN/faster-whisper")
                     #:file-name "python-faster-whisper-1.2.0-checkout"
                     #:sha256 "92fda92eccc8986ceb3c8d2ad9e8255fffc132b8f6a45d283079d9fbb54aac72")))
  (package-view "whisper-cpp" "1.8.4"
    #:location (at "gnu/packages/machine-learning.scm" 939 2)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/ggml-org/whisper.cpp")
                     #:file-name "whisper-cpp-1.8.4-checkout"
                     #:sha256 "602b962832a5ae16f1faddedda40e9030b8ab78ae48a90ec3973babaa214fd6d")))
  (package-view "dlib" "20.0"
    #:location (at "gnu/packages/machine-learning.scm" 2392 2)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/davisking/dlib.git")
                     #:file-name "dlib-20.0-checkout"
                     #:sha256 "5535fbb34a7603396f3d4b12317c198a28fe518f60db2f9ad582207bd6e2d2cc")))
  (package-view "opencv" "4.13.0"
    #:location (at "gnu/packages/image-processing.scm" 593 2)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/opencv/opencv")
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
          (origin-view "opencv-extra" #:method 'git-fetch
                     #:uris '("https://github.com/opencv/opencv_extra")
                     #:file-name "opencv_extra-4.13.0-checkout"
                     #:sha256 "afbdc7a6187966e2addc8a103336ed2f503179565dd8e4a9bd9f31f2fe817749")
          (origin-view "opencv-contrib" #:method 'git-fetch
                     #:uris '("https://github.com/opencv/opencv_contrib")
                     #:file-name "opencv_contrib-4.13.0-checkout"
                     #:sha256 "f18442ab51fd69f6f56b4a557af1f4c7ad52316e1d4e92c09e8fcff40e9b3888")))
  (package-view "godot" "3.6"
    #:location (at "gnu/packages/game-development.scm" 2395 2)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/godotengine/godot")
                     #:file-name "godot-3.6-checkout"
                     #:sha256 "e164183b50410caf7e7b26e5a48f2a4606c11b8faa3d1559323780140b68b7ed")))
  (package-view "tesseract-ocr" "5.3.0"
    #:location (at "gnu/packages/ocr.scm" 104 2)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/tesseract-ocr/tesseract")
                     #:file-name "tesseract-ocr-5.3.0-checkout"
                     #:sha256 "63e4593a70428d2f17ad6785038131531c2cb960340e774db692168ed462d46f")))
  (package-view "stockfish" "18"
    #:location (at "gnu/packages/games.scm" 12028 4)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/official-stockfish/Stockfish")
                     #:file-name "stockfish-18-checkout"
                     #:sha256 "27d1347c97947a62a1d6600f2793e36779265ea01cd44737746e6c7f3be1b86a")
          (origin-view "neural-network-big" #:method 'url-fetch
                     #:uris '("https://tests.stockfishchess.org/api/nn/nn-c288c895ea92.nnue")
                     #:file-name "nn-c288c895ea92.nnue"
                     #:sha256 "c288c895ea924429ea9092e3f36b2b3c1f00f2a3a4c759ff7e57e79e3b43e4a7")
          (origin-view "neural-network-small" #:method 'url-fetch
                     #:uris '("https://tests.stockfishchess.org/api/nn/nn-37f18f62d772.nnue")
                     #:file-name "nn-37f18f62d772.nnue"
                     #:sha256 "37f18f62d772f3107e1d6aaca3898c130c3c86f2ab63e6555fbbca20635a899d")))
  (package-view "lc0-611246" "0"
    #:location (at "gnu/packages/lc0.scm" 86 2)
    #:origins
    (list (origin-view "source" #:method 'url-fetch
                     #:uris '("https://storage.lczero.org/files/networks/7ca2381cfeac5c280f304e7027ffbea1b7d87474672e5d6fb16d5cd881640e04")
                     #:file-name "lc0-611246.pb.gz"
                     #:sha256 "9ce7440198a9f9b4e95b22a4dfbd604d4426ebd4231b852e6c1e668ce5765765")))
  (package-view "lc0-791556" "0"
    #:location (at "gnu/packages/lc0.scm" 86 2)
    #:origins
    (list (origin-view "source" #:method 'url-fetch
                     #:uris '("https://storage.lczero.org/files/networks/f404e156ceb2882470fd8c032b8754af0fa0b71168328912eaef14671a256e34")
                     #:file-name "lc0-791556.pb.gz"
                     #:sha256 "b1c7047582a8ad37620849bf328935cb46f2ccbbecb7f2696c30c6b913ed690d")))
  (package-view "lc0-815383" "0"
    #:location (at "gnu/packages/lc0.scm" 86 2)
    #:origins
    (list (origin-view "source" #:method 'url-fetch
                     #:uris '("https://storage.lczero.org/files/networks/8af6098d6fb76e2bef6ef9ee87e61fadcb99f0b789013a72953a95ad10a9e933")
                     #:file-name "lc0-815383.pb.gz"
                     #:sha256 "4fdba5f9912ff0a6e28e7b1cfb22c93be2d675e109a64e6c0666b2a81e45f525")))
  (package-view "lc0-t2" "0"
    #:location (at "gnu/packages/lc0.scm" 86 2)
    #:origins
    (list (origin-view "source" #:method 'url-fetch
                     #:uris '("https://storage.lczero.org/files/networks-contrib/t2-768x15x24h-swa-5230000.pb.gz")
                     #:file-name "lc0-t2-768x15x24h-swa-5230000.pb.gz"
                     #:sha256 "bc1454c93cf8cbe2245977b6507343bb3e46c36daac7d89f2a9308bf6001c388")))
  (package-view "lc0-t1" "0"
    #:location (at "gnu/packages/lc0.scm" 86 2)
    #:origins
    (list (origin-view "source" #:method 'url-fetch
                     #:uris '("https://storage.lczero.org/files/networks-contrib/t1-768x15x24h-swa-4000000.pb.gz")
                     #:file-name "lc0-t1-768x15x24h-swa-4000000.pb.gz"
                     #:sha256 "d816a843d4cc624dbd4172dc187996d73b2272549339d1894da65af742daa97e")))
  (package-view "lc0-t1-512" "0"
    #:location (at "gnu/packages/lc0.scm" 86 2)
    #:origins
    (list (origin-view "source" #:method 'url-fetch
                     #:uris '("https://storage.lczero.org/files/networks-contrib/t1-512x15x8h-distilled-swa-3395000.pb.gz")
                     #:file-name "lc0-t1-512x15x8h-distilled-swa-3395000.pb.gz"
                     #:sha256 "1fdb1519e5b02e03f1d9201ec8eb95f640e32cc6459a4f14c0eab6890dc097e8")))
  (package-view "lc0-t1-256" "0"
    #:location (at "gnu/packages/lc0.scm" 86 2)
    #:origins
    (list (origin-view "source" #:method 'url-fetch
                     #:uris '("https://storage.lczero.org/files/networks-contrib/t1-256x10-distilled-swa-2432500.pb.gz")
                     #:file-name "lc0-t1-256x10-distilled-swa-2432500.pb.gz"
                     #:sha256 "bc27a6cae8ad36f2b9a80a6ad9dabb0d6fda25b1e7f481a79bc359e14f563406")))
  (package-view "lc0-maia-1100" "1.0"
    #:location (at "gnu/packages/lc0.scm" 170 2)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/CSSLab/maia-chess")
                     #:file-name "maia-1.0-checkout"
                     #:sha256 "59f7bce74526b8eada3eff84a4be72c7ef17e96fbaed20479e7b97754db95362")))
  (package-view "lc0-maia-1200" "1.0"
    #:location (at "gnu/packages/lc0.scm" 170 2)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/CSSLab/maia-chess")
                     #:file-name "maia-1.0-checkout"
                     #:sha256 "59f7bce74526b8eada3eff84a4be72c7ef17e96fbaed20479e7b97754db95362")))
  (package-view "lc0-maia-1300" "1.0"
    #:location (at "gnu/packages/lc0.scm" 170 2)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/CSSLab/maia-chess")
                     #:file-name "maia-1.0-checkout"
                     #:sha256 "59f7bce74526b8eada3eff84a4be72c7ef17e96fbaed20479e7b97754db95362")))
  (package-view "lc0-maia-1400" "1.0"
    #:location (at "gnu/packages/lc0.scm" 170 2)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/CSSLab/maia-chess")
                     #:file-name "maia-1.0-checkout"
                     #:sha256 "59f7bce74526b8eada3eff84a4be72c7ef17e96fbaed20479e7b97754db95362")))
  (package-view "lc0-maia-1500" "1.0"
    #:location (at "gnu/packages/lc0.scm" 170 2)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/CSSLab/maia-chess")
                     #:file-name "maia-1.0-checkout"
                     #:sha256 "59f7bce74526b8eada3eff84a4be72c7ef17e96fbaed20479e7b97754db95362")))
  (package-view "lc0-maia-1600" "1.0"
    #:location (at "gnu/packages/lc0.scm" 170 2)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/CSSLab/maia-chess")
                     #:file-name "maia-1.0-checkout"
                     #:sha256 "59f7bce74526b8eada3eff84a4be72c7ef17e96fbaed20479e7b97754db95362")))
  (package-view "lc0-maia-1700" "1.0"
    #:location (at "gnu/packages/lc0.scm" 170 2)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/CSSLab/maia-chess")
                     #:file-name "maia-1.0-checkout"
                     #:sha256 "59f7bce74526b8eada3eff84a4be72c7ef17e96fbaed20479e7b97754db95362")))
  (package-view "lc0-maia-1800" "1.0"
    #:location (at "gnu/packages/lc0.scm" 170 2)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/CSSLab/maia-chess")
                     #:file-name "maia-1.0-checkout"
                     #:sha256 "59f7bce74526b8eada3eff84a4be72c7ef17e96fbaed20479e7b97754db95362")))
  (package-view "lc0-maia-1900" "1.0"
    #:location (at "gnu/packages/lc0.scm" 170 2)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/CSSLab/maia-chess")
                     #:file-name "maia-1.0-checkout"
                     #:sha256 "59f7bce74526b8eada3eff84a4be72c7ef17e96fbaed20479e7b97754db95362")))
  (package-view "gnubg" "1.08.003"
    #:location (at "gnu/packages/games.scm" 2595 2)
    #:origins
    (list (origin-view "source" #:method 'url-fetch
                     #:uris '("mirror://gnu/gnubg/gnubg-release-1.08.003-sources.tar.gz")
                     #:file-name "gnubg-release-1.08.003-sources.tar.gz"
                     #:sha256 "6f7d969b13cfff786fba90ff8cc5e5d564b97f4f0aa69afe4f3838f18c445979")))
  (package-view "tesseract-ocr-tessdata-fast" "4.1.0"
    #:location (at "gnu/packages/ocr.scm" 78 2)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://github.com/tesseract-ocr/tessdata_fast")
                     #:file-name "tesseract-ocr-tessdata-fast-4.1.0-checkout"
                     #:sha256 "0401fb0837b10a06795c57d6066a461528e3fe76c9cb831145bd1fb42e0361d4")))
  (package-view "python-onnx-asr" "0.10.2"
    #:location (at "gnu/packages/speech.scm" 869 2)
    #:origins
    (list (origin-view "source" #:method 'url-fetch
                     #:uris '("https://files.pythonhosted.org/packages/source/o/onnx_asr/onnx_asr-0.10.2.tar.gz")
                     #:file-name "onnx_asr-0.10.2.tar.gz"
                     #:sha256 "70381939cf82d02c1257537e7f5825c35db15008cc02a5c43a4e62b6d5acbb34")
          (origin-view "config.json" #:method 'url-fetch
                     #:uris '("https://huggingface.co/istupakov/parakeet-tdt-0.6b-v3-onnx/resolve/abd2878d52a678ce380088ef9d9b1d9664404565/config.json")
                     #:file-name "config.json"
                     #:sha256 "666903c76b9798caf2c210afd4f6cd60b08a8dbf9800ec8d7a3bc0d2148ac466")
          (origin-view "vocab.txt" #:method 'url-fetch
                     #:uris '("https://huggingface.co/istupakov/parakeet-tdt-0.6b-v3-onnx/resolve/abd2878d52a678ce380088ef9d9b1d9664404565/vocab.txt")
                     #:file-name "vocab.txt"
                     #:sha256 "d58544679ea4bc6ac563d1f545eb7d474bd6cfa467f0a6e2c1dc1c7d37e3c35d")
          (origin-view "encoder-model.int8.onnx" #:method 'url-fetch
                     #:uris '("https://huggingface.co/istupakov/parakeet-tdt-0.6b-v3-onnx/resolve/abd2878d52a678ce380088ef9d9b1d9664404565/encoder-model.int8.onnx")
                     #:file-name "encoder-model.int8.onnx"
                     #:sha256 "6139d2fa7e1b086097b277c7149725edbab89cc7c7ae64b23c741be4055aff09")
          (origin-view "decoder_joint-model.int8.onnx" #:method 'url-fetch
                     #:uris '("https://huggingface.co/istupakov/parakeet-tdt-0.6b-v3-onnx/resolve/abd2878d52a678ce380088ef9d9b1d9664404565/decoder_joint-model.int8.onnx")
                     #:file-name "decoder_joint-model.int8.onnx"
                     #:sha256 "eea7483ee3d1a30375daedc8ed83e3960c91b098812127a0d99d1c8977667a70")))
  (package-view "rnnoise" "0-0.7f449bf"
    #:location (at "gnu/packages/xiph.scm" 557 3)
    #:origins
    (list (origin-view "source" #:method 'git-fetch
                     #:uris '("https://gitlab.xiph.org/xiph/rnnoise")
                     #:file-name "rnnoise-0-0.7f449bf-checkout"
                     #:sha256 "72e6a1394360506840425749efa0ad62388045adac32981ce155d9d4fa6e1279")))
)
