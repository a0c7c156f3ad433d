;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The catalog: weights of Guix's OCR, speech, vision and audio packages
;;; (Tesseract's tessdata_fast, the Parakeet ONNX models of
;;; python-onnx-asr, OpenCV's learned descriptors, RNNoise) and what they
;;; come from.  Facts "read from Guix" come from the Guix source tree
;;; (master, March 2026).

(define (guix-module file about)
  (source (string-append "https://codeberg.org/guix/guix/src/branch/master/gnu/packages/" file)
          #:date "2026-03" #:about about))

(define parakeet-base
  "https://huggingface.co/istupakov/parakeet-tdt-0.6b-v3-onnx/resolve/abd2878d52a678ce380088ef9d9b1d9664404565/")

(list
 (provenance
  ;; Tesseract's fast models.
  (weights "tessdata-fast-4.1.0" #:version "4.1.0" #:format "traineddata" #:license "Apache-2.0"
           #:uris '("https://github.com/tesseract-ocr/tessdata_fast")
           #:sha256 "0401fb0837b10a06795c57d6066a461528e3fe76c9cb831145bd1fb42e0361d4"
           #:availability 'public-download #:guix-package "tesseract-ocr-tessdata-fast"
           #:notes "\"fast integer versions of trained LSTM models\", one per language and script; the sha256 is the checkout's"
           #:sources (list (guix-module "ocr.scm" "uri, sha256 of the checkout, description, license field (asl2.0)")))
  (software "tesseract-training-tools" #:availability 'public-download
            #:uris '("https://github.com/tesseract-ocr/tesseract")
            #:notes "lstmtraining and friends; their license as used for these models and the backends are not recorded")
  (dataset "tessdata-training-text"
           #:notes "the text and fonts the models were trained on; whether they are published, and under which terms, is not recorded")
  (step "train-tessdata-fast" 'train
        #:inputs '(("tesseract-training-tools" . software) ("tessdata-training-text" . training-data))
        #:outputs '("tessdata-fast-4.1.0")
        #:notes "how the integer models were made from trained ones, and the compute, are not recorded")

  ;; Parakeet TDT 0.6B v3, as ONNX files converted by istupakov.
  (weights "parakeet-tdt-0.6b-v3-encoder-int8" #:name "encoder-model.int8.onnx" #:format 'onnx
           #:license "CC-BY-4.0" #:availability 'public-download #:guix-package "python-onnx-asr"
           #:uris (list (string-append parakeet-base "encoder-model.int8.onnx"))
           #:sha256 "6139d2fa7e1b086097b277c7149725edbab89cc7c7ae64b23c741be4055aff09"
           #:notes "Guix's package declares expat as its license; a comment there gives the weights' as CC-BY-4.0 (NVIDIA)"
           #:sources (list (guix-module "speech.scm" "uri, sha256, comment on the weights' license")))
  (weights "parakeet-tdt-0.6b-v3-decoder-joint-int8" #:name "decoder_joint-model.int8.onnx" #:format 'onnx
           #:license "CC-BY-4.0" #:availability 'public-download #:guix-package "python-onnx-asr"
           #:uris (list (string-append parakeet-base "decoder_joint-model.int8.onnx"))
           #:sha256 "eea7483ee3d1a30375daedc8ed83e3960c91b098812127a0d99d1c8977667a70"
           #:sources (list (guix-module "speech.scm" "uri, sha256, comment on the weights' license")))
  (weights "nvidia-parakeet-tdt-0.6b-v3" #:license "CC-BY-4.0"
           #:uris '("https://huggingface.co/nvidia/parakeet-tdt-0.6b-v3")
           #:notes "NVIDIA's model the ONNX files are converted from; whether it can be downloaded without registration is not recorded"
           #:sources (list (guix-module "speech.scm" "the comment naming NVIDIA and CC-BY-4.0")))
  (step "export-parakeet-onnx-int8" 'quantize
        #:inputs '(("nvidia-parakeet-tdt-0.6b-v3" . initial-weights))
        #:outputs '("parakeet-tdt-0.6b-v3-encoder-int8" "parakeet-tdt-0.6b-v3-decoder-joint-int8")
        #:notes "export to ONNX and int8 quantization by istupakov; the tool used is not recorded")
  (dataset "parakeet-training-data"
           #:notes "the speech corpora NVIDIA trained on; their licenses and availability are not recorded here")
  (software "nemo" #:uris '("https://github.com/NVIDIA/NeMo")
            #:notes "NVIDIA's training toolkit; license and backends not recorded here")
  (step "train-parakeet-tdt-0.6b-v3" 'train
        #:inputs '(("nemo" . software) ("parakeet-training-data" . training-data))
        #:outputs '("nvidia-parakeet-tdt-0.6b-v3")
        #:notes "compute not recorded")

  ;; OpenCV's learned descriptors (opencv_3rdparty).
  (weights "opencv-boostdesc-descriptors" #:guix-package "opencv"
           #:uris '("https://github.com/opencv/opencv_3rdparty")
           #:sha256 "c2582d922c6882a8e540b53590e59d31625ab46eb1d57e75dff0bd0d7b78d18f"
           #:notes "BinBoost descriptors of commit 34e4206aef44d50e6bbcd0ab06354b52e7466d26, \"generated files produced by the DLCO framework\"; license not recorded; the sha256 is the checkout's"
           #:sources (list (guix-module "image-processing.scm" "uri, commit, sha256, comment")))
  (weights "opencv-vgg-descriptors" #:guix-package "opencv"
           #:uris '("https://github.com/opencv/opencv_3rdparty")
           #:sha256 "7e374633e0b1575417ef3985d80891f4d0e49eb3f63e3c9ac6d8d3db50552e65"
           #:notes "VGG descriptors of commit fccf7cd6a4b12079f73bbfb21745f9babcd4eb1d, generated by the DLCO framework; license not recorded; the sha256 is the checkout's"
           #:sources (list (guix-module "image-processing.scm" "uri, commit, sha256, comment")))
  (software "dlco" #:notes "the descriptor learning framework named by Guix's comment; where it is published and under which license is not recorded")
  (dataset "descriptor-training-patches" #:notes "the image patches the descriptors were learnt from are not recorded")
  (step "learn-boostdesc" 'train
        #:inputs '(("dlco" . software) ("descriptor-training-patches" . training-data))
        #:outputs '("opencv-boostdesc-descriptors"))
  (step "learn-vgg-descriptors" 'train
        #:inputs '(("dlco" . software) ("descriptor-training-patches" . training-data))
        #:outputs '("opencv-vgg-descriptors"))

  ;; RNNoise: weights compiled into the C source.
  (weights "rnnoise-weights" #:name "rnn_data.c" #:guix-package "rnnoise"
           #:uris '("https://gitlab.xiph.org/xiph/rnnoise")
           #:notes "weights compiled into the C source at commit 7f449bf8bd3b933891d12c30112268c4090e4d59; their license and training are not recorded here"
           #:sources (list (guix-module "xiph.scm" "uri, commit")))
  (step "train-rnnoise" 'train #:outputs '("rnnoise-weights")
        #:notes "the training scripts, data and compute are not recorded")))
