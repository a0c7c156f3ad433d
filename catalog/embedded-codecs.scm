;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The catalog: trained models inside the sources of Guix's codec
;;; packages (libvpx, libaom, Opus): small neural networks and linear
;;; models the encoders use to prune their searches, and Opus's speech
;;; and music classifier and its 1.5 deep-learning models.  Package names
;;; and versions are those of the Guix tree of 2026-03-21 (commit
;;; 43770a9d8ac4).  None of these projects publishes the data or the
;;; compute their encoder models were trained with; #:notes say so.

(define (libvpx path about) (github-file "webmproject/libvpx" "v1.15.2" path "2025-05-28" about))
;; libaom read from the GitHub mirror m-ab-s/aom at tag v3.8.0 (commit
;; b681eac83963950afc7be55df56c22fa5210aaa2, as Guix's aomedia.googlesource.com tag).
(define (aom path about) (github-file "m-ab-s/aom" "v3.8.0" path "2023-11-30" about))
(define (opus path about) (github-file "xiph/opus" "v1.5.2" path "2024-04-10" about))

;; One libaom encoder model: its weights and the training nobody documents.
(define (aom-model id file notes commit date message)
  (provenance
   (weights id #:availability 'public-download #:guix-package "libaom" #:version "3.8.0" #:file file #:format "c-float-arrays"
            #:license "BSD-2-Clause"
            #:notes (string-append notes "; compiled into libaom.so (AOM_AV1_ENCODER_SOURCES, removed only when CONFIG_REALTIME_ONLY, which defaults to 0); also under the AOM Patent License 1.0 (PATENTS)")
            #:sources (list (aom file "the weights")
                            (aom "LICENSE" "BSD 2-clause license")
                            (aom "av1/av1.cmake" "the encoder sources, and what CONFIG_REALTIME_ONLY removes")
                            (aom "build/cmake/aom_config_defaults.cmake" "CONFIG_REALTIME_ONLY and CONFIG_TFLITE default to 0")
                            (guix-file "video.scm" 943 "libaom 3.8.0 from git tag v3.8.0; -DAOM_TARGET_CPU=generic, shared")))
   (step (string-append "train-" id) 'train #:outputs (list id)
         #:notes (string-append "libaom publishes no training code, data or compute for it; the model came with commit "
                                commit " (" date ", \"" message "\")")
         #:sources (list (github-file "m-ab-s/aom" commit file date (string-append "commit \"" message "\""))))))

(list
 ;;; libvpx 1.15.2
 (provenance
  (weights "libvpx-1.15.2-vp9-partition-models" #:availability 'public-download #:guix-package "libvpx" #:version "1.15.2"
           #:file "vp9/encoder/vp9_partition_models.h" #:format "c-float-arrays" #:license "BSD-3-Clause"
           #:size 37995
           #:notes "VP9 encoder models as float arrays with NN_CONFIG structs: \"Partition search breakout model\", \"Rectangular partition search pruning model\", \"Partition pruning model(neural nets)\" and \"Partition pruning model(linear)\"; listed in vp9/vp9cx.mk and included by vp9_encodeframe.c, so compiled into libvpx.so (Guix's configure flags keep the VP9 encoder); also under the WebM patent grant (PATENTS)"
           #:sources (list (libvpx "vp9/encoder/vp9_partition_models.h" "the models and their comments")
                           (libvpx "vp9/vp9cx.mk" "VP9_CX_SRCS-yes += encoder/vp9_partition_models.h")
                           (libvpx "vp9/encoder/vp9_encodeframe.c" "#include \"vp9/encoder/vp9_partition_models.h\"")
                           (libvpx "LICENSE" "BSD 3-clause license")
                           (guix-file "video.scm" 3136 "libvpx 1.15.2 from git tag v1.15.2; configure flags --enable-shared --disable-static --as=yasm --size-limit")))
  (step "train-libvpx-1.15.2-vp9-partition-models" 'train
        #:outputs '("libvpx-1.15.2-vp9-partition-models")
        #:notes "libvpx publishes no training code, data or compute; the models were moved to this file by commit 88cd87141 (2018-09-04, \"Move partition search ML models to a seperate file\") and retrained since"
        #:sources (list (github-file "webmproject/libvpx" "88cd871418a790b29ad24e70d9de97494903ae53" "vp9/encoder/vp9_partition_models.h" "2018-09-04"
                                "commit \"Move partition search ML models to a seperate file\""))))

 ;;; libaom 3.8.0: the AV1 encoder's models.
 (aom-model "libaom-3.8.0-partition-cnn-weights" "av1/encoder/partition_cnn_weights.h"
            "CNN for intra-frame partition decisions (av1_intra_mode_cnn_partition_*), 135,776 bytes, included by partition_strategy.c"
            "36035d1cc84d39a00a70f72276936f67a9e00683" "2019-06-25" "Introduce CNN-based intraframe partition on lowres")
 (aom-model "libaom-3.8.0-partition-model-weights" "av1/encoder/partition_model_weights.h"
            "MLPs for partition pruning (\"nn model for ab partition pruning, 128x128\" and others), 335,117 bytes; a comment says their performance is \"getting worse due the changes in the encoder. We should retrain the models\""
            "74c260ba9629a291d3a16b757481aa1c1bf0676d" "2018-07-23" "Add a ML model to prune horz4 and vert4 partitions")
 (aom-model "libaom-3.8.0-tx-prune-model-weights" "av1/encoder/tx_prune_model_weights.h"
            "small networks pruning the transform type search (\"Tx type model for 4x4 block\" and others), 160,554 bytes, included by tx_search.c"
            "0c7eb10dba78c541f06d848173dcd46f2251479e" "2017-10-17" "Improving the model for pruning the TX type search")
 (aom-model "libaom-3.8.0-misc-model-weights" "av1/encoder/misc_model_weights.h"
            "motion-vector precision model (feature means, deviations and weights), included by mv_prec.c"
            "51bd648aa99f0cb4c446213f77fbc9c02d86e4c8" "2020-01-30" "Add smart motion vector precision")
 (aom-model "libaom-3.8.0-mode-prune-model-weights" "av1/encoder/mode_prune_model_weights.h"
            "intra and inter mode pruning networks, included by rdopt.c"
            "7de6a48d7753a32c1c06148f55f7b7f8b73cc7ac" "2019-10-02" "Move mode ML models to a separate file")
 (aom-model "libaom-3.8.0-ml-partition-models" "av1/encoder/av1_ml_partition_models.h"
            "real-time variance partition networks, included by partition_search.c; a comment reads \"TODO(kyslov): Replace with proper weights after training AV1 models\", so where these weights come from is itself unsaid"
            "28af7875cc8fa9a3091bdef039c00b748b353fc4" "2020-09-28" "AV1 RT: Add ML-based partition code")
 (provenance
  (weights "libaom-3.8.0-deltaq4-tflite" #:availability 'public-download #:guix-package "libaom" #:version "3.8.0"
           #:file "av1/encoder/deltaq4_model.c" #:format 'tflite #:license "BSD-2-Clause" #:installed #f
           #:notes "a TensorFlow Lite flatbuffer embedded as a C array (\"Embedded file: model.tflite\", av1_deltaq4_model_file[101032]); only allintra_vis.c includes it, under #if CONFIG_TFLITE, which defaults to 0 and Guix does not set: not compiled"
           #:sources (list (aom "av1/encoder/deltaq4_model.c" "\"/* Embedded file: model.tflite */\"")
                           (aom "av1/encoder/allintra_vis.c" "#if CONFIG_TFLITE ... #include \"av1/encoder/deltaq4_model.c\"")
                           (aom "build/cmake/aom_config_defaults.cmake" "set_aom_config_var(CONFIG_TFLITE 0 ...)")
                           (guix-file "video.scm" 961 "libaom's configure flags: no CONFIG_TFLITE")))
  (step "train-libaom-3.8.0-deltaq4-tflite" 'train #:outputs '("libaom-3.8.0-deltaq4-tflite")
        #:notes "how the TFLite model was trained, on what and with what compute is not published in the tree"
        #:sources (list (aom "av1/encoder/deltaq4_model.c" "the model file names no training"))))

 ;;; Opus 1.5.2
 (provenance
  (software "opus-rnn-training-scripts" #:license "BSD-3-Clause" #:availability 'public-download
            #:uris '("https://github.com/xiph/opus/blob/v1.5.2/scripts/rnn_train.py")
            #:notes "scripts/rnn_train.py (a Keras dense-GRU-dense model trained on features.h5) and scripts/dump_rnn.py, which writes src/mlp_data.c; Keras's backends are not recorded"
            #:sources (list (opus "scripts/rnn_train.py" "imports Keras; builds Dense(16)-GRU(12)-Dense(2), loads features.h5")
                            (opus "scripts/dump_rnn.py" "dumps the weights to C")
                            (opus "COPYING" "the distribution's BSD 3-clause license")))
  (dataset "opus-speech-music-classifier-features"
           #:notes "the speech, music and noise the classifier's features (features.h5) were computed from, including reverberated speech since 2018; not published or named in the tree"
           #:sources (list (github-file "xiph/opus" "5d290239f110af41f1e29b63b8008b5016e23a63" "src/mlp_data.c" "2018-09-24"
                                   "commit \"Retrain RNN classifier weights to include reverberated speech\"")))
  (weights "opus-1.5.2-speech-music-rnn" #:availability 'public-download #:guix-package "opus" #:version "1.5.2"
           #:file "src/mlp_data.c" #:format "c-int8-arrays" #:license "BSD-3-Clause" #:size 24121
           #:notes "\"automatically generated from a Keras model\": the GRU for voice activity and speech/music classification in the encoder's analysis; in OPUS_SOURCES_FLOAT, compiled unless the float API is disabled, which Guix (configure flag --disable-static only) does not do; every vendored copy of Opus's sources carries it too"
           #:sources (list (opus "src/mlp_data.c" "\"This file is automatically generated from a Keras model\"")
                           (opus "opus_sources.mk" "OPUS_SOURCES_FLOAT = src/analysis.c src/mlp.c src/mlp_data.c")
                           (opus "Makefile.am" "OPUS_SOURCES += $(OPUS_SOURCES_FLOAT) unless DISABLE_FLOAT_API")
                           (opus "COPYING" "BSD 3-clause license")
                           (guix-file "xiph.scm" 368 "opus 1.5.2 from the release tarball; configure flags (\"--disable-static\")")))
  (step "train-opus-speech-music-rnn" 'train
        #:inputs '(("opus-rnn-training-scripts" . software)
                   ("opus-speech-music-classifier-features" . training-data))
        #:outputs '("opus-1.5.2-speech-music-rnn")
        #:notes "added 2017-10-05 (af93fbd5, \"Add RNN for VAD and speech/music classification\"), retrained 2017-11-09 and 2018-09-24; the compute is not stated"
        #:sources (list (github-file "xiph/opus" "af93fbd55fd5c23a2492166816311d9f67df1b24" "src/mlp_data.c" "2017-10-05"
                                "commit \"Add RNN for VAD and speech/music classification\"")
                        (github-file "xiph/opus" "5d290239f110af41f1e29b63b8008b5016e23a63" "src/mlp_data.c" "2018-09-24"
                                "commit \"Retrain RNN classifier weights to include reverberated speech\"")))

  (software "opus-dnn-torch" #:license "BSD-3-Clause" #:availability 'public-download
            #:uris '("https://github.com/xiph/opus/tree/v1.5.2/dnn/torch")
            #:notes "the PyTorch training code of Opus 1.5's deep-learning models (dnn/torch); its backends are not recorded here"
            #:sources (list (opus "dnn/datasets.txt" "datasets for training the LPCNet-family models")
                            (opus "COPYING" "the distribution's BSD 3-clause license")))
  (dataset "opus-dnn-speech-datasets"
           #:availability 'public-download
           #:notes "dnn/datasets.txt lists OpenSLR corpora and others that \"can be used to train a language-independent LPCNet model\"; whether exactly these made model 735117b, and their licenses, are not stated"
           #:sources (list (opus "dnn/datasets.txt" "the list of speech datasets")))
  (weights "opus-1.5.2-dnn-models" #:availability 'public-download #:guix-package "opus" #:version "1.5.2"
           #:file "dnn" #:format "c-arrays" #:license "BSD-3-Clause" #:installed #f
           #:uris '("https://media.xiph.org/opus/models/opus_data-735117b.tar.gz")
           #:notes "the deep PLC, FARGAN, PitchDNN, DRED RDO-VAE, LACE, NoLACE and lossgen weights (dnn/*_data.c) of model 735117b, which autogen.sh downloads and the release tarball carries; configure defaults --enable-deep-plc, --enable-dred and --enable-osce to no and Makefile.am adds their sources only then; Guix passes none of them, so they are neither compiled nor installed"
           #:sources (list (opus "autogen.sh" "dnn/download_model.sh \"735117b\"")
                           (opus "dnn/download_model.sh" "downloads https://media.xiph.org/opus/models/opus_data-$1.tar.gz")
                           (opus "configure.ac" "enable_dred=no, enable_deep_plc=no, enable_osce=no by default")
                           (opus "lpcnet_sources.mk" "DEEP_PLC_SOURCES, DRED_SOURCES, OSCE_SOURCES list dnn/*_data.c")
                           (opus "Makefile.am" "adds those sources only if ENABLE_DEEP_PLC, ENABLE_DRED, ENABLE_OSCE")
                           (guix-file "xiph.scm" 381 "opus 1.5.2: configure flags --disable-static only")))
  (step "train-opus-1.5.2-dnn-models" 'train
        #:inputs '(("opus-dnn-torch" . software) ("opus-dnn-speech-datasets" . training-data))
        #:outputs '("opus-1.5.2-dnn-models")
        #:notes "which data and compute made model 735117b is not stated"
        #:sources (list (opus "dnn/datasets.txt" "training data suggestions")
                        (opus "autogen.sh" "the model version 735117b")))))
