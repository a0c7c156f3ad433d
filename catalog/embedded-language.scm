;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The catalog: trained language models inside the sources of Guix's
;;; text and input-method packages: spaCy's multilingual sentence
;;; segmenter, Google's CLD3 in Telegram, the Chinese language models of
;;; libime and libpinyin, MeCab's IPA dictionary costs, and the n-gram
;;; language identification profiles of langdetect, rspamd and
;;; libexttextcat.  Package names and versions are those of the Guix tree
;;; of 2026-03-21 (commit 43770a9d8ac4).

(define (spacy-models path about)
  (github-file "explosion/spacy-models" "0ab1ccf8ceae050ce391faf7f205bcf65e1e90d4" path "2026-11-30" about))
(define (cld3 path about)
  (github-file "google/cld3" "b48dc46512566f5a2d41118c8c1116c4f96dc661" path "2022-03-30" about))
(define (libime path about) (github-file "fcitx/libime" "1.1.12" path "2025-10-05" about))
(define (libpinyin path about) (github-file "libpinyin/libpinyin" "2.8.1" path "2023-01-16" about))
(define (mecab path about)
  (github-file "taku910/mecab" "046fa78b2ed56fbd4fac312040f6d62fc1bc31e3" path "2020-09-14" about))
;; langdetect has no 1.0.9 tag; its last commit carries version='1.0.9'.
(define (langdetect path about)
  (github-file "Mimino666/langdetect" "5071871742170034557c0e6ec8d6e410f3d9652f" path "2025-03-03" about))
(define (rspamd path about) (github-file "rspamd/rspamd" "3.12.1" path "2025-06-17" about))
(define (exttextcat path about) (github-file "LibreOffice/libexttextcat" "v3.4.5" path "2017-09-20" about))

