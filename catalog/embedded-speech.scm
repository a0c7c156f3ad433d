;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The catalog: trained models inside the sources of Guix's speech
;;; packages (Festival, Flite, PocketSphinx, faster-whisper, whisper.cpp),
;;; and what they come from.  Each weights clause names the Guix package
;;; and version as the Guix tree of 2026-03-21 (commit 43770a9d8ac4)
;;; defines them, and the file inside the upstream source.  Facts no
;;; source settles are left out, with what would settle them in #:notes.

;; Festival's lib/ directory, at the GitHub mirror's last commit (the
;; repository has no 2.5.0 tag; these files date from 1996-1998).
(define festival-commit "5db6ee949f4e4e9da25c87bd03b90e69f9011393")
(define (festival path about) (github-file "festvox/festival" festival-commit path "2022-04-06" about))
(define (speech-tools path about)
  (github-file "festvox/speech_tools" "63ff01938f81443f5a294bc5f9ea6ac6ab38f6b0" path "2022-04-06" about))
(define (flite path about) (github-file "festvox/flite" "v2.2" path "2020-08-12" about))
(define (pocketsphinx path about) (github-file "cmusphinx/pocketsphinx" "v5.0.4" path "2025-01-10" about))
(define (faster-whisper path about) (github-file "SYSTRAN/faster-whisper" "v1.2.0" path "2025-08-06" about))
(define (whisper-cpp path about) (github-file "ggml-org/whisper.cpp" "v1.8.4" path "2026-03-19" about))

