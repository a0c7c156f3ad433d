;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The catalog: trained models inside the sources of Guix's audio
;;; packages: the copies of RNNoise's network that plugins and WebRTC
;;; vendor (compared array by array with RNNoise's own rnn_data.c, the
;;; catalog's "rnnoise-weights"), GregorR's RNNoise-nu models, and
;;; ChowTape's state transition networks.  Package names and versions are
;;; those of the Guix tree of 2026-03-21 (commit 43770a9d8ac4).

(define (rnnoise path about)
  (github-file "xiph/rnnoise" "7f449bf8bd3b933891d12c30112268c4090e4d59" path "2021-03-12" about))
(define (werman path about)
  (github-file "werman/noise-suppression-for-voice" "v0.91" path "2020-10-10" about))
(define speech-denoiser-commit "04cfba929630404f8d4f4ca5bac8d9b09a99152f")
(define (speech-denoiser path about)
  (github-file "lucianodato/speech-denoiser" speech-denoiser-commit path "2018-10-07" about))
;; webrtc-audio-processing 1.3 lives on gitlab.freedesktop.org; it was
;; read from a GitHub mirror at the commit "build: Bump version to 1.3".
(define (webrtc-ap path about)
  (github-file "Sqhh99/webrtc-audio-processing-mirror" "8e258a1933d405073c9e6465628a69ac7d2a1f13" path "2023-09-05" about))
(define (tg-owt path about)
  (github-file "desktop-app/tg_owt" "d067233a845e387e63d480d0d846da5fcb6a40cb" path "2025-11-17" about))
(define (chow path about)
  (github-file "jatinchowdhury18/AnalogTapeModel" "v2.11.4" path "2023-11-05" about))

(define rnnoise-copy-note
  "the 15 weight arrays are identical to those of RNNoise's src/rnn_data.c at 7f449bf (rnnoise-weights), checked value by value on 2026-11-30")

;; The RNNoise-nu models of lv2-speech-denoiser: (code suite date intent
;; noise-note music?).  Only cb is linked into the plugin.
(define copy-caveat
  "no software makes a copy, so none is recorded and the verdict stays undetermined: the copy's real verdict is that of the network it copies, which this graph cannot say (recording the copy as free software run in no time would make it retrainable from the very network it copies)")

(define rnnoise-nu-models
  '(("cb" "conjoined-burgers" "2018-08-28" "General use in a reasonable recording environment" "rnnoise_contributions, only \"other\" and \"none\" samples; COUNT 13212874 (x87)" #t)
    ("bd" "beguiling-drafter" "2018-08-30" "Voice in a reasonable recording environment" "rnnoise_contributions, only \"other\" and \"none\" samples; COUNT 13212874 (x87)" #f)
    ("lq" "leavened-quisling" "2018-08-31" "Voice in a noisy recording environment" "all of rnnoise_contributions; COUNT 10000000 (x87)" #f)
    ("mp" "marathon-prescription" "2018-08-29" "General use in a noisy recording environment" "all of rnnoise_contributions; COUNT 10000000 (x87)" #t)
    ("sh" "somnolent-hogwash" "2018-09-01" "Speech (not laughter or coughing) in a reasonable recording environment" "rnnoise_contributions, only \"other\" and \"none\" samples; COUNT 13212874 (x87)" #f)))

(define (rnnoise-nu-model code suite date intent noise music?)
  (let ((id (string-append "lv2-speech-denoiser-rnnoise-nu-" code))
        (file (string-append "rnnoise/src/models/" code ".c"))
        (installed? (string=? code "cb")))
    (provenance
     (weights id #:availability 'public-download #:guix-package "lv2-speech-denoiser" #:version "0-1.04cfba9"
              #:file file #:format "c-int8-arrays" #:installed installed?
              #:notes (string-append
                       "RNNoise-nu model \"" suite "-" date "\" (\"" intent "\"), \"automatically generated from a Keras model\"; "
                       (if installed?
                           "the default model: rnnoise_create(NULL) in the plugin uses model_cb, so it is linked into lib/lv2/sdenoise.lv2; "
                           "compiled into the static librnnoise-nu.a during the build, but the plugin only calls rnnoise_create(NULL), whose default is model_cb, and nothing references this model, so static linking leaves it out of sdenoise.so (the archive is not installed); ")
                       "the model file states no license (RNNoise-nu's code is BSD-3-Clause; the models' home, GregorR/rnnoise-models, was not read)")
              #:sources (list (speech-denoiser file "the model and its SUITE/INTENT/SIGNAL/NOISE/COUNT header")
                              (speech-denoiser "rnnoise/src/denoise.c" "\"cb is the default model\": rnnoise_init falls back to model_cb")
                              (speech-denoiser "src/sdenoise.c" "rnnoise_create(NULL)")
                              (speech-denoiser "rnnoise/src/models.c" "the only references to the other models")
                              (guix-file "audio.scm" 6631 "phase build-rnnoise: configure --disable-shared --enable-static, make")))
     (step (string-append "train-" id) 'train
           #:inputs `(("rnnoise-nu-training-scripts" . software)
                      ("rnnoise-nu-2018-voice-and-sounds" . training-data)
                      ,@(if music? '(("rnnoise-nu-2018-music" . training-data)) '())
                      ("rnnoise-contributions" . training-data))
           #:outputs (list id)
           #:notes (string-append "signal mixed with noise (" noise ") by denoise_training, features to HDF5, then rnn_train.py and dump_rnn.py; all files converted with ffmpeg to 48 kHz raw; compute not stated")
           #:sources (list (speech-denoiser file "the header listing signal, noise and sample count")
                           (speech-denoiser "rnnoise/TRAINING" "the training pipeline"))))))

(cons
 (provenance
  ;; noise-suppression-for-voice 0.91 vendors RNNoise.
  (weights "noise-suppression-for-voice-0.91-rnnoise-weights" #:availability 'public-download #:guix-package "noise-suppression-for-voice"
           #:version "0.91" #:file "src/rnnoise/src/rnn_data.c" #:format "c-int8-arrays"
           #:license "BSD-3-Clause" #:size 424860
           #:notes (string-append "RNNoise's GRU noise suppressor vendored in the plugin's tree: " rnnoise-copy-note
                                  "; src/rnnoise/CMakeLists.txt puts rnn_data.c in the static RnNoise library linked into the LADSPA and LV2 plugins Guix builds and installs (lib/ladspa/librnnoise_ladspa.so)")
           #:sources (list (werman "src/rnnoise/src/rnn_data.c" "the vendored weights")
                           (werman "src/rnnoise/CMakeLists.txt" "RnNoise library sources")
                           (werman "src/rnnoise/COPYING.txt" "RNNoise's BSD 3-clause license (Mozilla, Jean-Marc Valin, Xiph.Org)")
                           (rnnoise "src/rnn_data.c" "RNNoise's own weights, compared with the copy")
                           (guix-file "pulseaudio.scm" 452 "noise-suppression-for-voice 0.91 from git tag v0.91, cmake defaults")))
  (step "vendor-rnnoise-into-noise-suppression-for-voice" 'convert
        #:inputs '(("rnnoise-weights" . initial-weights))
        #:outputs '("noise-suppression-for-voice-0.91-rnnoise-weights")
        #:compute (compute #:flops 0)
        #:notes (string-append "a verbatim copy of the arrays (the surrounding C is RNNoise's 2017 layout): " rnnoise-copy-note
                               "; " copy-caveat)
        #:sources (list (werman "src/rnnoise/src/rnn_data.c" "the copy")
                        (rnnoise "src/rnn_data.c" "the original")))

  ;; noisetorch 0.12.2 embeds noise-suppression-for-voice's plugin.
  (weights "noisetorch-0.12.2-rnnoise-weights" #:availability 'public-download #:guix-package "noisetorch" #:version "0.12.2"
           #:input "noise-suppression-for-voice" #:file "c/ladspa/rnnoise_ladspa.so"
           #:format "elf-shared-object" #:license "BSD-3-Clause"
           #:notes "Guix's build copies lib/ladspa/librnnoise_ladspa.so of noise-suppression-for-voice into c/ladspa/rnnoise_ladspa.so, which NoiseTorch embeds in its binary with //go:embed"
           #:sources (list (guix-file "pulseaudio.scm" 506 "phase copy-rnnoise-library")
                           (github-file "noisetorch/NoiseTorch" "e5c4d3603428a1beb76939cba58f935cc2bac467" "main.go" "2026-11-30"
                                   "//go:embed c/ladspa/rnnoise_ladspa.so (a stored version of main.go, not the v0.12.2 tag)")))
  (step "copy-rnnoise-plugin-into-noisetorch" 'convert
        #:inputs '(("noise-suppression-for-voice-0.91-rnnoise-weights" . initial-weights))
        #:outputs '("noisetorch-0.12.2-rnnoise-weights")
        #:compute (compute #:flops 0)
        #:notes (string-append "a file copy of the compiled plugin by Guix's build; " copy-caveat)
        #:sources (list (guix-file "pulseaudio.scm" 506 "copy-file of librnnoise_ladspa.so into c/ladspa")))

  ;; RNNoise-nu (lv2-speech-denoiser): its training inputs.
  (software "rnnoise-nu-training-scripts" #:license "BSD-3-Clause" #:availability 'public-download
            #:uris (list (string-append "https://github.com/lucianodato/speech-denoiser/tree/" speech-denoiser-commit "/rnnoise/training"))
            #:notes "RNNoise's training pipeline as RNNoise-nu carries it: denoise_training (C feature extraction), bin2hdf5.py, rnn_train.py (Keras), dump_rnn.py; Keras's backends are not recorded"
            #:sources (list (speech-denoiser "rnnoise/TRAINING" "the five steps from compile.sh to dump_rnn.py")
                            (speech-denoiser "rnnoise/COPYING" "BSD 3-clause license")))
  (dataset "rnnoise-nu-2018-voice-and-sounds" #:availability 'public-download
           #:notes "voice: Hamlet act 1 scene 1 (lit2go), six LibriVox recordings, McGill's TSP speech; sounds: coughs and laughs from freesound.org (ids listed in the model headers); their licenses differ and are not recorded here"
           #:sources (list (speech-denoiser "rnnoise/src/models/bd.c" "SIGNAL: voice and sounds, with URLs and freesound ids")))
  (dataset "rnnoise-nu-2018-music" #:availability 'public-download
           #:notes "five pieces from incompetech.com (\"royalty-free\"), in the cb and mp models' signal; their license is not recorded here"
           #:sources (list (speech-denoiser "rnnoise/src/models/cb.c" "SIGNAL: music, https://incompetech.com/music/royalty-free/")))
  (dataset "rnnoise-contributions" #:availability 'public-download
           #:uris '("https://people.xiph.org/~jm/demo/rnnoise/rnnoise_contributions.tar.gz")
           #:notes "noise recordings contributed to the RNNoise demo; their license is not recorded here"
           #:sources (list (speech-denoiser "rnnoise/src/models/bd.c" "NOISE: rnnoise_contributions, with its URL")))

  (weights "lv2-speech-denoiser-rnnoise-orig" #:availability 'public-download #:guix-package "lv2-speech-denoiser" #:version "0-1.04cfba9"
           #:file "rnnoise/src/rnn_data.c" #:format "c-int8-arrays" #:license "BSD-3-Clause" #:installed #f
           #:notes (string-append "RNNoise's original model as RNNoise-nu's model_orig: " rnnoise-copy-note
                                  "; compiled into the static librnnoise-nu.a, but nothing the plugin calls references model_orig, so it is not linked into sdenoise.so")
           #:sources (list (speech-denoiser "rnnoise/src/rnn_data.c" "the copy, defining model_orig")
                           (speech-denoiser "rnnoise/src/denoise.c" "the default model is model_cb")
                           (rnnoise "src/rnn_data.c" "the original")))
  (step "vendor-rnnoise-into-rnnoise-nu" 'convert
        #:inputs '(("rnnoise-weights" . initial-weights))
        #:outputs '("lv2-speech-denoiser-rnnoise-orig")
        #:compute (compute #:flops 0)
        #:notes (string-append "a verbatim copy of the arrays: " rnnoise-copy-note "; " copy-caveat)
        #:sources (list (speech-denoiser "rnnoise/src/rnn_data.c" "the copy")
                        (rnnoise "src/rnn_data.c" "the original")))

  ;; WebRTC's AGC2 voice activity detector: RNNoise's VAD branch.
  (weights "webrtc-audio-processing-1.3-rnn-vad-weights" #:availability 'public-download #:guix-package "webrtc-audio-processing" #:version "1.3"
           #:file "webrtc/third_party/rnnoise/src/rnn_vad_weights.cc" #:format "cc-int8-arrays"
           #:license "BSD-3-Clause" #:size 28925
           #:notes "kInputDenseWeights, kHiddenGru*, kOutputDense*: the input layer, VAD GRU and VAD output of RNNoise's network, equal array by array to rnnoise-weights' input_dense_*, vad_gru_* and vad_output_* (checked 2026-11-30); meson builds it into librnnoise, used by modules/audio_processing/agc2/rnn_vad and installed in libwebrtc-audio-processing-1 (webrtc-audio-processing 0.3.1, the other Guix package of this name, predates it)"
           #:sources (list (webrtc-ap "webrtc/third_party/rnnoise/src/rnn_vad_weights.cc" "the weights")
                           (webrtc-ap "webrtc/third_party/rnnoise/meson.build" "static_library('librnnoise', 'src/rnn_vad_weights.cc')")
                           (webrtc-ap "webrtc/third_party/rnnoise/COPYING" "RNNoise's BSD 3-clause license")
                           (rnnoise "src/rnn_data.c" "the arrays it was compared with")
                           (guix-file "audio.scm" 362 "webrtc-audio-processing 1.3 from freedesktop.org's tarball, meson build")))
  (step "extract-rnnoise-vad-for-webrtc-audio-processing" 'convert
        #:inputs '(("rnnoise-weights" . initial-weights))
        #:outputs '("webrtc-audio-processing-1.3-rnn-vad-weights")
        #:notes "WebRTC kept RNNoise's VAD branch (README.chromium of tg_owt: version 91ef401, 2017-10-10, \"rnn_vad_weights.h: output layer sizes + weights scaling factor\") and rewrote it as C++ arrays; the values are unchanged; the tool used is not stated"
        #:sources (list (tg-owt "src/third_party/rnnoise/README.chromium" "WebRTC's record of the RNNoise import and its local modifications")
                        (webrtc-ap "webrtc/third_party/rnnoise/src/rnn_vad_weights.cc" "the extracted arrays")))

  (weights "webrtc-for-telegram-desktop-0-489.d067233-rnn-vad-weights" #:availability 'public-download #:guix-package "webrtc-for-telegram-desktop"
           #:version "0-489.d067233" #:file "src/third_party/rnnoise/src/rnn_vad_weights.cc"
           #:format "cc-int8-arrays" #:license "BSD-3-Clause" #:size 28925
           #:notes "the same arrays as webrtc-audio-processing-1.3-rnn-vad-weights (checked 2026-11-30); Guix's snippet keeps src/third_party/rnnoise; cmake/librnnoise.cmake builds it into tg_owt's library, which telegram-desktop links"
           #:sources (list (tg-owt "src/third_party/rnnoise/src/rnn_vad_weights.cc" "the weights")
                           (tg-owt "src/third_party/rnnoise/README.chromium" "URL https://github.com/xiph/rnnoise, Version 91ef401, License BSD 3-Clause")
                           (tg-owt "cmake/librnnoise.cmake" "the librnnoise object library")
                           (tg-owt "CMakeLists.txt" "include(cmake/librnnoise.cmake), links tg_owt::librnnoise")
                           (guix-file "telegram.scm" 309 "the snippet keeps rnnoise among src/third_party")))
  (step "extract-rnnoise-vad-for-tg-owt" 'convert
        #:inputs '(("rnnoise-weights" . initial-weights))
        #:outputs '("webrtc-for-telegram-desktop-0-489.d067233-rnn-vad-weights")
        #:notes "the same extraction as WebRTC upstream's; tool not stated"
        #:sources (list (tg-owt "src/third_party/rnnoise/README.chromium" "local modifications of the RNNoise import")))

  ;; ChowTape's state transition networks.
  (dataset "chow-tape-stn-training-data"
           #:notes "the STN hysteresis networks approximate the plugin's 8-iteration Newton-Raphson solver of the Jiles-Atherton equation; the data they were fitted to and the training scripts are not in the tree"
           #:sources (list (chow "Manual/ChowTapeManual.tex" "\"The State Transition Network is designed to be a computationally cheaper approximation of the NR8 solver\"")))
  (weights "chow-tape-model-2.11.4-stn-hysteresis" #:availability 'public-download #:guix-package "chow-tape-model" #:version "2.11.4"
           #:file "Plugin/Source/Processors/Hysteresis/STN_Models" #:format "json-dense-layers" #:license "GPL-3.0-only"
           #:notes "eleven State Transition Network MLPs (hyst_width_0.json ... hyst_width_100.json, dense layers with tanh) after Parker et al. (DAFx 2019); Plugin/Source/CMakeLists.txt globs them into JUCE BinaryData, embedded in the Standalone, LV2, VST3 and CLAP builds Guix installs; the README says \"GPLv3\" and LICENSE is the GPL version 3 text, with no \"or later\" grant"
           #:sources (list (chow "Plugin/Source/Processors/Hysteresis/STN_Models/hyst_width_0.json" "one of the networks")
                           (chow "Plugin/Source/CMakeLists.txt" "file(GLOB STN_MODEL_FILES Processors/Hysteresis/STN_Models/*.json) into binary_data_files")
                           (chow "LICENSE" "GNU General Public License version 3")
                           (chow "README.md" "\"CHOW Tape is licensed under the GNU General Public License (GPLv3)\"")
                           (guix-file "audio.scm" 1922 "chow-tape-model 2.11.4 from git tag v2.11.4 with submodules; installs Standalone, CLAP, LV2, VST3")))
  (step "train-chow-tape-model-stn-hysteresis" 'train
        #:inputs '(("chow-tape-stn-training-data" . training-data))
        #:outputs '("chow-tape-model-2.11.4-stn-hysteresis")
        #:notes "added by commit 44ede9f (2020-11-24, \"Add State Transition Network Hysteresis Mode (#111)\"); the JSON files hold per-drive and per-saturation networks (\"in_shape\", dense \"layers\" with \"weights\") that HysteresisSTN.cpp loads; the training code, data and compute are not in the tree"
        #:sources (list (github-file "jatinchowdhury18/AnalogTapeModel" "44ede9ff2f8b27d95b179ebec0ef34e69437945c" "Plugin/Source/Processors/Hysteresis/STN_Models/hyst_width_0.json" "2020-11-24"
                                "commit \"Add State Transition Network Hysteresis Mode (#111)\"")
                        (chow "Manual/ChowTapeManual.tex" "the STN mode and its reference, Parker et al. 2019")
                        (chow "Plugin/Source/Processors/Hysteresis/HysteresisSTN.cpp" "loads hyst_width_*.json with nlohmann::json"))))

 (map (lambda (model) (apply rnnoise-nu-model model)) rnnoise-nu-models))
