;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The catalog: weights of Guix's OCR, speech, vision and audio packages
;;; (Tesseract's tessdata_fast, the Parakeet ONNX models of
;;; python-onnx-asr, OpenCV's learned descriptors, RNNoise) and what they
;;; come from.  Every fact cites a file at a commit or an exact page, dated;
;;; what no source settles is left unknown, with what would settle it.
;;; Facts "read from Guix" come from the Guix tree at commit 43770a9d8ac4
;;; (2026-03-21).


;;; Tesseract.

(define tessdata-fast-readme
  (github-file "tesseract-ocr/tessdata_fast" "65727574dfcd264acbb0c3e07860e4e9e9b22185" "README.md" "2019-10-30"
          "tag 4.1.0: \"All data in the repository are licensed under the Apache-2.0 License\"; the \"best value for money\" network \"was then integerized\"; fine tuning \"will NOT be possible from these fast models, as they are 8-bit integer\"; Latin-based models \"trained on about 400000 textlines spanning about 4500 fonts\"; text from the web"))
(define (tessdoc path date about)
  (github-file "tesseract-ocr/tessdoc" "f0e2e52803c3ebf281bee2fda8a6d2e168dff266" path date about))
(define tessdata-fast-training
  (tessdoc "Data-Files-in-tessdata_fast.md" "2026-04-19"
           "\"First, fast is trained with a spec that produces a smaller net than best\"; \"Then, the float->int conversion is done\""))
(define tessdata-files-table
  (tessdoc "Data-Files.md" "2020-11-13"
           "tessdata-fast: \"Integerized LSTM of a smaller network than tessdata-best\", retrainable \"No\"; the official models were \"trained at Google\""))
(define tesseract-training-doc
  (tessdoc "tess5/TrainingTesseract-5.md" "2024-09-06"
           "\"No GPU is needed. (No support.)\"; Tesseract 4 training \"takes a few days to a couple of weeks\"; lstmtraining's stop_training with convert_to_int makes a fast, integer traineddata"))
(define langdata-readme
  (github-file "tesseract-ocr/langdata" "bc528bf11370d6e469190a96e846b71c741425ba" "README.md" "2024-03-07"
          "\"Some languages were trained with commercially available fonts, so you will need to buy them in order to reproduce the training exactly, or use substitutes.\""))

;;; Parakeet.

(define parakeet-base
  "https://huggingface.co/istupakov/parakeet-tdt-0.6b-v3-onnx/resolve/abd2878d52a678ce380088ef9d9b1d9664404565/")
(define parakeet-onnx-card
  (source "https://huggingface.co/istupakov/parakeet-tdt-0.6b-v3-onnx/commit/abd2878d52a678ce380088ef9d9b1d9664404565"
          #:date "2026-11-30"
          #:about "the revision Guix pins: README front matter \"license: cc-by-4.0\", \"base_model: nvidia/parakeet-tdt-0.6b-v3\"; \"NVIDIA Parakeet TDT 0.6B V3 (Multilingual) model converted to ONNX format for onnx-asr\""))
(define onnx-asr-readme
  (github-file "istupakov/onnx-asr" "b7a038386bae7e60a00cbc8bc6fca88e8c6cea56" "README.md" "2026-01-18"
          "v0.10.2: NeMo models are exported with NeMo's ASRModel.from_pretrained(...) then model.export(...); how the int8 files were quantized is not described"))

;;; OpenCV.

(define boostdesc-readme
  (github-file "opencv/opencv_3rdparty" "34e4206aef44d50e6bbcd0ab06354b52e7466d26" "README.md" "2016-10-12"
          "\"Following files are generated from original binaries [1] using export-boostdesc.py tool\"; DLCO is not mentioned; the tree holds README.md and the seven boostdesc_*.i files, no LICENSE and no export script"))
(define boostdesc-header
  (github-file "opencv/opencv_3rdparty" "34e4206aef44d50e6bbcd0ab06354b52e7466d26" "boostdesc_binboost_256.i" "2016-10-12"
          "\"Header exported from binary. [./export-boostdesc.py BINBOOST binboost_256.bin]\" (each boostdesc_*.i names its .bin file)"))
(define boostdesc-port
  (source "https://github.com/opencv/opencv_contrib/pull/648" #:date "2016-04-27"
          #:about "BoostDesc in OpenCV: \"Implementation use BSD with permission from authors, original code [2] was GPLv2\" ([2] http://infoscience.epfl.ch/record/186246/files/boostDesc_1.0.tar.gz); \"Original binary blobs was exported into C headers\""))
(define (dlco path date about)
  (github-file "cbalint13/opencv-dlco" "f7f5dc43a5c9a4b74a518dfe0202c8eb68a94129" path date about))

;;; RNNoise.

(define (rnnoise path date about)
  (github-file "xiph/rnnoise" "7f449bf8bd3b933891d12c30112268c4090e4d59" path date about))
(define rnnoise-copying
  (rnnoise "COPYING" "2021-03-12"
           "a 3-clause BSD license (Mozilla, Jean-Marc Valin, Xiph.Org, Mark Borgerding) for the repository, rnn_data.c included; the GitHub repository is a copy of gitlab.xiph.org/xiph/rnnoise, same commit"))
(define rnnoise-training-readme
  (rnnoise "TRAINING-README" "2021-03-12"
           "the pipeline: denoise_training signal.raw noise.raw count > training.f32, bin2hdf5.py, rnn_train.py (Keras), dump_rnn.py writes src/rnn_data.c and rnn_data.h; names no corpus"))

(list
 (provenance
  ;; Tesseract's fast models: a smaller network trained in floating point,
  ;; then integerized.
  (weights "tessdata-fast-4.1.0" #:version "4.1.0" #:format "traineddata" #:license "Apache-2.0"
           #:uris '("https://github.com/tesseract-ocr/tessdata_fast")
           #:sha256 "0401fb0837b10a06795c57d6066a461528e3fe76c9cb831145bd1fb42e0361d4"
           #:availability 'public-download #:guix-package "tesseract-ocr-tessdata-fast"
           #:notes "8-bit integer LSTM models, one per language and script, integerized from a smaller network than tessdata_best's (not from the best models); the sha256 is the checkout's"
           #:sources (list (guix-file "ocr.scm" #f "uri, sha256 of the checkout, tag 4.1.0")
                           tessdata-fast-readme tessdata-files-table))
  (weights "tessdata-fast-4.1.0-float" #:format "traineddata" #:availability 'unavailable
           #:notes "the floating-point 'fast' networks before integerization: tessdata_fast holds only the integer models and tessdata_best a larger network, so these were not published"
           #:sources (list tessdata-fast-training tessdata-fast-readme tessdata-files-table))
  (software "tesseract-training-tools" #:license "Apache-2.0" #:availability 'public-download
            #:uris '("https://github.com/tesseract-ocr/tesseract" "https://github.com/tesseract-ocr/tesstrain")
            #:backends '((cpu . #f))
            #:notes "lstmtraining, text2image and the tesstrain scripts; CPU only"
            #:sources (list (github-file "tesseract-ocr/tesseract" "005c674a0db654d6502dc01a1e33a5e37d7d4614" "LICENSE" "2026-11-30"
                                    "Apache License Version 2.0 (the commit's date was not read)")
                            (github-file "tesseract-ocr/tesstrain" "45cacc5c05929a0d8a19d19104d4a0718877a91c" "README.md" "2024-06-04"
                                    "\"Software is provided under the terms of the Apache 2.0 license\"")
                            tesseract-training-doc))
  (dataset "tessdata-training-lines"
           #:availability 'unavailable
           #:notes "about 400,000 text lines in about 4,500 fonts for Latin-based languages (text taken from the web), rendered at Google; no source read publishes the rendered lines, and rendering them again needs the text (langdata_lstm, whose terms and completeness were not read) and the fonts listed in its okfonts.txt files, some of them commercial: reproducing the training exactly means buying fonts, substitutes give a different network.  A published copy of the lines, or of the full text with free fonts only, would change this"
           #:sources (list tessdata-fast-readme langdata-readme
                           (tessdoc "Fonts.md" "2026-04-19"
                                    "the fonts used for the LSTM models of 4.0.0 are listed in <lang>/okfonts.txt of langdata_lstm")
                           (source "https://github.com/tesseract-ocr/tesseract/issues/2860" #:date "2020-01-23"
                                   #:about "quotes Ray Smith (tesseract issue 654, 2017): \"For the LSTM training, I resorted to using Google's parallel infrastructure to render enough text in all the languages.\"")))
  (step "train-tessdata-fast-float" 'train
        #:inputs '(("tesseract-training-tools" . software) ("tessdata-training-lines" . training-data))
        #:outputs '("tessdata-fast-4.1.0-float")
        #:notes "trained at Google with a network spec smaller than best's; compute not recorded: the documentation's \"a few days to a couple of weeks\" is a general statement without hardware, for one model, while tessdata_fast has over a hundred"
        #:sources (list tessdata-fast-training tesseract-training-doc tessdata-files-table))
  (step "integerize-tessdata-fast" 'quantize
        #:inputs '(("tesseract-training-tools" . software) ("tessdata-fast-4.1.0-float" . initial-weights))
        #:outputs '("tessdata-fast-4.1.0")
        #:notes "the float->int conversion; lstmtraining --stop_training --convert_to_int is the documented way to do it, that Google used it is not stated; compute not recorded"
        #:sources (list tessdata-fast-training tesseract-training-doc))

  ;; Parakeet TDT 0.6B v3, as ONNX files converted by istupakov.
  (weights "parakeet-tdt-0.6b-v3-encoder-int8" #:name "encoder-model.int8.onnx" #:format 'onnx
           #:license "CC-BY-4.0" #:availability 'public-download #:guix-package "python-onnx-asr"
           #:uris (list (string-append parakeet-base "encoder-model.int8.onnx"))
           #:sha256 "6139d2fa7e1b086097b277c7149725edbab89cc7c7ae64b23c741be4055aff09"
           #:notes "Guix's package declares expat (onnx-asr's code); the weights' CC-BY-4.0 is the Hub revision's own declaration"
           #:sources (list (guix-file "speech.scm" #f "uri, sha256, comment \"License: CC-BY-4.0 (NVIDIA)\"")
                           parakeet-onnx-card))
  (weights "parakeet-tdt-0.6b-v3-decoder-joint-int8" #:name "decoder_joint-model.int8.onnx" #:format 'onnx
           #:license "CC-BY-4.0" #:availability 'public-download #:guix-package "python-onnx-asr"
           #:uris (list (string-append parakeet-base "decoder_joint-model.int8.onnx"))
           #:sha256 "eea7483ee3d1a30375daedc8ed83e3960c91b098812127a0d99d1c8977667a70"
           #:sources (list (guix-file "speech.scm" #f "uri, sha256, comment \"License: CC-BY-4.0 (NVIDIA)\"")
                           parakeet-onnx-card))
  (software "onnx-asr" #:license "MIT" #:availability 'public-download
            #:uris '("https://github.com/istupakov/onnx-asr") #:guix-package "python-onnx-asr"
            #:notes "the runtime the ONNX files are made for; its README documents the NeMo export"
            #:sources (list (github-file "istupakov/onnx-asr" "b7a038386bae7e60a00cbc8bc6fca88e8c6cea56" "LICENSE" "2026-01-18"
                                    "MIT License, Copyright (c) 2025 Ilya Stupakov")
                            onnx-asr-readme))
  (weights "nvidia-parakeet-tdt-0.6b-v3" #:license "CC-BY-4.0"
           #:uris '("https://huggingface.co/nvidia/parakeet-tdt-0.6b-v3")
           #:notes "NVIDIA's model the ONNX files are converted from.  CC-BY-4.0 as the converter's card and copies of NVIDIA's card say (NVIDIA's v2 card states it for v2); NVIDIA's own v3 card at a fixed revision was not read, nor whether downloading needs registration: reading it would settle both"
           #:sources (list parakeet-onnx-card
                           (source "https://huggingface.co/nvidia/parakeet-tdt-0.6b-v2" #:date "2026-11-30"
                                   #:about "v2: \"GOVERNING TERMS: Use of this model is governed by the CC-BY-4.0 license\"; v3 \"now available\" at nvidia/parakeet-tdt-0.6b-v3")))
  (software "nemo" #:uris '("https://github.com/NVIDIA/NeMo") #:availability 'public-download
            #:notes "NVIDIA's toolkit, which trains Parakeet and exports it (model.export); its LICENSE file only says \"Please refer to per-package licenses\", so the license of the parts used is not recorded; backends not recorded (its documentation or requirements would settle them)"
            #:sources (list (github-file "NVIDIA/NeMo" "31aaf3377871dea7c3ad235cd2167480ae692444" "LICENSE" "2026-11-30"
                                    "\"Please refer to per-package licenses\"")
                            onnx-asr-readme))
  (step "export-parakeet-onnx-int8" 'quantize
        #:inputs '(("nvidia-parakeet-tdt-0.6b-v3" . initial-weights) ("nemo" . software))
        #:outputs '("parakeet-tdt-0.6b-v3-encoder-int8" "parakeet-tdt-0.6b-v3-decoder-joint-int8")
        #:notes "export to ONNX with NeMo's model.export, as onnx-asr documents for NeMo models, and int8 quantization by a tool not stated; the converter's own record of the commands would settle it"
        #:sources (list onnx-asr-readme parakeet-onnx-card))
  (dataset "parakeet-training-data"
           #:notes "Granary (NVIDIA's pseudo-labelled speech in 25 European languages, announced for https://hf.co/datasets/nvidia/Granary) and NeMo ASR Set 3.0, as copies of NVIDIA's card list; the report's 1.7M hours are Canary-1B-v2's, not Parakeet's, and are not recorded; the licenses and availability of both sets were not read"
           #:sources (list (source "https://arxiv.org/abs/2509.14128" #:date "2026-11-30"
                                   #:about "NVIDIA's report: Canary-1B-v2 trained on Granary and NeMo ASR Set 3.0; Parakeet-TDT-0.6B-v3 released alongside")
                           (source "https://arxiv.org/abs/2505.13404" #:date "2026-11-30"
                                   #:about "Granary: speech recognition and translation data for 25 European languages")))
  (step "train-parakeet-tdt-0.6b-v3" 'train
        #:inputs '(("nemo" . software) ("parakeet-training-data" . training-data))
        #:outputs '("nvidia-parakeet-tdt-0.6b-v3")
        #:notes "compute not recorded (the model card's training section would settle it)"
        #:sources (list (source "https://arxiv.org/abs/2509.14128" #:date "2026-11-30"
                                #:about "Parakeet-TDT-0.6B-v3, a successor to v2, trained with NeMo")))

  ;; OpenCV's BoostDesc descriptors: exported from the authors' binaries.
  (weights "opencv-boostdesc-descriptors" #:guix-package "opencv"
           #:uris '("https://github.com/opencv/opencv_3rdparty")
           #:sha256 "c2582d922c6882a8e540b53590e59d31625ab46eb1d57e75dff0bd0d7b78d18f"
           #:notes "the seven boostdesc_*.i headers of commit 34e4206aef44d50e6bbcd0ab06354b52e7466d26 (BinBoost, BGM, LBGM), exported from the authors' original binaries, not made by DLCO (Guix's comment says so of the VGG files only); the headers state no license and the branch has no LICENSE (OpenCV's port is BSD with the authors' permission, which says nothing of the data): the authors' terms for the data would settle it; the sha256 is the checkout's"
           #:sources (list (guix-file "image-processing.scm" #f "uri, commit, sha256; comment: derived from the binary descriptors of the BinBoost package, \"released under GPLv2+\"")
                           boostdesc-readme boostdesc-header boostdesc-port))
  (weights "boostdesc-original-binaries" #:license "GPL-2.0-only"
           #:uris '("http://infoscience.epfl.ch/record/186246/files/boostDesc_1.0.tar.gz")
           #:notes "bgm.bin, bgm_bilinear.bin, bgm_hard.bin, binboost.bin, binboost_128.bin, binboost_256.bin and lbgm.bin of the authors' boostDesc 1.0 (EPFL, Trzcinski et al.), whose code OpenCV's porter gives as GPLv2 (Guix's comment: GPLv2+); the tarball itself was not read, nor whether it can still be downloaded"
           #:sources (list boostdesc-port boostdesc-header))
  (software "export-boostdesc-py"
            #:notes "the script that turned the .bin files into C headers; it is not in opencv_3rdparty's tree, and where it is published, under which terms, was not found"
            #:sources (list boostdesc-readme boostdesc-header))
  (step "export-boostdesc-headers" 'convert
        #:inputs '(("export-boostdesc-py" . software) ("boostdesc-original-binaries" . initial-weights))
        #:outputs '("opencv-boostdesc-descriptors")
        #:notes "./export-boostdesc.py BINBOOST binboost_256.bin and the like, one header per binary"
        #:sources (list boostdesc-header boostdesc-readme))
  (software "boostdesc-trainer" #:availability 'unavailable
            #:notes "the framework that learnt the BoostDesc binaries was never released"
            #:sources (list (source "https://github.com/opencv/opencv_contrib/pull/158" #:date "2015-01-15"
                                    #:about "\"bgm.bin is derived from a never release framework, its license and origin are questionable\"")))
  (dataset "boostdesc-training-patches"
           #:notes "which image patches the binaries were learnt from is not stated in the sources read (the BinBoost papers' experimental sections would settle it)"
           #:sources (list boostdesc-port))
  (step "learn-boostdesc" 'train
        #:inputs '(("boostdesc-trainer" . software) ("boostdesc-training-patches" . training-data))
        #:outputs '("boostdesc-original-binaries")
        #:notes "compute not recorded"
        #:sources (list (source "https://github.com/opencv/opencv_contrib/pull/158" #:date "2015-01-15"
                                #:about "the trainer of bgm.bin and the other binaries was never released")))

  ;; OpenCV's VGG descriptors: learnt with DLCO.
  (weights "opencv-vgg-descriptors" #:guix-package "opencv" #:license "BSD-3-Clause"
           #:uris '("https://github.com/opencv/opencv_3rdparty")
           #:sha256 "7e374633e0b1575417ef3985d80891f4d0e49eb3f63e3c9ac6d8d3db50552e65"
           #:notes "vgg_generated_{48,64,80,120}.i of commit fccf7cd6a4b12079f73bbfb21745f9babcd4eb1d, generated within DLCO; the same files are in DLCO's repository (workspace/opencv), whose LICENSE is BSD-3-Clause, and Guix's comment gives BSD-3 too; the sha256 is the checkout's"
           #:sources (list (guix-file "image-processing.scm" #f "uri, commit, sha256; comment: \"released under BSD-3. They are generated files produced by the DLCO framework\"")
                           (github-file "opencv/opencv_3rdparty" "fccf7cd6a4b12079f73bbfb21745f9babcd4eb1d" "README.md" "2016-03-17"
                                   "\"Following files are generated within DLCO framework\" (https://github.com/cbalint13/opencv-dlco/tree/master/workspace/opencv)")
                           (dlco "workspace/opencv/vgg_generated_120.i" "2016-03-16"
                                 "the file OpenCV ships, identical but for a trailing newline")
                           (dlco "LICENSE" "2016-05-31" "BSD 3-clause, Copyright (c) 2014-2016 Karen Simonyan, Andrea Vedaldi, Andrew Zisserman")))
  (software "dlco" #:license "BSD-3-Clause" #:availability 'public-download
            #:uris '("https://github.com/cbalint13/opencv-dlco")
            #:backends '((cuda . #t))
            #:notes "Descriptor Learning using Convex Optimisation (Simonyan, Vedaldi, Zisserman), ported to OpenCV by Balint Cristian; its trainer compiles a CUDA kernel and needs OpenCV's cudaarithm: no CPU or ROCm path"
            #:sources (list (dlco "LICENSE" "2016-05-31" "BSD 3-clause")
                            (dlco "README.md" "2016-05-31"
                                  "\"Trainer part implemented here uses GPU as mandatory requirement\"; \"CUDA capable GPU card with minimum 4Gb of memory\"")))
  (dataset "brown-patch-datasets" #:uris '("http://www.cs.ubc.ca/~mbrown/patchdata/patchdata.html")
           #:notes "Brown et al.'s patch sets liberty, notredame and yosemite (UBC); the page giving their terms and whether they can still be downloaded was not read"
           #:sources (list (dlco "workspace/dataset/README.md" "2016-05-31"
                                 "\"Unzip here http://www.cs.ubc.ca/~mbrown/patchdata/patchdata.html main datasets: liberty, notredame, yosemite\"")
                           (github-file "opencv/opencv_3rdparty" "fccf7cd6a4b12079f73bbfb21745f9babcd4eb1d" "vgg_generated_120.i" "2016-03-17"
                                   "pooling regions learnt on liberty, projections on notredame-liberty (vgg_generated_48.i: yosemite, notredame-yosemite)")))
  (step "learn-vgg-descriptors" 'train
        #:inputs '(("dlco" . software) ("brown-patch-datasets" . training-data))
        #:outputs '("opencv-vgg-descriptors")
        #:notes "pooling-region learning then projection learning, each \"up to ~1 week\" even on a GPU that is not named: no compute is recorded"
        #:sources (list (dlco "workspace/README.md" "2016-05-31"
                              "\"This may take very long time even using GPU, up to ~1 week given actual 256 combinations of mu and gamma regularization parameters\"")))

  ;; RNNoise: weights compiled into the C source.
  (weights "rnnoise-weights" #:name "rnn_data.c" #:guix-package "rnnoise" #:license "BSD-3-Clause"
           #:uris '("https://gitlab.xiph.org/xiph/rnnoise")
           #:notes "src/rnn_data.c at commit 7f449bf8bd3b933891d12c30112268c4090e4d59, \"automatically generated from a Keras model\"; its weights were last retrained on 2017-09-19 (commit cdf196b1e9de2f8ff1003328ebf9a4316477429d)"
           #:sources (list (guix-file "xiph.scm" #f "uri, commit")
                           rnnoise-copying
                           (rnnoise "src/rnn_data.c" "2017-09-19" "\"This file is automatically generated from a Keras model\"")))
  (software "rnnoise-training-scripts" #:license "BSD-3-Clause" #:availability 'public-download
            #:uris '("https://gitlab.xiph.org/xiph/rnnoise")
            #:notes "denoise_training (C) and the Keras scripts of training/; the backends Keras ran on are not stated (the scripts' requirements or their author would settle it)"
            #:sources (list rnnoise-training-readme rnnoise-copying))
  (dataset "rnnoise-training-corpora"
           #:notes "the speech and noise recordings (signal.raw, noise.raw) are neither in the repository nor named by it; the RNNoise paper (arXiv:1709.08243), not read, would name them"
           #:sources (list rnnoise-training-readme))
  (step "train-rnnoise" 'train
        #:inputs '(("rnnoise-training-scripts" . software) ("rnnoise-training-corpora" . training-data))
        #:outputs '("rnnoise-weights")
        #:notes "training/rnn_train.py: batch size 32, 120 epochs; compute not recorded"
        #:sources (list rnnoise-training-readme
                        (rnnoise "training/rnn_train.py" "2021-03-12" "Keras; batch_size = 32, epochs=120")))))
