;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The catalog: weights of Guix's game packages (Stockfish, Lc0 and its
;;; nets, Maia, GNU Backgammon) and what they come from.  Every fact cites
;;; where it was read: a file at a commit, or an exact page, dated with the
;;; commit's or page's date (or, failing that, the day it was read).  What no
;;; source settles is left unknown, with a note on what would settle it.
;;; Facts "read from Guix" come from the Guix tree at commit 43770a9d8ac4
;;; (2026-03-21), the one the checker is tested against.

(define guix-games (guix-file "games.scm" #f "uri, sha256, package"))
(define guix-lc0
  (guix-file "lc0.scm" #f "uri, sha256, package; license field gpl3+ for the Lc0 nets, gpl3 for the Maia nets"))

(define (github-commit repository commit date about)
  (source (string-append "https://github.com/" repository "/commit/" commit)
          #:date date #:about about))

;;; Stockfish.

(define stockfish-18-evaluate-h
  (github-file "official-stockfish/Stockfish" "cb3d4ee9b47d0c5aae855b12379378ea1439675c" "src/evaluate.h"
          "2026-01-16" "Stockfish 18 (tag sf_18): default big net nn-c288c895ea92.nnue, small net nn-37f18f62d772.nnue"))
(define fishtest-nets-page
  (github-file "official-stockfish/fishtest" "fc9a6ba5f308a34b83a1c81e6ddbea9a76d9ef75"
          "server/fishtest/templates/nns.mak" "2025-11-22"
          "license: \"These networks are freely available for download and sharing under a CC0 license\" (the nets page of tests.stockfishchess.org)"))
(define fishtest-upload-2024
  (github-file "official-stockfish/fishtest" "dac696019bc8824670fa2fc35221d64d9a99a6f5"
          "server/fishtest/templates/nn_upload.mak" "2024-05-23"
          "license: \"By uploading you license your network under a CC0 license\"; uploaded nets are available for public download"))
(define small-net-commit
  (github-commit "official-stockfish/Stockfish" "cb4a62311985f685ba6f5457851527a3289073e6" "2024-05-27"
                 "nn-37f18f62d772 \"Created by training L1-128 from scratch\" (start-from-engine-test-net: False), num-epochs 500, net reached at epoch 339; nnue-pytorch-branch linrock/nnue-pytorch/128-skipSimpleEval-lt950-torch-compile; binpacks dfrc99, hse-v1 (leela96, test60, test77-80) and S11-mar2024 (test80 2022-08 to 2024-03); \"Training data can be found at: https://robotmoon.com/nnue-training-data/\""))
(define big-net-training-commit
  (github-commit "official-stockfish/Stockfish" "9e2ee13e775274ff5faab3fa12a7c0fd0370df3a" "2025-11-28"
                 "nn-2962dca31855 becomes the main net, \"trained with https://github.com/vondele/nettest/blob/dd921672bd4ad8eb09fa45248078450857e81884/threats.yaml\""))
(define big-net-reencoding-commit
  (github-commit "official-stockfish/Stockfish" "32292d1e622d964ea011ecb87b2b758d35965823" "2025-12-16"
                 "nn-c288c895ea92 replaces nn-2962dca31855 in \"Represent threat weights directly as i8\": threat weights stored as plain i8 instead of LEB128, \"No functional change\"; the commit names no conversion tool"))
(define nnue-pytorch-pr-383
  (source "https://github.com/official-stockfish/nnue-pytorch/pull/383" #:date "2025-12-19"
          #:about "\"Print threat weights directly as i8\", the companion nnue-pytorch change to Stockfish PR 6479 (its serializer writes the new format)"))

(define (nettest path about)
  (github-file "vondele/nettest" "dd921672bd4ad8eb09fa45248078450857e81884" path "2025-11-30" about))
(define nettest-readme
  (nettest "README.md"
           "data from Hugging Face dataset repositories of official-stockfish, linrock and vondele, downloaded by the pipeline; \"For training the large net, approximately 700GB of storage is needed\"; \"On a high-end GPU, training a large net takes approximately 4-5 days\" (the GPU is not named; the README's large net is the one its recipe large.yaml makes); single training runs are capped at 12 h, repetitions make up the epochs; the documented container is ci/docker/Dockerfile.NVIDIA"))
(define nettest-threats
  (nettest "threats.yaml"
           "5 training stages, the first from scratch (resume: none), the others resume: previous_model; each max_epochs 800, --batch-size=65536, --features=Full_Threats^, --l1=1024, repetitions 3; trainers sscg13/nnue-pytorch 68b56ad3 (stages 1-4) and vondele/nnue-pytorch 81b8c11c (stage 5); the binpacks of each stage; fishpack32.binpack for the feature-transformer permutation"))

(define lc0-readme
  (github-file "LeelaChessZero/lc0" "8ba8aa426460bbeda452754ff7d6a9bb60bb0e54" "README.md" "2024-10-20"
          "lc0 v0.31.2: GPL version 3 or later, with a section 7 permission for NVIDIA CUDA/cuDNN; backends: CBLAS (OpenBLAS, DNNL, MKL) on the CPU, OpenCL and CUDA+cuDNN on GPUs, DX12 on Windows"))
(define lc0-rescorer-source
  (github-file "LeelaChessZero/lc0" "8ba8aa426460bbeda452754ff7d6a9bb60bb0e54" "src/rescorer/rescoreloop.cc" "2024-10-20"
          "the rescorer: option nnue-plain-file \"Append SF plain format training data to this file\"; rescores with Syzygy tablebases (option syzygy-paths) or Gaviota ones; includes no network backend"))
(define lc0-open-data
  (source "https://lczero.org/blog/2021/06/the-importance-of-open-data/" #:date "2021-06-14"
          #:about "\"This collection of training data for Leela Chess Zero is made available under the Open Database License ... Any rights in individual contents of the database are licensed under the Database Contents License\""))
(define lc0-networks-page
  (github-file "LeelaChessZero/lczero.org" "73661cc51cbb259991c34b252093c7e49970d349" "content/play/networks/_index.md"
          "2025-10-05"
          "the networks page (https://lczero.org/play/networks): official runs are reinforcement learning, \"up to half a year\" because generating games is slow; with all data there, training a network \"takes only up to few weeks\"; contrib (supervised) runs \"1-2 weeks\" on the same data; no hardware is named"))
(define (lczero-training path date about)
  (github-file "LeelaChessZero/lczero-training" "7c5d756ea6bb3531fb14a9b4df231577b1aa1081" path date about))
(define lczero-training-sources
  (list (lczero-training "tf/tfprocess.py" "2023-04-19"
                         "header: \"either version 3 of the License, or (at your option) any later version\"; the trainer selects gpus[cfg['gpu']] from TensorFlow's GPU list unless gpu is 'all'")
        (lczero-training "tf/requirements.txt" "2021-09-20" "tensorflow==2.5.1")
        (lczero-training "README.md" "2026-07-23"
                         "training data from https://storage.lczero.org/files/training_data/; \"this requires tensorflow running on linux\"")
        (lczero-training "pyproject.toml" "2025-08-23" "the newer JAX trainer pins jax[cuda12]==0.9.1 and onnxruntime-gpu")))

(define (maia path about)
  (github-file "CSSLab/maia-chess" "37de81e2bef89336e03266b3b5f7e1155ba68f5d" path "2020-12-06" about))
(define maia-license (maia "LICENSE" "GNU GPL version 3 text; the README: \"The software is available under the GPL License\""))
(define maia-readme
  (maia "README.md" "replication: games downloaded from Lichess \"between January 2017 and November 2019\"; tools pgn-extract, trainingdata-tool, move_prediction/train_maia.py"))
(define maia-environment
  (maia "maia_env.yml" "tensorflow-gpu=2.1.0, cudatoolkit=10.1.243, cudnn=7.6.5: a CUDA environment; no ROCm or CPU setup is documented"))
(define lichess-database-license
  (github-file "lichess-org/database" "4abfdf81b06b281fe1b8803fb27145eeffc9430c" "web/index.html.tpl" "2020-12-14"
          "the page of database.lichess.org: \"Lichess games and puzzles are released under the Creative Commons CC0 license\" (before this commit: \"in the public domain\")"))

;;; Procedures for families of records.

(define (stockfish-net id hash size-word license-source notes sources)
  (artifact id 'weights #:name (string-append "nn-" (string-take hash 12) ".nnue") #:version "18"
           #:format "nnue" #:license "CC0-1.0" #:sha256 hash
           #:uris (list (string-append "https://tests.stockfishchess.org/api/nn/nn-"
                                       (string-take hash 12) ".nnue"))
           #:availability 'public-download #:guix-package "stockfish"
           #:notes (string-append "Stockfish 18's " size-word " net, embedded in the binary; " notes)
           #:sources (append (list guix-games stockfish-18-evaluate-h license-source) sources)))

;; Binpacks in Hugging Face dataset repositories, as nettest downloads them.
(define* (hf-binpacks id repository files #:key license (extra-sources '()) (notes ""))
  (artifact id 'dataset #:format "binpack" #:license license #:availability 'public-download
           #:uris (list (string-append "https://huggingface.co/datasets/" repository))
           #:notes (string-append "files " files "; "
                                  (if license
                                      notes
                                      (string-append "the publisher's terms were not read: the dataset card's license field at a revision (README.md front matter) would settle them"
                                                     (if (string-null? notes) "" "; ") notes)))
           #:sources (append (list nettest-threats nettest-readme) extra-sources)))

(define (lc0-net id uri hash notes)
  (artifact id 'weights #:format "lc0-protobuf" #:license "GPL-3.0-or-later" #:sha256 hash #:uris (list uri)
           #:availability 'public-download #:guix-package id
           #:notes (string-append notes "; the license is the one Guix's package declares: no upstream statement about the nets' terms was read (the Lc0 project's own statement, e.g. on the networks page or storage.lczero.org, would settle it)")
           #:sources (list guix-lc0)))

(define (lc0-training id net kind notes)
  (step id kind
        #:inputs '(("lczero-training" . software) ("lc0-training-data" . training-data))
        #:outputs (list net)
        #:notes (string-append notes "; compute: the networks page gives durations on the project's hardware, which it does not name, so no figure is recorded (the run's GPU count and kind would settle it)")
        #:sources (list lc0-networks-page guix-lc0)))

(define maia-hashes
  '(("1100" . "e1cf1cd0c96b8a4fa6a275f4b9fd54ed1ffebf9fe44641b9fceded310e9619c4")
    ("1200" . "ead4ba953f233ae732999ebc1e2b675378148527ebcfad2f0acbc5e4c224d98e")
    ("1300" . "36195f87bf4761834baa0bf87472b18509a7261a9d7d6f1a8443261369a733f2")
    ("1400" . "d5353ea6766356dad2d28920c6692f37a5f30963767f1a3105d33b4d0af011e8")
    ("1500" . "35ab6f20421d59e1df3b17c5a5016947af4c6761368ef84044a9a9c7619a9a00")
    ("1600" . "d2c9e5948581acf4b9fc0b1e720c5dc0fe64ce80cfc4a239d3f8a42e1176c876")
    ("1700" . "d277eacd792d340a30abb464dc65127254e65cac57abca17facc469889b96478")
    ("1800" . "0031ad7c4256b1fd09fbebd28418d644d68b26cd2a45df4967ccf5c7ec9c4965")
    ("1900" . "e2f565f42d7cd9f122557e6dc4eb84e5bbaedceda1d404dc485d3611c7c97a12")))

(define (maia-net rating)
  (let ((id (string-append "lc0-maia-" rating))
        (file (string-append "model_files/" rating "/final_" rating "-40.pb.gz")))
    (artifact id 'weights #:format "lc0-protobuf" #:license "GPL-3.0-only"
              #:sha256 (assoc-ref maia-hashes rating)
              #:availability 'public-download #:guix-package id
              #:uris (list (string-append "https://github.com/CSSLab/maia-chess/blob/37de81e2bef89336e03266b3b5f7e1155ba68f5d/" file))
              #:notes (string-append file " of tag v1.0 (the sha256 is the file's, computed from the tag's blob); "
                                     "the license is the repository's GPL version 3 (Guix also declares gpl3): no separate statement covers the model files")
              #:sources (list guix-lc0 maia-license
                              (source "https://github.com/CSSLab/maia-chess/tree/37de81e2bef89336e03266b3b5f7e1155ba68f5d/model_files"
                                      #:date "2020-12-06"
                                      #:about "the nine model files and their config.yaml, at tag v1.0")))))

(define (maia-training rating)
  (step (string-append "train-lc0-maia-" rating) 'train
        #:inputs '(("maia-chess" . software) ("lichess-games" . training-data))
        #:outputs (list (string-append "lc0-maia-" rating))
        #:notes (string-append "trained on Lichess games of January 2017 to November 2019 of players rated about " rating
                               ": 6 residual blocks of 64 filters, 400,000 steps of batch 1024; the compute is not stated "
                               "(the authors' training logs or paper appendix would settle it)")
        #:sources (list maia-readme
                        (maia (string-append "move_prediction/replication-configs/final/" rating "_final.yaml")
                              "residual_blocks 6, filters 64, total_steps 400000, batch_size 1024, precision half, gpu 0")
                        (source "https://arxiv.org/abs/2006.01855" #:date "2026-11-30"
                                #:about "Maia: one network per rating band, trained on human games"))))

;;; The declarations.

(list
 (provenance
  ;; Software.
  (software "nnue-pytorch" #:license "GPL-3.0-only" #:availability 'public-download
            #:uris '("https://github.com/official-stockfish/nnue-pytorch")
            #:backends '((rocm . #f) (cuda . #t))
            #:notes "the official trainer: its LICENSE is the GPL version 3 text and nothing states 'or later', so GPL-3.0-only is the conservative reading; ROCm through Dockerfile.AMD since 2025-06-17; the CPU container added 2026-05-04 is \"for testing purposes\" and is not recorded as a backend; Stockfish 18's nets were trained with forks of it, recorded separately"
            #:sources (list (github-file "official-stockfish/nnue-pytorch" "9f72946529c4187d3679014036cd22c3be419716" "LICENSE"
                                    "2026-07-26" "GNU GPL version 3 text, no 'or later' statement in the tree")
                            (github-file "official-stockfish/nnue-pytorch" "9f72946529c4187d3679014036cd22c3be419716" "README.md"
                                    "2026-07-26" "containers: NVIDIA (CUDA), AMD (ROCm), CPU \"for testing purposes\"")
                            (github-commit "official-stockfish/nnue-pytorch" "acbd74e7707002a84deee1f55688db6454f96028"
                                           "2025-06-17" "AMD Docker Support (#314): Dockerfile.AMD added")))
  (software "nnue-pytorch-sscg13-68b56ad3" #:name "nnue-pytorch (sscg13's fork)" #:version "68b56ad3bfa98a6433b3e37fd4b26ba9155fbf2c"
            #:license "GPL-3.0-only" #:availability 'public-download
            #:uris '("https://github.com/sscg13/nnue-pytorch/tree/68b56ad3bfa98a6433b3e37fd4b26ba9155fbf2c")
            #:backends '((rocm . #f) (cuda . #t))
            #:notes "the trainer of stages 1-4 of nn-2962dca31855; GPL version 3 text without 'or later'; a GPU is required (CuPy kernels, .cuda()): CUDA, or ROCm through HIP with its Dockerfile.AMD; no CPU path"
            #:sources (list (github-file "sscg13/nnue-pytorch" "68b56ad3bfa98a6433b3e37fd4b26ba9155fbf2c" "LICENSE" "2025-11-04"
                                    "GNU GPL version 3 text")
                            (github-file "sscg13/nnue-pytorch" "68b56ad3bfa98a6433b3e37fd4b26ba9155fbf2c" "README.md" "2025-11-04"
                                    "\"For AMD Users: ... Up-to-date ROCm driver\"; \"The container includes CUDA 12.x / ROCm 6.4.3\"; Dockerfile.AMD and Dockerfile.NVIDIA, no Dockerfile.CPU")
                            nettest-threats))
  (software "nnue-pytorch-vondele-81b8c11c" #:name "nnue-pytorch (vondele's fork)" #:version "81b8c11c2f673a88fc4dff516ec655d3daf7124c"
            #:license "GPL-3.0-only" #:availability 'public-download
            #:uris '("https://github.com/vondele/nnue-pytorch/tree/81b8c11c2f673a88fc4dff516ec655d3daf7124c")
            #:backends '((rocm . #f) (cuda . #t))
            #:notes "the trainer of stage 5 of nn-2962dca31855; same LICENSE and containers as sscg13's fork; no CPU path"
            #:sources (list (github-file "vondele/nnue-pytorch" "81b8c11c2f673a88fc4dff516ec655d3daf7124c" "README.md" "2025-11-25"
                                    "\"For AMD Users: - Docker - Up-to-date ROCm driver\"; Dockerfile.AMD and Dockerfile.NVIDIA, no CPU Dockerfile; LICENSE the GPL version 3 text")
                            nettest-threats))
  (software "nnue-pytorch-linrock-lt950" #:name "nnue-pytorch, linrock's branch 128-skipSimpleEval-lt950-torch-compile"
            #:license "GPL-3.0-only" #:availability 'public-download
            #:uris '("https://github.com/linrock/nnue-pytorch/tree/128-skipSimpleEval-lt950-torch-compile")
            #:backends '((cuda . #t))
            #:notes "the trainer of nn-37f18f62d772; the Stockfish commit names the branch, not a commit: its head f1209c0d (2024-05-22, five days before the net) was read.  It pins torch==2.0.1+cu118 and cupy-cuda11x and asserts CUDA tensors: CUDA only as written.  PyTorch and CuPy have ROCm builds, so a documented run of this branch on ROCm would change that; GPL version 3 text without 'or later'"
            #:sources (list small-net-commit
                            (github-file "linrock/nnue-pytorch" "f1209c0d1266623d3e170dc81e358a4cd0a43390" "requirements.txt" "2024-05-22"
                                    "torch==2.0.1+cu118, cupy-cuda11x")
                            (github-file "linrock/nnue-pytorch" "f1209c0d1266623d3e170dc81e358a4cd0a43390" "README.md" "2024-05-22"
                                    "\"PyTorch with CUDA 11.8 will be automatically installed, along with the matching CuPy version\"; LICENSE at this commit: the GPL version 3 text")))
  (software "nettest" #:version "dd921672bd4ad8eb09fa45248078450857e81884" #:license "GPL-3.0-only"
            #:availability 'public-download
            #:uris '("https://github.com/vondele/nettest/tree/dd921672bd4ad8eb09fa45248078450857e81884")
            #:backends '((rocm . #f) (cuda . #t))
            #:notes "vondele's pipeline that runs a recipe (download, train in stages, convert, test); LICENSE is the GPL version 3 text without 'or later'; containers for NVIDIA (the documented one) and AMD (ROCm 6.4.3), none for the CPU; whether the AMD route was used for nn-2962dca31855 is not stated"
            #:sources (list (nettest "LICENSE" "GNU GPL version 3 text")
                            (nettest "ci/docker/Dockerfile.AMD"
                                     "FROM docker.io/rocm/pytorch:rocm6.4.3_ubuntu24.04_py3.12_pytorch_release_2.6.0; CuPy built with CUPY_INSTALL_USE_HIP=1")
                            (nettest "ci/docker/Dockerfile.NVIDIA" "FROM nvcr.io/nvidia/pytorch:25.03-py3")
                            nettest-readme))
  (software "lc0" #:license "GPL-3.0-or-later" #:availability 'public-download
            #:uris '("https://github.com/LeelaChessZero/lc0")
            #:backends '((cpu . #f) (opencl . #f) (cuda . #t)) #:guix-package "lc0"
            #:sources (list lc0-readme))
  (software "lc0-rescorer" #:license "GPL-3.0-or-later" #:availability 'public-download
            #:uris '("https://github.com/LeelaChessZero/lc0/tree/8ba8aa426460bbeda452754ff7d6a9bb60bb0e54/src/rescorer")
            #:backends '((cpu . #f))
            #:notes "lc0's rescorer (built with the meson option rescorer), which writes Stockfish 'plain' training data: it reads training games and probes Syzygy (or Gaviota) tablebases, loading no network, so it runs on the CPU; the plain-to-binpack conversion and the filtering tools are not recorded"
            #:sources (list lc0-rescorer-source lc0-readme))
  (software "lczero-training" #:license "GPL-3.0-or-later" #:availability 'public-download
            #:uris '("https://github.com/LeelaChessZero/lczero-training")
            #:backends '((cuda . #t))
            #:notes "the TensorFlow trainer of Lc0: no LICENSE file, but tf/ file headers say GPL version 3 or later; TensorFlow 2.5.1 on a GPU it lists (gpu: 'all' runs on whatever devices TensorFlow has).  CUDA is what TensorFlow's own builds use; a ROCm build of TensorFlow 2.5 (AMD's tensorflow-rocm) and CPU training are not documented upstream: a run on either would add that backend.  The newer JAX trainer pins jax[cuda12]"
            #:sources lczero-training-sources)
  (software "maia-chess" #:license "GPL-3.0-only" #:availability 'public-download
            #:uris '("https://github.com/CSSLab/maia-chess/tree/37de81e2bef89336e03266b3b5f7e1155ba68f5d")
            #:backends '((cuda . #t))
            #:notes "Maia's training code (move_prediction/train_maia.py, with a copy of Lc0's TensorFlow trainer whose files say GPL version 3 or later); the repository's LICENSE is the GPL version 3 text; its environment is tensorflow-gpu 2.1 with CUDA 10.1: no other backend is documented"
            #:sources (list maia-license maia-readme maia-environment))
  (software "gnubg-nn" #:license "GPL-2.0-only" #:availability 'public-download
            #:uris '("https://git.savannah.gnu.org/cgit/gnubg/gnubg-nn.git")
            #:backends '((cpu . #f))
            #:notes "GNU Backgammon's network training tools (C++14 and Python 2), read in a GitHub copy of Savannah's repository: most source headers say GPL version 2 without 'or later' (a few say version 3 or later, and COPYING is the GPL version 3 text); the code has no GPU code, so the CPU is its only backend"
            #:sources (list (github-file "reayd-falmouth/gnubg-nn" "2415293414e5f48f2be19b8c4ed0520e29b8124b" "gnubg/eval.c" "2025-01-26"
                                    "\"it under the terms of version 2 of the GNU General Public License\"; no CUDA, OpenCL or GPU code in the tree")
                            (github-file "reayd-falmouth/gnubg-nn" "b64da1bd3ab72997be7ad4c1a6e56f6903bfae66" "README" "2024-10-31"
                                    "the tools use python2 and C++14")))

  ;; Data.
  (dataset "lc0-training-data" #:license "ODbL-1.0" #:availability 'public-download
           #:uris '("https://storage.lczero.org/files/training_data/")
           #:notes "Lc0 self-play games; the database is under the ODbL, its contents under the Database Contents License (DbCL-1.0), which this tool's license table does not yet list as open data, so only the ODbL is recorded"
           #:sources (list lc0-open-data (lczero-training "README.md" "2026-07-23" "training data at https://storage.lczero.org/files/training_data/")))
  (dataset "syzygy-tablebases"
           #:notes "endgame tablebases used to rescore positions (the binpack file names say 2, 12 or 16 TB of 7-piece tables); which files, their license and where they are published are not recorded"
           #:sources (list lc0-rescorer-source))
  (computed
   ;; The Hugging Face binpacks of nn-2962dca31855's recipe.
   (hf-binpacks "hf-official-stockfish-master-binpacks" "official-stockfish/master-binpacks"
                "nodes5000pv2_UHO, wrongIsRight_nodes5000pv2, multinet_pv-2_diff-100_nodes-5000, dfrc_n5000 and fishpack32 (.binpack)"
                #:notes "how they were generated is not recorded")
   (hf-binpacks "hf-vondele-from-kaggle-1" "vondele/from_kaggle_1" "leela96-filt-v2.min.split_0 to split_4 (.binpack)"
                #:notes "how they were generated is not recorded")
   (hf-binpacks "hf-vondele-from-kaggle-2" "vondele/from_kaggle_2"
                "T60T70wIsRightFarseerT60T74T75T76.split_0 to split_4 (.binpack)"
                #:notes "how they were generated is not recorded")
   (hf-binpacks "hf-linrock-test60" "linrock/test60" "test60-2021-11-nov and -12-dec, 12tb7p (Lc0 run test60)")
   (hf-binpacks "hf-linrock-test77" "linrock/test77" "test77-2021-12-dec-16tb7p (Lc0 run test77)")
   (hf-binpacks "hf-linrock-test78" "linrock/test78" "test78-2022-01-to-05 and -06-to-09, 16tb7p (Lc0 run test78)")
   (hf-binpacks "hf-linrock-test79" "linrock/test79" "test79-2022-04-apr and -05-may, 16tb7p (Lc0 run test79)"
                #:license "NONE"
                #:notes "no licence stated by the publisher: the dataset has no card and no license field (revision 1873fcc, read in a stored copy of the page; the later revision nettest downloads, with other file names, was not read)"
                #:extra-sources
                (list (source "https://huggingface.co/datasets/linrock/test79/tree/1873fcccb24cdee5b620fb9130266a11dd60889d"
                              #:date "2026-11-30"
                              #:about "files .gitattributes and *.binpack.zst only: no README.md (dataset card), no License field")
                      (source "https://github.com/official-stockfish/nnue-pytorch/issues/229" #:date "2023-09-21"
                              #:about "a maintainer: the training data's license \"falls under whoever distributes it\"")))
   (hf-binpacks "hf-linrock-test80-2022" "linrock/test80-2022" "test80-2022-06-jun to -11-nov, 16tb7p (Lc0 run test80)"
                #:notes "its initial commit holds only .gitattributes; the revision with the files was not read")
   (hf-binpacks "hf-linrock-test80-2023" "linrock/test80-2023" "test80-2023-01-jan to -12-dec, 16tb7p or 2tb7p (Lc0 run test80)")
   (hf-binpacks "hf-linrock-test80-2024" "linrock/test80-2024" "test80-2024-01-jan and -02-feb, 2tb7p (Lc0 run test80)"))
  (dataset "stockfish-small-net-binpacks" #:format "binpack" #:availability 'public-download
           #:uris '("https://robotmoon.com/nnue-training-data/")
           #:notes "the binpacks nn-37f18f62d772 was trained on: dfrc99-16tb7p.v2.min; hse-v1 (leela96-filt-v2 and Lc0 runs test60, test77, test78, test79, test80 of 2021-2022, filtered to simple eval above 1000); S11-mar2024 (test80 of 2022-08 to 2024-03); the commit says where they can be found, a page that was not read, so their terms are unknown (the page, or the files' publisher, would settle them)"
           #:sources (list small-net-commit))
  (dataset "lichess-games" #:license "CC0-1.0" #:availability 'public-download
           #:uris '("https://database.lichess.org/")
           #:notes "the monthly exports of the Lichess database; Maia used the games of January 2017 to November 2019 (test set: December 2019)"
           #:sources (list lichess-database-license maia-readme))
  (dataset "gnubg-training-data" #:availability 'public-download
           #:uris '("https://alpha.gnu.org/gnu/gnubg/nn-training/")
           #:notes "positions rolled out at 0-ply, one database per net (contact, crashed, race), used for gnubg 1.00 and later; the directory listing itself was not read, and no source states the data's terms (a notice in the directory, or its publisher's word, would settle them)"
           #:sources (list (github-file "reayd-falmouth/gnubg-nn" "b64da1bd3ab72997be7ad4c1a6e56f6903bfae66" "README" "2024-10-31"
                                   "\"Training and benchmarking data that were used for gnubg-1.00 and later can be found at https://alpha.gnu.org/gnu/gnubg/nn-training/\"")
                           (source "https://lists.gnu.org/archive/html/bug-gnubg/2017-08/msg00001.html" #:date "2017-08-08"
                                   #:about "Philippe Michel: gnubg-nn does supervised training; the database used for the current networks holds positions rolled out at 0-ply")))

  ;; Stockfish 18's big net: nn-2962dca31855, trained with nettest's
  ;; threats.yaml, re-encoded as nn-c288c895ea92.
  (computed
   (stockfish-net "stockfish-18-big-net" "c288c895ea924429ea9092e3f36b2b3c1f00f2a3a4c759ff7e57e79e3b43e4a7" "big"
                  fishtest-nets-page "nn-2962dca31855 re-encoded (threat weights as plain i8)"
                  (list big-net-reencoding-commit)))
  (weights "stockfish-nn-2962dca31855" #:name "nn-2962dca31855.nnue" #:format "nnue" #:license "CC0-1.0"
           #:availability 'public-download
           #:uris '("https://tests.stockfishchess.org/api/nn/nn-2962dca31855.nnue")
           #:notes "Stockfish's main net from 2025-11-30 to 2025-12-21, served by fishtest like every tested net; its full sha256 is not recorded"
           #:sources (list big-net-training-commit big-net-reencoding-commit fishtest-nets-page))
  (step "train-stockfish-nn-2962dca31855" 'train
        #:inputs '(("nnue-pytorch-sscg13-68b56ad3" . software) ("nnue-pytorch-vondele-81b8c11c" . software)
                   ("nettest" . software)
                   ("hf-vondele-from-kaggle-2" . training-data) ("hf-official-stockfish-master-binpacks" . training-data)
                   ("hf-vondele-from-kaggle-1" . training-data) ("hf-linrock-test60" . training-data)
                   ("hf-linrock-test77" . training-data) ("hf-linrock-test78" . training-data)
                   ("hf-linrock-test79" . training-data) ("hf-linrock-test80-2022" . training-data)
                   ("hf-linrock-test80-2023" . training-data) ("hf-linrock-test80-2024" . training-data))
        #:outputs '("stockfish-nn-2962dca31855")
        ;; nettest's README gives 700 GB for the large recipe, whose
        ;; binpacks are those of threats.yaml.
        #:compute (compute #:storage 700000000000)
        #:notes "threats.yaml: 5 stages from scratch, each up to 800 epochs of batch 65536 (Full_Threats features, L1 1024), the first on kaggle_2 and master-binpacks, the others on kaggle_1 and linrock's Lc0 binpacks; each stage ends with a conversion to .nnue and a feature-transformer permutation on fishpack32.binpack.  Compute is not recorded: nettest's README says a large net takes about 4-5 days on a high-end GPU, but of the large net its large.yaml recipe makes (HalfKAv2_hm features, L1 3072, batch 16384: another architecture) and without naming the GPU (its CI runs on GH200 nodes, environments/clariden.yaml), so it does not give hours on a desktop profile.  The training logs, or the GPU and wall-clock of this run, would settle it.  Storage: the README's 700 GB for the large net, whose recipe uses the same binpacks"
        #:sources (list big-net-training-commit nettest-threats nettest-readme
                        (nettest "environments/clariden.yaml" "\"example setup 4 x GH200 node, using GPU 0\"")))
  (step "re-encode-nn-2962dca31855" 'convert
        #:inputs '(("stockfish-nn-2962dca31855" . initial-weights))
        #:outputs '("stockfish-18-big-net")
        #:notes "threat weights rewritten from LEB128 to plain i8, \"No functional change\"; the tool is not named (nnue-pytorch's serializer gained the new format in the companion PR 383, but that it made this file is not stated): the PR's discussion or its author would settle it"
        #:sources (list big-net-reencoding-commit nnue-pytorch-pr-383))

  ;; Stockfish 18's small net, trained from scratch in 2024.
  (computed
   (stockfish-net "stockfish-18-small-net" "37f18f62d772f3107e1d6aaca3898c130c3c86f2ab63e6555fbbca20635a899d" "small"
                  fishtest-upload-2024 "the default small net since 2024-06-01"
                  (list small-net-commit)))
  (step "train-stockfish-18-small-net" 'train
        #:inputs '(("nnue-pytorch-linrock-lt950" . software) ("stockfish-small-net-binpacks" . training-data))
        #:outputs '("stockfish-18-small-net")
        #:notes "L1-128 from scratch, 500 epochs configured, the net is the epoch-339 checkpoint; the feature transformer permuted with 10k positions of fishpack32.binpack; compute is not stated for this net (nettest's \"less than one day\" for a small net is another recipe): the run's GPU and wall-clock would settle it"
        #:sources (list small-net-commit))

  ;; Lc0 data rescored for Stockfish: the linrock binpacks name Lc0 runs
  ;; and tablebase sizes.
  (step "rescore-lc0-training-data" 'generate-data
        #:inputs '(("lc0-rescorer" . software) ("lc0-training-data" . training-data)
                   ("syzygy-tablebases" . training-data))
        #:outputs '("hf-linrock-test60" "hf-linrock-test77" "hf-linrock-test78" "hf-linrock-test79"
                    "hf-linrock-test80-2022" "hf-linrock-test80-2023" "hf-linrock-test80-2024")
        #:notes "Lc0 self-play data of runs test60 to test80, rescored with Syzygy tablebases by lc0's rescorer into Stockfish plain data, then converted to binpacks and filtered (v6-dd, min-v2) by tools not recorded; compute not recorded"
        #:sources (list lc0-rescorer-source
                        (source "https://github.com/official-stockfish/Stockfish/pull/3557" #:date "2021-06-15"
                                #:about "Stockfish nets \"trained on Leela games, as provided by borg. See also https://lczero.org/blog/2021/06/the-importance-of-open-data/\"")))

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
  (lc0-training "train-lc0-611246" "lc0-611246" 'train "official reinforcement-learning run (up to half a year of self-play); here, training on the published games")
  (lc0-training "train-lc0-791556" "lc0-791556" 'train "official reinforcement-learning run (up to half a year of self-play); here, training on the published games")
  (lc0-training "train-lc0-815383" "lc0-815383" 'train "official reinforcement-learning run (up to half a year of self-play); here, training on the published games")
  (lc0-training "train-lc0-t2" "lc0-t2" 'train "supervised contrib run on the published games, \"1-2 weeks\"")
  (lc0-training "train-lc0-t1" "lc0-t1" 'train "supervised contrib run on the published games, \"1-2 weeks\"")
  (lc0-training "distill-lc0-t1-512" "lc0-t1-512" 'distill "distilled, from a teacher the sources read do not name")
  (lc0-training "distill-lc0-t1-256" "lc0-t1-256" 'distill "distilled, from a teacher the sources read do not name"))

  ;; Maia: human-like nets, one per rating band.
  (computed
   (map maia-net '("1100" "1200" "1300" "1400" "1500" "1600" "1700" "1800" "1900"))
   (map maia-training '("1100" "1200" "1300" "1400" "1500" "1600" "1700" "1800" "1900")))

  ;; GNU Backgammon: weights inside the source tarball.
  (weights "gnubg-weights" #:name "gnubg.weights" #:version "1.08.003" #:guix-package "gnubg"
           #:license "GPL-3.0-or-later"
           #:uris '("mirror://gnu/gnubg/gnubg-release-1.08.003-sources.tar.gz")
           #:notes "inside the source tarball, built into gnubg.wd; the nets of 2013-03-06 by Philippe Michel (\"New nets\", version 0.91; only the header line changed since), under the tree's GPL version 3 or later: the file carries no terms of its own.  That 1.08.003 still ships these weights was not checked (comparing its gnubg.weights with the 2013 file, header aside, would settle it)"
           #:sources (list guix-games
                           (github-file "mormegil-cz/gnubg" "0a87f06989d73e43c061759ee14e5f6b35ed8115" "eval.c" "2013-06-27"
                                   "\"it under the terms of version 3 or later of the GNU General Public License\" (a GitHub copy of gnubg's CVS)")
                           (github-commit "mormegil-cz/gnubg" "85299338f40c5930b78151b1d76982a6dfdbf1c3" "2013-03-06"
                                          "\"gnubg.weights: New nets. Version bumped to 0.91.\"")))
  (step "train-gnubg-weights" 'train
        #:inputs '(("gnubg-nn" . software) ("gnubg-training-data" . training-data))
        #:outputs '("gnubg-weights")
        #:notes "supervised training of the contact, crashed and race nets on rolled-out positions; the compute is not stated (its author's account of the 2013 training would settle it)"
        #:sources (list (source "https://lists.gnu.org/archive/html/bug-gnubg/2017-08/msg00001.html" #:date "2017-08-08"
                                #:about "gnubg-nn performs supervised training; the training database used to train the current networks")))))