(define mit-festival
  (source "https://github.com/spdx/license-list-data/blob/000daf3c7f8714d6d9437841da7478f06588c98c/json/details/MIT-Festival.json"
          #:date "2026-11-30"
          #:about "the SPDX id MIT-Festival is this license text, with flite's and the speech tools' COPYING as references (in the SPDX list since after 3.19; the tool embeds 3.28.0)"))

(define festival-guix-build
  (guix-file "speech.scm" 432 "phase actually-install untars festvox-cmu, festvox-poslex and default-voice into the build tree and installs everything under lib/ to share/festival/lib"))

(list
 ;;; Festival 2.5.0: models in lib/ and in the festlex_* native inputs.
 (provenance
  (software "edinburgh-speech-tools-2.5" #:version "2.5.0" #:license "MIT-Festival"
            #:availability 'public-download #:backends '((cpu . #f))
            #:uris '("http://festvox.org/packed/festival/2.5/speech_tools-2.5.0-release.tar.gz")
            #:notes "the Edinburgh Speech Tools: wagon (CART trees), ols (linear regression), ngram_build, scfg_train; C++ programs for the CPU; Guix builds them as festival's native input speech-tools"
            #:sources (list (speech-tools "COPYING" "license text (MIT-Festival)")
                            (speech-tools "main/wagon_main.cc" "wagon, the CART tree trainer")
                            (speech-tools "main/scfg_train_main.cc" "scfg_train, the inside-outside SCFG trainer")
                            (speech-tools "main/ngram_build_main.cc" "ngram_build")
                            (speech-tools "main/ols_main.cc" "ols, ordinary least squares")
                            mit-festival
                            (guix-file "speech.scm" 577 "the speech-tools native input of festival: URI")))

  (dataset "bu-fm-radio-corpus-f2b"
           #:notes "Boston University's FM Radio corpus (speaker f2b), named by Festival's headers and manual as training data; its license and how it can be obtained are not recorded here"
           #:sources (list (festival "lib/f2bdurtreeZ.scm" "\"trained from F2B\"")
                           (festival "doc/festival.texi" "voice_kal_diphone: \"Intonation ... is trained from the Boston University FM Radio corpus. Duration for this voice also comes from that database\"")))
  (dataset "lancaster-ibm-spoken-english-corpus"
           #:notes "the IBM/Lancaster Spoken English Corpus, named by lib/phrase.scm; license and availability not recorded here"
           #:sources (list (festival "lib/phrase.scm" "\"Models trained from the IBM/Lancaster Spoken English Corpus and Boston University's FM Radio Corpus\"")))
  (dataset "upenn-wsj-treebank"
           #:notes "the University of Pennsylvania Wall Street Journal treebank, named by lib/pos.scm and lib/scfg_wsj_wp20.gram; license and availability not recorded here"
           #:sources (list (festival "lib/scfg_wsj_wp20.gram" "\"trained from 10,000 sentences (00-04) of the UPenn WSJ tree bank\"")
                           (festival "lib/pos.scm" "\"These models were build from the Penn TreeBank, WSJ corpus\"")))
  (dataset "festival-gsw-450-timit-sentences"
           #:notes "\"gsw 450 (timit)\": TIMIT sentences read by the speaker gsw; the recordings' license and availability are not recorded here"
           #:sources (list (festival "lib/gswdurtreeZ.scm" "\"A tree to predict zcore durations build from gsw 450 (timit)\"")))
  (dataset "cmudict-0.4"
           #:notes "the CMU pronouncing dictionary 0.4, which Festival's CMU lexicon and letter-to-sound model derive from; its license is not recorded here (festlex_CMU carries it, unread)"
           #:sources (list (festival "lib/lexicons.scm" "setup_cmu_lex: \"Lexicon derived from the CMU lexicon (cmudict-0.4) ... Includes letter to sound rule model trained from this data\"")))

  (weights "festival-2.5.0-f2b-f0-lr" #:availability 'public-download #:guix-package "festival" #:version "2.5.0"
           #:file "lib/f2bf0lr.scm" #:format "festival-linear-regression" #:license "MIT-Festival"
           #:notes "linear regression F0 model (start, mid, end), \"an attempt to reimplement the work in Black and Hunt ICSLP96\", with its R2 and RMSE; lib/apml_f2bf0lr.scm is a variant of it; installed to share/festival/lib"
           #:sources (list (festival "lib/f2bf0lr.scm" "the model, its fit statistics and its license header (1996-97, Edinburgh)")
                           festival-guix-build))
  (step "train-festival-f2b-f0-lr" 'train
        #:inputs '(("bu-fm-radio-corpus-f2b" . training-data))
        #:outputs '("festival-2.5.0-f2b-f0-lr")
        #:notes "the manual says the intonation of the kal voice is trained on the BU FM Radio corpus; the tool that fitted the regression is not named (the speech tools include ols, but nothing says it was used), nor the compute"
        #:sources (list (festival "lib/f2bf0lr.scm" "\"linear regression model to predict F0 values\"")
                        (festival "doc/festival.texi" "voice_kal_diphone: intonation trained from the BU FM Radio corpus")))

  (weights "festival-2.5.0-f2b-duration-tree" #:availability 'public-download #:guix-package "festival" #:version "2.5.0"
           #:file "lib/f2bdurtreeZ.scm" #:format "festival-cart" #:license "MIT-Festival"
           #:notes "CART tree predicting z-score segment durations; lib/apml_kaldurtreeZ.scm, \"build from f2b\" too, is a related tree"
           #:sources (list (festival "lib/f2bdurtreeZ.scm" "\"it was trained from F2B\"; license header")
                           (festival "lib/apml_kaldurtreeZ.scm" "\"A tree to predict zcore durations build from f2b\"")
                           festival-guix-build))
  (step "train-festival-f2b-duration-tree" 'train
        #:inputs '(("bu-fm-radio-corpus-f2b" . training-data))
        #:outputs '("festival-2.5.0-f2b-duration-tree")
        #:notes "the header names the data only; the tree-building tool (presumably wagon) and the compute are not stated"
        #:sources (list (festival "lib/f2bdurtreeZ.scm" "\"First attempt at a tree to learn durations ... trained from F2B\"")))

  (weights "festival-2.5.0-gsw-duration-tree" #:availability 'public-download #:guix-package "festival" #:version "2.5.0"
           #:file "lib/gswdurtreeZ.scm" #:format "festival-cart" #:license "MIT-Festival"
           #:sources (list (festival "lib/gswdurtreeZ.scm" "the tree, its training log and license header")
                           festival-guix-build))
  (step "train-festival-gsw-duration-tree" 'train
        #:inputs '(("edinburgh-speech-tools-2.5" . software)
                   ("festival-gsw-450-timit-sentences" . training-data))
        #:outputs '("festival-2.5.0-gsw-duration-tree")
        #:notes "the header's training log (\"train test spit --stop 19 --balance 16\", dated 1997-98) uses wagon's -stop and -balance options; compute not stated"
        #:sources (list (festival "lib/gswdurtreeZ.scm" "training log with wagon options and results")
                        (speech-tools "main/wagon_main.cc" "wagon's -stop and -balance options")))

  (weights "festival-2.5.0-phrase-break-models" #:availability 'public-download #:guix-package "festival" #:version "2.5.0"
           #:file "lib/phrase.scm" #:format "festival-cart+ngram" #:license "MIT-Festival"
           #:notes "phrase-break CART tree in lib/phrase.scm and the binary n-grams lib/sec.ts20.quad.ngrambin and lib/sec.B.hept.ngrambin it loads"
           #:sources (list (festival "lib/phrase.scm" "the CART tree, the n-gram files it names, license header")
                           festival-guix-build))
  (step "train-festival-phrase-break-models" 'train
        #:inputs '(("lancaster-ibm-spoken-english-corpus" . training-data)
                   ("bu-fm-radio-corpus-f2b" . training-data))
        #:outputs '("festival-2.5.0-phrase-break-models")
        #:notes "the tools and compute are not stated"
        #:sources (list (festival "lib/phrase.scm" "\"Models trained from the IBM/Lancaster Spoken English Corpus and Boston University's FM Radio Corpus\"")))

  (weights "festival-2.5.0-scfg-wsj-wp20" #:availability 'public-download #:guix-package "festival" #:version "2.5.0"
           #:file "lib/scfg_wsj_wp20.gram" #:format "festival-scfg" #:license "MIT-Festival"
           #:notes "stochastic context-free grammar over the wp20 tag set with 19 nonterminals"
           #:sources (list (festival "lib/scfg_wsj_wp20.gram" "the grammar, how it was trained, its accuracy, license header")
                           festival-guix-build))
  (step "train-festival-scfg-wsj-wp20" 'train
        #:inputs '(("edinburgh-speech-tools-2.5" . software)
                   ("upenn-wsj-treebank" . training-data))
        #:outputs '("festival-2.5.0-scfg-wsj-wp20")
        #:notes "inside-outside reestimation seeded with the treebank bracketing, 174 passes over a fifth of sections 00-04 each; \"This 19_20 grammar took 20 days on a Sun Ultra 1 140\" (a 1990s workstation; no hardware profile here, so the compute is left unrecorded)"
        #:sources (list (festival "lib/scfg_wsj_wp20.gram" "\"The implementation is the scfg_ suite in the speech tools\"; 174 passes; 20 days on a Sun Ultra 1 140")))

  (weights "festival-2.5.0-poslex-wsj-wp39" #:availability 'public-download #:guix-package "festival" #:version "2.5.0"
           #:input "festvox-poslex" #:file "festival/lib/dicts/wsj.wp39.poslexR"
           #:format "festival-poslex+ngram"
           #:sha256 "e7c6e3642dbd5b0d64942bc015a986fdd6244a79e51ec2e8309e63d569e49ea3"
           #:uris '("http://festvox.org/packed/festival/2.5/festlex_POSLEX.tar.gz")
           #:notes "part-of-speech lexicon with probabilities (wsj.wp39.poslexR) and POS trigram model (wsj.wp39.tri.ngrambin) of the festlex_POSLEX tarball, a native input of festival; the sha256 is the tarball's; its license file COPYING.poslex was not read here, which would settle the license"
           #:sources (list (guix-file "speech.scm" 559 "the festvox-poslex native input: URI and hash")
                           (festival "lib/pos.scm" "loads wsj.wp39.poslexR and the POS n-gram from pos_model_dir")
                           festival-guix-build))
  (step "train-festival-poslex-wsj-wp39" 'train
        #:inputs '(("upenn-wsj-treebank" . training-data))
        #:outputs '("festival-2.5.0-poslex-wsj-wp39")
        #:notes "the tools and compute are not stated"
        #:sources (list (festival "lib/pos.scm" "\"These models were build from the Penn TreeBank, WSJ corpus\"")))

  (weights "festival-2.5.0-cmu-lts-rules" #:availability 'public-download #:guix-package "festival" #:version "2.5.0"
           #:input "festvox-cmu" #:file "festival/lib/dicts/cmu/cmu_lts_rules.scm"
           #:format "festival-lts-cart"
           #:sha256 "c19430919bca45d5368cd4c82af6153fbcc96a487ebd30b78b5f3c08718b7c07"
           #:uris '("http://festvox.org/packed/festival/2.5/festlex_CMU.tar.gz")
           #:notes "letter-to-sound decision trees of the festlex_CMU tarball, a native input of festival, next to the CMU lexicon; the sha256 is the tarball's; the tarball's own license file was not read here"
           #:sources (list (guix-file "speech.scm" 550 "the festvox-cmu native input: URI and hash")
                           (festival "lib/lexicons.scm" "setup_cmu_lex loads cmu/cmulex.scm")
                           festival-guix-build))
  (step "train-festival-cmu-lts-rules" 'train
        #:inputs '(("edinburgh-speech-tools-2.5" . software) ("cmudict-0.4" . training-data))
        #:outputs '("festival-2.5.0-cmu-lts-rules")
        #:notes "lib/lexicons.scm says the model was trained from cmudict-0.4; the manual's chapter on building letter-to-sound rules does it with wagon (its example, OALD, took about 6 hours on a Sun Ultra 140); the compute for CMU is not stated"
        #:sources (list (festival "lib/lexicons.scm" "\"Includes letter to sound rule model trained from this data\"")
                        (festival "doc/festival.texi" "building letter-to-sound rules with wagon; \"about 6 hours on a Sun Ultra 140\" for OALD")))

  ;;; Flite 2.2: voices and letter-to-sound rules compiled into C.
  (software "festvox-clustergen" #:availability 'public-download
            #:uris '("https://github.com/festvox/festvox")
            #:notes "FestVox's ClusterGen statistical parametric voice builder, whose voices flite converts with tools/ (bin/build_flite cg); its license and backends were not read here"
            #:sources (list (flite "doc/flite.texi" "\"Statistical Voice Building (Clustergen)\": converting a clustergen voice into flite C files")))
  (dataset "flite-cmu-us-slt-recordings"
           #:notes "the speech recordings the slt voice was built from; flite's tree does not name them; the voice's FestVox build files would name them"
           #:sources (list (flite "README.md" "\"4 basic voices are included 3 clustergen (awb, rms and slt)\"")))
  (dataset "flite-cmu-us-awb-recordings"
           #:notes "the speech recordings the awb voice was built from; not named in flite's tree"
           #:sources (list (flite "README.md" "\"3 clustergen (awb, rms and slt)\" voices")))
  (dataset "flite-cmu-us-rms-recordings"
           #:notes "the speech recordings the rms voice was built from; not named in flite's tree"
           #:sources (list (flite "README.md" "\"3 clustergen (awb, rms and slt)\" voices")))
  (weights "flite-2.2-cmu-us-slt-clustergen" #:availability 'public-download #:guix-package "flite" #:version "2.2"
           #:file "lang/cmu_us_slt/cmu_us_slt_cg_single_mcep_trees.c" #:format "flite-c-cart"
           #:license "MIT-Festival"
           #:notes "ClusterGen voice as C tables (mel-cepstral, F0 and duration CART trees: cmu_us_slt_cg_*.c, cmu_us_slt_spamf0_*.c), \"Autogenerated\"; config/default.lv builds it and Guix's --enable-shared build installs libflite_cmu_us_slt"
           #:sources (list (flite "lang/cmu_us_slt/cmu_us_slt_cg_single_mcep_trees.c" "\"Autogenerated cmu_us_slt single_mcep carts\"")
                           (flite "config/default.lv" "VOXES include cmu_us_slt, cmu_us_awb, cmu_us_rms")
                           (flite "COPYING" "the distribution's license (MIT-Festival text)")
                           mit-festival
                           (guix-file "speech.scm" 73 "flite 2.2 from git tag v2.2, configured with --enable-shared")))
  (step "build-flite-cmu-us-slt-clustergen" 'train
        #:inputs '(("festvox-clustergen" . software) ("flite-cmu-us-slt-recordings" . training-data))
        #:outputs '("flite-2.2-cmu-us-slt-clustergen")
        #:notes "built with ClusterGen, then converted to C by flite's tools (bin/build_flite cg); compute not stated"
        #:sources (list (flite "doc/flite.texi" "clustergen voices and their conversion with build_flite cg")))
  (weights "flite-2.2-cmu-us-awb-clustergen" #:availability 'public-download #:guix-package "flite" #:version "2.2"
           #:file "lang/cmu_us_awb/cmu_us_awb_cg_single_mcep_trees.c" #:format "flite-c-cart"
           #:license "MIT-Festival"
           #:notes "ClusterGen voice as C tables, built and installed like the slt voice"
           #:sources (list (flite "config/default.lv" "VOXES include cmu_us_awb")
                           (flite "COPYING" "the distribution's license (MIT-Festival text)")
                           (guix-file "speech.scm" 73 "flite 2.2, --enable-shared")))
  (step "build-flite-cmu-us-awb-clustergen" 'train
        #:inputs '(("festvox-clustergen" . software) ("flite-cmu-us-awb-recordings" . training-data))
        #:outputs '("flite-2.2-cmu-us-awb-clustergen")
        #:notes "built with ClusterGen and converted by build_flite cg; compute not stated"
        #:sources (list (flite "doc/flite.texi" "clustergen voices and their conversion with build_flite cg")))
  (weights "flite-2.2-cmu-us-rms-clustergen" #:availability 'public-download #:guix-package "flite" #:version "2.2"
           #:file "lang/cmu_us_rms/cmu_us_rms_cg_single_mcep_trees.c" #:format "flite-c-cart"
           #:license "MIT-Festival"
           #:notes "ClusterGen voice as C tables, built and installed like the slt voice"
           #:sources (list (flite "config/default.lv" "VOXES include cmu_us_rms")
                           (flite "COPYING" "the distribution's license (MIT-Festival text)")
                           (guix-file "speech.scm" 73 "flite 2.2, --enable-shared")))
  (step "build-flite-cmu-us-rms-clustergen" 'train
        #:inputs '(("festvox-clustergen" . software) ("flite-cmu-us-rms-recordings" . training-data))
        #:outputs '("flite-2.2-cmu-us-rms-clustergen")
        #:notes "built with ClusterGen and converted by build_flite cg; compute not stated"
        #:sources (list (flite "doc/flite.texi" "clustergen voices and their conversion with build_flite cg")))

  (dataset "flite-cmulex-lts-training-lexicon"
           #:notes "the lexicon flite's letter-to-sound graphs were built from; flite's manual says its lexicon derives from CMULEX and the rules use the Lenzo and Black technique, without naming the training lexicon's version"
           #:sources (list (flite "doc/flite.texi" "\"The included lexicon is derived from CMULEX and the letter to sound rules are constructed using the Lenzo and Black techniques for building LTS decision graphs\"")))
  (weights "flite-2.2-cmu-lts-model" #:availability 'public-download #:guix-package "flite" #:version "2.2"
           #:file "lang/cmulex/cmu_lts_model.c" #:format "flite-c-lts" #:license "MIT-Festival"
           #:notes "letter-to-sound decision graphs as C tables (\"Autogenerated lts rules (regex) for cmu\"), compiled into libflite_cmulex"
           #:sources (list (flite "lang/cmulex/cmu_lts_model.c" "the model and its header")
                           (flite "config/default.lv" "LEXES include cmulex")
                           (flite "COPYING" "the distribution's license (MIT-Festival text)")))
  (step "build-flite-cmu-lts-model" 'train
        #:inputs '(("flite-cmulex-lts-training-lexicon" . training-data))
        #:outputs '("flite-2.2-cmu-lts-model")
        #:notes "the tools and compute are not stated"
        #:sources (list (flite "doc/flite.texi" "Lenzo and Black LTS decision graphs")))

  (weights "flite-2.2-usenglish-prosody-models" #:availability 'public-download #:guix-package "flite" #:version "2.2"
           #:file "lang/usenglish/us_durz_cart.c" #:format "flite-c-cart" #:license "MIT-Festival"
           #:notes "the US English duration tree (us_durz_cart.c) and intonation models (us_int_accent_cart.c, us_int_tone_cart.c, us_f0_model.c, us_f0lr.c), compiled into libflite_usenglish"
           #:sources (list (flite "lang/usenglish/us_durz_cart.c" "the duration CART as C")
                           (flite "config/default.lv" "LANGS include usenglish")))
  (step "convert-festival-models-to-flite-usenglish" 'convert
        #:inputs '(("festival-2.5.0-f2b-duration-tree" . initial-weights)
                   ("festival-2.5.0-f2b-f0-lr" . initial-weights))
        #:outputs '("flite-2.2-usenglish-prosody-models")
        #:notes "derived from Festival's models, themselves trained on the BU FM Radio corpus; which Festival release and which conversion tool are not stated, and the accent and tone trees' Festival originals are not catalogued"
        #:sources (list (flite "doc/flite.texi" "\"The duration cart tree and intonation (accent and F0) models for the US English voice were derived from the models in the Festival distribution. which in turn were trained from the Boston University FM Radio Data Corpus\"")))

  ;;; PocketSphinx 5.0.4: the US English models it installs.
  (software "sphinxtrain" #:availability 'public-download
            #:uris '("https://github.com/cmusphinx/sphinxtrain")
            #:notes "CMU Sphinx's acoustic model trainer; its license and backends were not read here"
            #:sources (list (pocketsphinx "model/en-us/en-us/README" "\"trained with latest sphinxtrain\"")))
  (dataset "pocketsphinx-en-us-acoustic-training-speech"
           #:notes "the speech the generic US English acoustic model was trained on; the model's README does not name it"
           #:sources (list (pocketsphinx "model/en-us/en-us/README" "says only \"generic US english acoustic model\"")))
  (weights "pocketsphinx-5.0.4-en-us-acoustic-model" #:availability 'public-download #:guix-package "pocketsphinx" #:version "5.0.4"
           #:file "model/en-us/en-us" #:format "sphinx-cont-hmm" #:license "BSD-2-Clause"
           #:notes "continuous-density HMM acoustic model: mdef, means, variances, sendump (mixture weights), transition_matrices, feat.params, noisedict; installed to share/pocketsphinx/model/en-us"
           #:sources (list (pocketsphinx "model/en-us/en-us/README" "BSD-2-Clause text, Copyright (c) 2015 Alpha Cephei Inc.")
                           (pocketsphinx "model/CMakeLists.txt" "install(DIRECTORY en-us DESTINATION share/pocketsphinx/model)")
                           (guix-file "speech.scm" 674 "pocketsphinx 5.0.4 from git tag v5.0.4, cmake build")))
  (step "train-pocketsphinx-en-us-acoustic-model" 'train
        #:inputs '(("sphinxtrain" . software)
                   ("pocketsphinx-en-us-acoustic-training-speech" . training-data))
        #:outputs '("pocketsphinx-5.0.4-en-us-acoustic-model")
        #:notes "data and compute not stated"
        #:sources (list (pocketsphinx "model/en-us/en-us/README" "\"trained with latest sphinxtrain\"")))
  (weights "pocketsphinx-5.0.4-en-us-lm" #:availability 'public-download #:guix-package "pocketsphinx" #:version "5.0.4"
           #:file "model/en-us/en-us.lm.bin" #:format "sphinx-lm-bin"
           #:notes "US English trigram language model, \"en-us-70k-0.2-pruned\" since pocketsphinx commit a6098236 (2016-05-31); installed with the acoustic model; no license, text source or tool is stated for it"
           #:sources (list (github-file "cmusphinx/pocketsphinx" "a60982363101704eca342e7e0920754090cd49b1" "model/en-us/en-us.lm.bin" "2016-05-31"
                                   "commit \"Updated the en-us lm to en-us-70k-0.2-pruned\"")
                           (pocketsphinx "model/CMakeLists.txt" "installs model/en-us")))
  (step "train-pocketsphinx-en-us-lm" 'train #:outputs '("pocketsphinx-5.0.4-en-us-lm")
        #:notes "the text corpus, the LM toolkit and the compute are not stated"
        #:sources (list (github-file "cmusphinx/pocketsphinx" "a60982363101704eca342e7e0920754090cd49b1" "model/en-us/en-us.lm.bin" "2016-05-31"
                                "the commit that brought the model in names only the model")))
  (weights "pocketsphinx-5.0.4-en-us-phone-lm" #:availability 'public-download #:guix-package "pocketsphinx" #:version "5.0.4"
           #:file "model/en-us/en-us-phone.lm.bin" #:format "sphinx-lm-bin"
           #:notes "phone language model for phonetic decoding; installed with model/en-us; no license, data or tool is stated for it"
           #:sources (list (pocketsphinx "model/CMakeLists.txt" "installs model/en-us")))
  (step "train-pocketsphinx-en-us-phone-lm" 'train #:outputs '("pocketsphinx-5.0.4-en-us-phone-lm")
        #:notes "the data, the tool and the compute are not stated"
        #:sources (list (pocketsphinx "model/CMakeLists.txt" "the only place the tree names the file's directory")))

  ;;; Silero VAD, in faster-whisper (installed) and whisper.cpp (tests only).
  (weights "silero-vad-v5" #:availability 'public-download #:license "MIT"
           #:uris '("https://github.com/snakers4/silero-vad")
           #:notes "Silero's voice activity detector, version 5, which faster-whisper's split ONNX files come from"
           #:sources (list (source "https://github.com/snakers4/silero-vad/blob/caddb3b7ce1dee88a14d5621a0e9a8fdeb2c2c48/LICENSE"
                                   #:date "2026-11-30" #:about "MIT License, Copyright (c) 2020-present Silero Team")
                           (github-file "SYSTRAN/faster-whisper" "8d400e9870fe9d59e71212c805be6536da7246c2" "faster_whisper/vad.py" "2024-07-01"
                                   "commit \"Upgrade to Silero-Vad V5 (#884)\"")))
  (weights "silero-vad-v6.2.0" #:availability 'public-download #:license "MIT"
           #:uris '("https://github.com/snakers4/silero-vad")
           #:notes "Silero VAD as its silero_vad Python package 6.2.0 loads it, the input of whisper.cpp's converter"
           #:sources (list (source "https://github.com/snakers4/silero-vad/blob/caddb3b7ce1dee88a14d5621a0e9a8fdeb2c2c48/LICENSE"
                                   #:date "2026-11-30" #:about "MIT License")
                           (whisper-cpp "models/convert-silero-vad-to-ggml.py" "load_silero_vad() of the silero_vad package; the output names its version")))
  (dataset "silero-vad-training-corpora"
           #:notes "Silero says its VAD \"was trained on huge corpora\" covering many languages (over 100 in the README read, over 6000 in later ones) and publishes neither the corpora nor the training code"
           #:sources (list (source "https://github.com/snakers4/silero-vad/blob/005886e7eb1c4b75bdcfe038d50a743ba4780ed7/README.md"
                                   #:date "2026-11-30" #:about "\"Silero VAD was trained on huge corpora that include over 100 languages\"")))
  (step "train-silero-vad-v5" 'train
        #:inputs '(("silero-vad-training-corpora" . training-data))
        #:outputs '("silero-vad-v5")
        #:notes "Silero publishes PyTorch JIT and ONNX models; the training code, data and compute are not published"
        #:sources (list (source "https://github.com/snakers4/silero-vad/blob/005886e7eb1c4b75bdcfe038d50a743ba4780ed7/README.md"
                                #:date "2026-11-30" #:about "pre-trained model; PyTorch and ONNX")))
  (step "train-silero-vad-v6.2.0" 'train
        #:inputs '(("silero-vad-training-corpora" . training-data))
        #:outputs '("silero-vad-v6.2.0")
        #:notes "training code, data and compute are not published"
        #:sources (list (source "https://github.com/snakers4/silero-vad/blob/005886e7eb1c4b75bdcfe038d50a743ba4780ed7/README.md"
                                #:date "2026-11-30" #:about "pre-trained model")))

  (weights "python-faster-whisper-1.2.0-silero-vad-v5-encoder" #:availability 'public-download #:guix-package "python-faster-whisper"
           #:version "1.2.0" #:file "faster_whisper/assets/silero_encoder_v5.onnx" #:format 'onnx
           #:license "MIT" #:size 713415
           #:notes "the encoder half of Silero VAD v5, loaded by faster_whisper/vad.py with onnxruntime; MANIFEST.in and include_package_data install it as package data (Whisper itself is downloaded at run time, not shipped)"
           #:sources (list (faster-whisper "faster_whisper/assets/silero_encoder_v5.onnx" "the file, 713,415 bytes")
                           (faster-whisper "MANIFEST.in" "includes both assets")
                           (faster-whisper "faster_whisper/vad.py" "loads silero_encoder_v5.onnx and silero_decoder_v5.onnx; \"adapted from https://github.com/snakers4/silero-vad\"")
                           (faster-whisper "LICENSE" "MIT License, Copyright (c) 2023 SYSTRAN")
                           (guix-file "machine-learning.scm" 401 "python-faster-whisper 1.2.0 from git tag v1.2.0")))
  (weights "python-faster-whisper-1.2.0-silero-vad-v5-decoder" #:availability 'public-download #:guix-package "python-faster-whisper"
           #:version "1.2.0" #:file "faster_whisper/assets/silero_decoder_v5.onnx" #:format 'onnx
           #:license "MIT" #:size 532505
           #:notes "the decoder half of Silero VAD v5, installed as package data"
           #:sources (list (faster-whisper "faster_whisper/assets/silero_decoder_v5.onnx" "the file, 532,505 bytes")
                           (faster-whisper "MANIFEST.in" "includes both assets")))
  (step "split-silero-vad-v5-for-faster-whisper" 'convert
        #:inputs '(("silero-vad-v5" . initial-weights))
        #:outputs '("python-faster-whisper-1.2.0-silero-vad-v5-encoder"
                    "python-faster-whisper-1.2.0-silero-vad-v5-decoder")
        #:notes "the split into encoder and decoder graphs came with commit 2dbca5e (\"Use Silero VAD in Batched Mode (#936)\"); the tool that made it is not in the tree"
        #:sources (list (github-file "SYSTRAN/faster-whisper" "2dbca5e559a8a36143987e38492cef927a71efd1" "faster_whisper/vad.py" "2024-10-24"
                                "the commit that replaced the single Silero ONNX file by the two halves")))

  (software "whisper-cpp-convert-silero-vad" #:license "MIT" #:availability 'public-download
            #:uris '("https://github.com/ggml-org/whisper.cpp/blob/v1.8.4/models/convert-silero-vad-to-ggml.py")
            #:notes "models/convert-silero-vad-to-ggml.py: loads the silero_vad package's model with PyTorch and writes its tensors in ggml format; backends not recorded"
            #:sources (list (whisper-cpp "models/convert-silero-vad-to-ggml.py" "the converter")
                            (whisper-cpp "LICENSE" "MIT License")))
  (weights "whisper-cpp-1.8.4-silero-vad-v6.2.0-ggml" #:availability 'public-download #:guix-package "whisper-cpp" #:version "1.8.4"
           #:file "models/for-tests-silero-v6.2.0-ggml.bin" #:format 'ggml #:license "MIT" #:size 885098
           #:installed #f
           #:notes "used only by the VAD tests at build time (VAD_MODEL_PATH in tests/CMakeLists.txt); CMake installs the library, headers and programs, not models/; the models/for-tests-ggml-*.bin files hold hyper-parameters, mel filters and vocabulary only, no network"
           #:sources (list (whisper-cpp "tests/CMakeLists.txt" "VAD_MODEL_PATH .../models/for-tests-silero-v6.2.0-ggml.bin")
                           (whisper-cpp "CMakeLists.txt" "install() of the whisper target, whisper-config.cmake and whisper.pc only")
                           (github-file "ggml-org/whisper.cpp" "d566358a1d339b471dc113303d008441f2abcc39" "models/for-tests-silero-v6.2.0-ggml.bin" "2025-12-06"
                                   "commit \"tests : update VAD tests to use Silero V6.2.0 (#3534)\"")
                           (guix-file "machine-learning.scm" 938 "whisper-cpp 1.8.4 from git tag v1.8.4; tests run")))
  (step "convert-silero-vad-v6.2.0-to-ggml" 'convert
        #:inputs '(("whisper-cpp-convert-silero-vad" . software) ("silero-vad-v6.2.0" . initial-weights))
        #:outputs '("whisper-cpp-1.8.4-silero-vad-v6.2.0-ggml")
        #:notes "the converter names its output after the silero_vad version (-v6.2.0-ggml); compute negligible but not stated"
        #:sources (list (whisper-cpp "models/convert-silero-vad-to-ggml.py" "output_file = f\"{base}-v{silero_version}-ggml{ext}\"")))))