(list
 ;;; python-xx-sent-ud-sm 3.8.0: a spaCy pipeline as its own origin.
 (provenance
  (software "spacy-3.8" #:license "MIT" #:availability 'public-download
            #:uris '("https://github.com/explosion/spaCy")
            #:notes "spaCy at git version 5010fcbd3, which the model's meta.json names; its backends are not recorded here (Guix packages it as python-spacy)"
            #:sources (list (spacy-models "meta/xx_sent_ud_sm-3.8.0.json" "\"spacy_version\": \">=3.8.0,<3.9.0\", \"spacy_git_version\": \"5010fcbd3\"")
                            (guix-file "machine-learning.scm" 6236 "python-xx-sent-ud-sm propagates python-spacy")
                            (guix-file "machine-learning.scm" 1891 "python-spacy's license field: expat (MIT)")))
  (dataset "universal-dependencies-2.8-38-treebanks" #:license "CC-BY-SA-3.0" #:availability 'public-download
           #:uris '("https://universaldependencies.org/")
           #:notes "38 treebanks of Universal Dependencies v2.8 (UD_Afrikaans-AfriBooms ... UD_Vietnamese-VTB), by Zeman, Nivre, Abrams et al.; the meta.json gives CC BY-SA 3.0 for them as a whole, though UD treebanks carry their own licenses"
           #:sources (list (spacy-models "meta/xx_sent_ud_sm-3.8.0.json" "\"sources\": the treebank list, its URL, \"license\": \"CC BY-SA 3.0\"")))
  (weights "python-xx-sent-ud-sm-3.8.0" #:guix-package "python-xx-sent-ud-sm" #:version "3.8.0"
           #:input "source" #:format "spacy-pipeline"
           #:license "CC-BY-SA-3.0" #:availability 'public-download
           #:sha256 "d895d6ce9e1a70139fa9096e2d2809d8d20a306e4e3d5ef0beb3d66d87a09edf"
           #:uris '("https://github.com/explosion/spacy-models/releases/download/xx_sent_ud_sm-3.8.0/xx_sent_ud_sm-3.8.0.tar.gz")
           #:notes "multi-language sentence boundary pipeline (one component, senter; \"4 MB\"; sents_f 0.858), the whole of the package; propagated by python-argostranslate; the sha256 is the release tarball's, as Guix fetches it"
           #:sources (list (spacy-models "meta/xx_sent_ud_sm-3.8.0.json" "description, license CC BY-SA 3.0, performance, size")
                           (guix-file "machine-learning.scm" 6236 "origin URI and hash; license cc-by-sa3.0")))
  (step "train-xx-sent-ud-sm-3.8.0" 'train
        #:inputs '(("spacy-3.8" . software) ("universal-dependencies-2.8-38-treebanks" . training-data))
        #:outputs '("python-xx-sent-ud-sm-3.8.0")
        #:notes "trained by Explosion; the compute is not stated"
        #:sources (list (spacy-models "meta/xx_sent_ud_sm-3.8.0.json" "author Explosion, sources, spaCy version"))))

 ;;; telegram-desktop 6.3.6: Google's CLD3, fetched as an extra origin.
 (provenance
  (dataset "cld3-training-text"
           #:notes "the text CLD3's network was trained on; the repository, which \"contains the inference code and a trained model\", does not name it"
           #:sources (list (cld3 "README.md" "\"This package contains the inference code and a trained model\"")))
  (weights "telegram-desktop-6.3.6-cld3-lang-id-nn" #:guix-package "telegram-desktop" #:version "6.3.6"
           #:file "Telegram/ThirdParty/cld3/src/lang_id_nn_params.cc" #:format "cc-quantized-arrays"
           #:license "Apache-2.0" #:availability 'public-download #:size 1763841
           #:notes "Google CLD3's language identification network (embeddings of hashed character n-grams, a ReLU hidden layer, a softmax; uint8 weights with float16 scales), namespace chrome_lang_id; google/cld3 at b48dc465 is the origin cld3-for-telegram-desktop, which unpack-additional-sources copies into Telegram/ThirdParty/cld3 and the build compiles into Telegram (the same model is in Chromium's third_party/cld_3, which ungoogled-chromium and qtwebengine keep)"
           #:sources (list (cld3 "src/lang_id_nn_params.cc" "the parameters; Apache License 2.0 header, Copyright 2016 Google")
                           (cld3 "README.md" "the model's structure")
                           (guix-file "telegram.scm" 421 "cld3-for-telegram-desktop: google/cld3 at b48dc46512566f5a2d41118c8c1116c4f96dc661")
                           (guix-file "telegram.scm" 580 "unpack-additional-sources copies it to Telegram/ThirdParty/cld3")
                           (guix-file "telegram.scm" 494 "telegram-desktop, version %telegram-version (6.3.6)")))
  (step "train-cld3" 'train
        #:inputs '(("cld3-training-text" . training-data))
        #:outputs '("telegram-desktop-6.3.6-cld3-lang-id-nn")
        #:notes "trained by Google; the training code, data and compute are not published in the repository"
        #:sources (list (cld3 "README.md" "describes inference only"))))

 ;;; libime 1.1.12: the Simplified Chinese word language model.
 (provenance
  (weights "libime-1.1.12-lm-sc" #:guix-package "libime" #:version "1.1.12"
           #:file "data/lm_sc.arpa-20250113.tar.zst" #:format "arpa" #:availability 'public-download
           #:uris '("https://download.fcitx-im.org/data/lm_sc.arpa-20250113.tar.zst")
           #:notes "lm_sc.arpa, a Simplified Chinese word n-gram model in ARPA format, which the build turns into zh_CN.lm (slm_build_binary -s -a 22 -q 8 trie) and zh_CN.lm.predict, both installed and used by fcitx5-chinese-addons' pinyin engine; Guix's source is the _dict release tarball, which carries the archive data/CMakeLists.txt would otherwise download; the archive has no license file (libime's code is LGPL-2.1-or-later) and fcitx/libime issue 140 asks which license covers it and what the LM was trained on"
           #:sources (list (libime "data/CMakeLists.txt" "LM_TAR lm_sc.arpa-20250113.tar.zst with its sha256, slm_build_binary, install as zh_CN.lm")
                           (libime "LICENSES/LGPL-2.1-or-later.txt" "the code's license")
                           (source "https://github.com/fcitx/libime/issues/140" #:date "2026-09-08"
                                   #:about "\"Clarify licenses and provenance of the official Simplified Chinese LM and dictionary data\": the archives carry no LICENSE; training-data sources unknown")
                           (guix-file "fcitx5.scm" 180 "libime 1.1.12 from libime-1.1.12_dict.tar.zst")))
  (step "train-libime-lm-sc" 'train #:outputs '("libime-1.1.12-lm-sc")
        #:notes "the corpus, the toolkit and the compute are not published; issue 140 asks for them"
        #:sources (list (source "https://github.com/fcitx/libime/issues/140" #:date "2026-09-08"
                                #:about "asks for \"an existing public statement identifying the training-data sources\""))))

 ;;; libpinyin 2.8.1: the interpolated bigram model.
 (provenance
  (weights "libpinyin-2.8.1-interpolation-model" #:guix-package "libpinyin" #:version "2.8.1"
           #:file "data/interpolation2.text" #:format "libpinyin-interpolation-text" #:availability 'public-download
           #:uris '("http://downloads.sourceforge.net/libpinyin/models/model19.text.tar.gz")
           #:notes "interpolated bigram language model (model19) with its phrase tables; the release tarball ships it (EXTRA_DIST), the build imports it into bigram.db and the phrase and pinyin indexes installed in lib/libpinyin/data; data/opengram.license reproduces the Apache License 2.0 because \"The open-gram dictionary contains some entries from android-pinyin-ime\", which does not say whether it covers the model, so the license is left unrecorded"
           #:sources (list (libpinyin "data/Makefile.am" "interpolation2.text fetched from model19.text.tar.gz, EXTRA_DIST, import_interpolation into bigram.db, libpinyin_db_DATA")
                           (libpinyin "data/opengram.license" "the open-gram data's license note")
                           (guix-file "ibus.scm" 340 "libpinyin 2.8.1 from the GitHub release tarball")))
  (step "train-libpinyin-model19" 'train #:outputs '("libpinyin-2.8.1-interpolation-model")
        #:notes "libpinyin has training utilities (utils/training), but which corpus and settings made model19, and the compute, are not stated"
        #:sources (list (libpinyin "data/Makefile.am" "the model is downloaded, not trained, by the build"))))

 ;;; mecab-ipadic 2.7.0: word and connection costs.
 (provenance
  (software "mecab-cost-train" #:license "GPL-2.0-or-later OR LGPL-2.1-or-later OR BSD-3-Clause"
            #:availability 'public-download #:backends '((cpu . #f))
            #:uris '("https://github.com/taku910/mecab")
            #:notes "MeCab's CRF parameter estimator (C++, L-BFGS, on the CPU)"
            #:sources (list (mecab "mecab/src/mecab-cost-train.cpp" "the trainer")
                            (mecab "mecab/COPYING" "\"released under any of the GPL, the LGPL, or the BSD License\"")
                            (guix-file "language.scm" 968 "mecab's license: gpl2+, lgpl2.1+, bsd-3")))
  (dataset "ipadic-cost-training-corpus"
           #:notes "the morphologically annotated corpus ipadic's costs were estimated on; the tree does not name it (RESULT gives its size only indirectly, 266,238 evaluated words)"
           #:sources (list (mecab "mecab-ipadic/RESULT" "precision and recall of successive estimations, 2006-2007")))
  (weights "mecab-ipadic-2.7.0-costs" #:guix-package "mecab-ipadic" #:version "2.7.0"
           #:file "mecab-ipadic" #:format "mecab-dictionary-csv" #:license "NAIST-2003" #:availability 'public-download
           #:notes "the per-word costs in mecab-ipadic/*.csv and the connection cost matrix matrix.def, with the CRF feature templates feature.def; mecab-dict-index compiles them into sys.dic and matrix.bin under lib/mecab/dic; COPYING is the NAIST 2003 IPADIC license with ICOT conditions"
           #:sources (list (mecab "mecab-ipadic/COPYING" "Nara Institute of Science and Technology license; entries from ICOT Free Software")
                           (source "https://github.com/spdx/license-list-data/blob/02c39c05becbd1e69a32a680cbd824509c801c2f/json/details/NAIST-2003.json"
                                   #:date "2026-11-30" #:about "SPDX NAIST-2003 is this text, ICOT conditions included")
                           (mecab "mecab-ipadic/Makefile.am" "mecab-dict-index builds the dictionary")
                           (guix-file "language.scm" 1017 "mecab-ipadic 2.7.0 from mecab's source, subdirectory mecab-ipadic")))
  (step "train-mecab-ipadic-costs" 'train
        #:inputs '(("mecab-cost-train" . software) ("ipadic-cost-training-corpus" . training-data))
        #:outputs '("mecab-ipadic-2.7.0-costs")
        #:notes "MeCab's learn.html describes estimating a dictionary's costs with CRFs (mecab-cost-train) from an annotated corpus, with ipadic as its example, and mecab-ipadic/RESULT logs evaluations from 2006 to 2007; that the shipped costs came this way is the documented method rather than a recorded run; compute not stated"
        #:sources (list (mecab "learn.html" "\"Conditional Random Fields (CRF)\" parameter estimation; \"上記の例は, ipadic の例です\"")
                        (mecab "mecab-ipadic/RESULT" "evaluation log of the estimations"))))

 ;;; Language identification profiles.
 (provenance
  (software "language-detection-genprofile" #:license "Apache-2.0" #:availability 'public-download
            #:uris '("https://github.com/shuyo/language-detection")
            #:notes "Nakatani Shuyo's langdetect.jar --genprofile, which builds character n-gram profiles (Cybozu Labs, 2010-2014)"
            #:sources (list (langdetect "README.md" "how to create a profile with langdetect.jar --genprofile from Wikipedia abstracts or text")
                            (langdetect "NOTICE" "language-detection license: Copyright (c) 2010-2014 Cybozu Labs, Apache License 2.0")))
  (dataset "wikipedia-abstracts-for-langdetect"
           #:notes "Wikipedia abstract dumps, from which langdetect.jar generates profiles; whether the bundled 55 profiles were made from them, and from which dumps, is not stated"
           #:sources (list (langdetect "README.md" "\"generate language profiles from Wikipedia abstract database files\"")))
  (weights "python-langdetect-1.0.9-profiles" #:guix-package "python-langdetect" #:version "1.0.9"
           #:file "langdetect/profiles" #:format "langdetect-profile-json" #:license "Apache-2.0"
           #:availability 'public-download
           #:notes "55 JSON profiles of character 1- to 3-gram frequencies for a naive Bayes language identifier, ported from Shuyo's language-detection; MANIFEST.in and include_package_data install them"
           #:sources (list (langdetect "MANIFEST.in" "recursive-include langdetect/profiles *")
                           (langdetect "setup.py" "version='1.0.9', include_package_data=True")
                           (langdetect "NOTICE" "Apache License 2.0 (Cybozu Labs)")
                           (guix-file "python-xyz.scm" 17383 "python-langdetect 1.0.9 from PyPI")))
  (step "generate-langdetect-profiles" 'train
        #:inputs '(("language-detection-genprofile" . software) ("wikipedia-abstracts-for-langdetect" . training-data))
        #:outputs '("python-langdetect-1.0.9-profiles")
        #:notes "the README documents this as the way to make a profile; the bundled ones' exact inputs are not stated; counting n-grams takes little compute, but none is stated"
        #:sources (list (langdetect "README.md" "--genprofile usage")))

  (weights "rspamd-3.12.1-language-profiles" #:guix-package "rspamd" #:version "3.12.1"
           #:file "contrib/languages-data" #:format "langdetect-profile-json" #:availability 'public-download
           #:notes "47 files: 46 JSON character n-gram frequency profiles in the format of Shuyo's language-detection (en.json begins like langdetect's profiles/en but the files are not identical) and stop_words; installed to share/rspamd/languages; no license or origin is stated in the directory; contrib/google-ced (Google's Compact Encoding Detection, Apache-2.0, compiled in) also carries generated probability tables, not catalogued here"
           #:sources (list (rspamd "contrib/languages-data/en.json" "one of the profiles")
                           (rspamd "cmake/InstallRspamdFiles.cmake" "installs contrib/languages-data/*.json and stop_words to SHAREDIR/languages")
                           (rspamd "contrib/google-ced/compact_enc_det_generated_tables.h" "Google's generated encoding tables, Apache License 2.0")
                           (guix-file "mail.scm" 4732 "rspamd 3.12.1 from git tag 3.12.1, no unbundling of contrib/")))
  (step "generate-rspamd-language-profiles" 'train #:outputs '("rspamd-3.12.1-language-profiles")
        #:notes "who made these profiles, from what text, and under which license is not stated in rspamd's tree"
        #:sources (list (rspamd "contrib/languages-data/en.json" "no header or notice beside the data")))

  (software "libexttextcat-createfp" #:license "BSD-3-Clause" #:availability 'public-download
            #:backends '((cpu . #f))
            #:uris '("https://github.com/LibreOffice/libexttextcat")
            #:notes "createfp, the fingerprint generator bundled with libexttextcat (C, on the CPU)"
            #:sources (list (exttextcat "README" "\"Creating your own fingerprints\" with createfp")
                            (exttextcat "LICENSE" "BSD 3-clause, Copyright (c) 2003, WiseGuys Internet B.V.")))
  (dataset "udhr-translations-for-libexttextcat"
           #:availability 'public-download
           #:notes "translations of the Universal Declaration of Human Rights (langclass/ShortTexts, from unicode.org/udhr); their terms are not recorded here"
           #:sources (list (exttextcat "README" "fingerprints \"mostly derived from using the included createfp utility on UDHR translations\"; wget http://unicode.org/udhr/d/udhr_abk.txt")))
  (weights "libexttextcat-3.4.5-fingerprints" #:guix-package "libexttextcat" #:version "3.4.5"
           #:file "langclass/LM" #:format "textcat-fingerprint" #:availability 'public-download
           #:notes "over 150 TextCat language fingerprints (ranked character n-grams, *.lm) and fpdb.conf, installed to share/libexttextcat and used by LibreOffice's language guessing; not separately licensed from the library (LICENSE: BSD 3-clause), so the license is left unrecorded"
           #:sources (list (exttextcat "langclass/LM/Makefile.am" "pkgdata_DATA = ${wildcard *.lm}")
                           (exttextcat "README" "\"A collection of over 150 language models\"")
                           (guix-file "libreoffice.scm" 515 "libexttextcat 3.4.5 from dev-www.libreoffice.org")))
  (step "createfp-libexttextcat-fingerprints" 'train
        #:inputs '(("libexttextcat-createfp" . software) ("udhr-translations-for-libexttextcat" . training-data))
        #:outputs '("libexttextcat-3.4.5-fingerprints")
        #:notes "\"mostly\" from UDHR translations: some fingerprints come from elsewhere, unstated; compute not stated (counting n-grams of short texts)"
        #:sources (list (exttextcat "README" "\"mostly derived from using the included createfp utility on UDHR translations\"")))))
