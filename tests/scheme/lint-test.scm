;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The checker on views of real Guix packages (catalog/guix-packages.scm), and
;;; annotations: good ones, contradicted ones, and a corpus of bad ones
;;; with their exact messages and locations.

(use-modules (srfi srfi-1) (srfi srfi-26) (srfi srfi-64) (ice-9 exceptions) (ice-9 match)
             (model-provenance annotations) (model-provenance catalog) (model-provenance evaluate)
             (model-provenance graph) (model-provenance lint))

(define data (string-append (dirname (current-filename)) "/data"))

(define-values (guix-packages no-declarations)
  (load-declarations (string-append data "/../../../catalog/guix-packages.scm")))

(define (package-named name)
  (find (lambda (p) (string=? name (package-view-name p))) guix-packages))

(define (lint-lines views . declarations)
  (let ((context (make-lint-context #:catalog declarations)))
    (map warning->string (append-map (cut check-package context <>) views))))

(test-begin "lint")

(test-equal "the catalog's 50 real packages" 50 (length guix-packages))

(test-equal "stockfish 18 ships two unannotated nets"
  '("gnu/packages/games.scm:12028:4: stockfish@18: origin 'neural-network-big' (nn-c288c895ea92.nnue) looks like trained weights but has no model-provenance annotation"
    "gnu/packages/games.scm:12028:4: stockfish@18: origin 'neural-network-small' (nn-37f18f62d772.nnue) looks like trained weights but has no model-provenance annotation")
  (lint-lines (list (package-named "stockfish"))))

(test-equal "an official lc0 net, named by a hash that is not its own"
  '("gnu/packages/lc0.scm:86:2: lc0-611246@0: origin 'source' (lc0-611246.pb.gz) looks like trained weights but has no model-provenance annotation")
  (lint-lines (list (package-named "lc0-611246"))))

(test-equal "the lc0 engine ships no net" '() (lint-lines (list (package-named "lc0"))))

(test-equal "Maia and tessdata come from repositories of models"
  '("gnu/packages/lc0.scm:170:2: lc0-maia-1900@1.0: origin 'source' (maia-1.0-checkout) looks like trained weights but has no model-provenance annotation"
    "gnu/packages/ocr.scm:78:2: tesseract-ocr-tessdata-fast@4.1.0: origin 'source' (tesseract-ocr-tessdata-fast-4.1.0-checkout) looks like trained weights but has no model-provenance annotation")
  (lint-lines (list (package-named "lc0-maia-1900") (package-named "tesseract-ocr-tessdata-fast"))))

(test-equal "ONNX models, not their configuration"
  '("encoder-model.int8.onnx" "decoder_joint-model.int8.onnx")
  (map origin-view-label (filter weights-origin? (package-view-origins (package-named "python-onnx-asr")))))

(test-equal "weights inside a tarball cannot be seen" '() (lint-lines (list (package-named "gnubg"))))

;;; Annotated Stockfish, with shared declarations standing in for the
;;; catalog.

(define shared
  (provenance
   (software "nnue-pytorch" #:license "GPL-3.0-or-later" #:availability 'public-download
             #:backends '((cpu . #f) (rocm . #f) (cuda . #t)))
   (dataset "stockfish-training-data" #:license "CC0-1.0" #:availability 'public-download)))

(define (stockfish-with annotation)
  (let ((real (package-named "stockfish")))
    (package-view "stockfish" "18" #:location (package-view-location real)
                  #:origins (package-view-origins real)
                  #:properties `((model-provenance . ,annotation)))))

(define good
  (provenance
   (weights "stockfish-18-big-net" #:input "neural-network-big" #:license "CC0-1.0" #:format 'nnue
            #:sha256 "C288C895EA924429EA9092E3F36B2B3C1F00F2A3A4C759FF7E57E79E3B43E4A7")
   (weights "stockfish-18-small-net" #:input "neural-network-small" #:license "CC0-1.0"
            #:sha256 "37f18f62d772f3107e1d6aaca3898c130c3c86f2ab63e6555fbbca20635a899d")
   (step "train-big" 'train #:inputs '(("nnue-pytorch" . software) ("stockfish-training-data" . training-data))
         #:outputs '("stockfish-18-big-net") #:compute (compute #:hours 10 #:hardware-profile "desktop-amd-gpu"))
   (step "train-small" 'train #:inputs '(("nnue-pytorch" . software) ("stockfish-training-data" . training-data))
         #:outputs '("stockfish-18-small-net") #:compute (compute #:hours 2 #:hardware-profile "desktop-amd-gpu"))))

(test-equal "a complete annotation: nothing to report" '()
  (lint-lines (list (stockfish-with good)) shared))

(test-equal "the annotation records where it was written"
  (list (basename (current-filename)) #t)
  (let ((location (provenance-location good)))
    (list (basename (assq-ref location 'filename)) (integer? (assq-ref location 'line)))))

(define contradicted
  (provenance
   (weights "stockfish-18-big-net" #:input "neural-network-big" #:license "CC0-1.0"
            #:sha256 "37f18f62d772f3107e1d6aaca3898c130c3c86f2ab63e6555fbbca20635a899d")
   (weights "stockfish-18-small-net" #:input "neural-network-tiny" #:license "CC0-1.0")
   (step "train-big" 'train #:inputs '(("nnue-pytorch" . software) ("stockfish-training-data" . training-data))
         #:outputs '("stockfish-18-big-net" "stockfish-18-small-net"))))

(let ((warnings (let ((context (make-lint-context #:catalog (list shared))))
                  (check-package context (stockfish-with contradicted)))))
  ;; The small net's origin counts as unannotated: the annotation names
  ;; another input.
  (test-equal "contradictions are found"
    '(unannotated-weights inconsistent-annotation inconsistent-annotation verdict verdict)
    (map warning-kind warnings))
  (test-equal "a sha256 that differs from the origin's"
    "weights 'stockfish-18-big-net': annotated sha256 37f18f62d772f3107e1d6aaca3898c130c3c86f2ab63e6555fbbca20635a899d differs from the sha256 c288c895ea924429ea9092e3f36b2b3c1f00f2a3a4c759ff7e57e79e3b43e4a7 of origin 'neural-network-big'"
    (warning-message (second warnings)))
  (test-equal "an input the package does not have"
    "weights 'stockfish-18-small-net' are said to come through input 'neural-network-tiny', which stockfish does not have"
    (warning-message (third warnings)))
  (test-assert "the warning points at the weights clause"
    (string-prefix? (basename (current-filename))
                    (basename (format-location (warning-location (third warnings))))))
  (test-equal "an unknown compute makes the verdict undetermined"
    "weights 'stockfish-18-big-net': undetermined under guix-base-criterion: the compute of step 'train-big' is not recorded (FLOPs, or hours on a named hardware profile)"
    (warning-message (fourth warnings)))
  (test-assert "with its explanation"
    (member "deciding facts not recorded:" (warning-explanation (fourth warnings)))))

(test-equal "a Stockfish net whose name does not match its hash"
  '("gnu/packages/games.scm:12028:4: stockfish@18: origin 'neural-network-big': net file name nn-c288c895ea92.nnue does not match its sha256 37f18f62d772...")
  (filter (cut string-contains <> "net file name")
   (lint-lines
   (list (package-view "stockfish" "18" #:location (package-view-location (package-named "stockfish"))
                       #:origins (list (origin-view "neural-network-big"
                                                    #:uris '("https://tests.stockfishchess.org/api/nn/nn-c288c895ea92.nnue")
                                                    #:sha256 "37f18f62d772f3107e1d6aaca3898c130c3c86f2ab63e6555fbbca20635a899d"))
                       #:properties `((model-provenance
                                       . ,(provenance (weights "net" #:input "neural-network-big"
                                                               #:license "CC0-1.0")
                                                      (step "make" 'convert #:outputs '("net"))))))))))

(test-equal "a license contradicted by the lineage"
  '(verdict license-lineage)
  (let* ((view (package-view "llama-tune" "1"
                             #:origins (list (origin-view "weights" #:uris '("https://example.org/tune.gguf")))
                             #:properties
                             `((model-provenance
                                . ,(provenance
                                    (weights "llama-2-7b" #:license "llama2" #:availability 'registration)
                                    (weights "tune" #:input "weights" #:license "Apache-2.0")
                                    (step "fine-tune-llama" 'fine-tune
                                          #:inputs '(("nnue-pytorch" . software) ("llama-2-7b" . initial-weights))
                                          #:outputs '("tune")))))))
         (context (make-lint-context #:catalog (list shared))))
    (map warning-kind (check-package context view))))

(test-equal "an annotation naming unknown artifacts"
  '(invalid-annotation)
  (let* ((view (stockfish-with (provenance (weights "big" #:input "neural-network-big" #:license "CC0-1.0")
                                           (weights "small" #:input "neural-network-small" #:license "CC0-1.0")
                                           (step "train" 'train #:inputs '(("no-such-trainer" . software))
                                                 #:outputs '("big" "small")))))
         (context (make-lint-context)))
    (delete-duplicates (map warning-kind (check-package context view)))))

(test-equal "a property that is not a list of clauses"
  '("gnu/packages/games.scm:12028:4: stockfish@18: model-provenance: expected a list of clauses such as (weights ID ...) or (step ID KIND ...), got weights")
  (lint-lines (list (package-view "stockfish" "18" #:location (package-view-location (package-named "stockfish"))
                                  #:origins (package-view-origins (package-named "stockfish"))
                                  #:properties '((model-provenance . weights))))))

;;; Plain data, as Guix packages carry it: checked when the checker runs,
;;; each mistake located at its clause.

(define plain-annotated
  (package-view "stockfish" "18" #:location (package-view-location (package-named "stockfish"))
                #:origins (package-view-origins (package-named "stockfish"))
                #:properties
                '((model-provenance
                   (weights "stockfish-18-big-net" #:input "neural-network-big" #:format nnue
                            #:license "CC0-1.0")
                   (weights "stockfish-18-small-net" #:input "neural-network-small" #:license "CC0-1.0")
                   (step "train-big" train
                         #:inputs (("nnue-pytorch" . software) ("stockfish-training-data" . training-data))
                         #:outputs ("stockfish-18-big-net")
                         #:compute (compute #:hours 10 #:hardware-profile "desktop-amd-gpu")
                         #:sources ((source "https://github.com/official-stockfish/nnue-pytorch"
                                            #:date "2026-11-30")))
                   (step "train-small" 'train
                         #:inputs (("nnue-pytorch" . software) ("stockfish-training-data" . training-data))
                         #:outputs ("stockfish-18-small-net")
                         #:compute (compute #:hours 2 #:hardware-profile "desktop-amd-gpu"))))))

(test-equal "plain data (quoted values too): nothing to report" '()
  (lint-lines (list plain-annotated) shared))

(define plain-broken
  (package-view "stockfish" "18" #:location (package-view-location (package-named "stockfish"))
                #:origins (package-view-origins (package-named "stockfish"))
                #:properties
                '((model-provenance
                   (weights "stockfish-18-big-net" #:input "neural-network-big")
                   (step "train-big" train #:inputs (("nnue-pytorch" . software))
                         #:outputs ("stockfish-18-big-net")
                         #:compute (compute #:hours "ten"))))))

(test-equal "a mistake in plain data: one warning, at the clause the reader saw"
  (list (format #f "~a:~a:~a: stockfish@18: model-provenance: step 'train-big' #:compute #:hours: expected a non-negative number, got \"ten\""
                (current-filename) 186 19))
  (lint-lines (list plain-broken) shared))

(test-equal "a catalog id redeclared with the same kind refines it"
  '("CC0-1.0" "nnue")
  (let* ((context (make-lint-context #:catalog (list shared)))
         (graph (package-graph context plain-annotated))
         (net (graph-node graph "stockfish-18-big-net")))
    (list (artifact-license net) (artifact-format net))))

(test-equal "declarations of other packages are found when referred to"
  '()
  (let* ((provider (provenance (dataset "other-data" #:license "CC0-1.0" #:availability 'public-download)))
         (user (package-view "user" "1"
                             #:origins (list (origin-view "net" #:uris '("https://example.org/n.onnx")))
                             #:properties
                             '((model-provenance
                                (weights "user-net" #:input "net" #:license "CC0-1.0")
                                (step "train-user-net" train
                                      #:inputs (("nnue-pytorch" . software) ("other-data" . training-data))
                                      #:outputs ("user-net")
                                      #:compute (compute #:hours 1 #:hardware-profile "desktop-amd-gpu"))))))
         (context (make-lint-context #:catalog (list shared)
                                     #:other-annotations (lambda () `(("provider" . ,provider))))))
    (map warning->string (check-package context user))))

;;; Weights inside a package's source, from the catalog: matched by
;;; package name, said when not built, and when recorded for another
;;; version.

(define embedded
  (provenance
   (weights "codec-model" #:guix-package "codec" #:version "1.5" #:file "dnn/model_data.c"
            #:installed #f #:license "BSD-3-Clause")
   (weights "codec-classifier" #:guix-package "codec" #:version "1.5" #:file "src/mlp_data.c"
            #:license "BSD-3-Clause")
   (step "train-codec-classifier" 'train #:outputs '("codec-classifier"))))

(test-equal "weights in the source: not built is said, not judged; built ones are judged"
  '("codec@1.5: weights 'codec-model' (dnn/model_data.c) are in the source but not built or installed; not judged"
    "codec@1.5: weights 'codec-classifier' (src/mlp_data.c): undetermined under guix-base-criterion: no software is recorded for step 'train-codec-classifier'")
  (map (lambda (line) (substring line (+ 2 (string-contains line ": "))))
       (lint-lines (list (package-view "codec" "1.5" #:location '((filename . "codec.scm") (line . 0) (column . 0))
                                       #:origins (list (origin-view "source" #:uris '("https://example.org/codec-1.5.tar.gz")))))
                   embedded)))

(test-equal "another version of the package: its weights are not judged; the packager is told"
  '("the catalog records weights of codec 1.5 ('codec-model', 'codec-classifier'), not of 1.6: check whether this version ships them")
  (map warning-message
       (check-package (make-lint-context #:catalog (list embedded))
                      (package-view "codec" "1.6" #:origins (list (origin-view "source"))))))

(test-equal "unless the distribution has the recorded version too" '()
  (check-package (make-lint-context #:catalog (list embedded)
                                    #:version-known? (lambda (name version) (string=? version "1.5")))
                 (package-view "codec" "1.6" #:origins (list (origin-view "source")))))

(test-equal "#:installed is for weights only"
  "dataset 'd': only weights ship through an #:input"
  (guard (e ((annotation-error? e) (exception-message e)))
    (parse-provenance '((dataset "d" #:installed #f)))))

(test-equal "a sha256 in Guix's nix-base32, as the origin has it, is the same hash"
  "c288c895ea924429ea9092e3f36b2b3c1f00f2a3a4c759ff7e57e79e3b43e4a7"
  ;; Guix's games.scm gives stockfish's big net as this base32 string.
  (artifact-sha256
   (first (provenance-artifacts
           (parse-provenance '((weights "n" #:sha256 "19z48cxrxrspgvzmkix4lgr007rw5dmz7qwjj3m2ji4jxaawi262")))))))

(test-equal "TFLite, Keras and NumPy files look like weights" '(#t #t #t #t)
  (map (lambda (name) (weights-origin? (origin-view "w" #:uris (list (string-append "https://example.org/" name)))))
       '("model.tflite" "model.h5" "weights.npz" "net.keras")))

;;; The corpus of bad annotations: each file raises one error when
;;; loaded, with the location of the bad clause.

(define bad-annotations
  '(("unknown-field" . "3:12: weights 'net': unknown field #:licence; expected one of #:name, #:version, #:license, #:sha256, #:uris, #:format, #:availability, #:guix-package, #:size, #:notes, #:sources, #:backends, #:input, #:file, #:installed, #:files")
    ("bad-license" . "4:1: software 'trainer' #:license: malformed license expression 'MIT and GPL-2.0': expected AND, OR or the end, got 'and' at column 5 (field 'license')")
    ("bad-sha256" . "3:12: weights 'net' #:sha256: expected 64 hexadecimal digits, or 52 in Guix's base32, got \"c288c895ea92\"")
    ("bad-role" . "4:2: step 'train' #:inputs: unknown role 'data' in (\"data\" . data); expected one of software, training-data, initial-weights, teacher-weights, generator-weights, document")
    ("license-typo" . "3:12: dataset 'games' #:license: unknown license id 'CC-BY-4'; did you mean CC-BY-4.0? (a license outside the SPDX list is written LicenseRef-NAME)")
    ("profile-typo" . "3:12: step 'train' #:compute #:hardware-profile: unknown hardware profile 'desktop-amd' (known ones: desktop-cpu, desktop-amd-gpu, desktop-nvidia-gpu); did you mean desktop-amd-gpu?")
    ("kind-typo" . "3:12: step 'train' kind: expected one of train, fine-tune, distill, generate-data, convert, quantize, merge, got trian; did you mean train?")
    ("unknown-clause" . "3:12: unknown clause (model ...); expected one of weights, dataset, software, document, step, computed")
    ("missing-value" . "3:12: dataset 'games': field #:license has no value")
    ("bad-step-kind" . "3:12: step 's' kind: expected one of train, fine-tune, distill, generate-data, convert, quantize, merge, got pretrain")
    ("no-outputs" . "3:12: step 's': #:outputs is empty")
    ("input-on-dataset" . "3:12: dataset 'games': only weights ship through an #:input")
    ("bad-backends" . "3:12: software 'trainer' #:backends: expected a list of (BACKEND . PROPRIETARY?) pairs such as (cuda . #t), got (cpu cuda)")
    ("files-absolute" . "3:12: weights 'net' #:files: \"/etc/net.bin\": expected a path inside the origin, not absolute or empty")
    ("files-bad-hash" . "3:12: weights 'net' #:files: \"net.bin\": expected 64 hexadecimal digits, or 52 in Guix's base32, got \"7d4322bd\"")
    ("no-id" . "3:12: weights: expected (weights ID #:field value ...) with ID a string, got (weights #:license \"MIT\")")))

(for-each
 (match-lambda
   ((name . expected)
    (let ((file (string-append data "/bad-annotations/" name ".scm")))
      (test-equal name
        (string-append file ":" expected)
        (guard (e ((annotation-error? e) (annotation-error->string e)))
          (load-declarations file)
          'no-error)))))
 bad-annotations)

(test-assert "a malformed clause is a syntax error with its location"
  (let ((file (string-append data "/bad-annotations/not-a-clause.scm")))
    (guard (e ((input-error? e)
               (string-contains (exception-message e) "not-a-clause.scm:3:12: provenance: expected a clause")))
      (load-declarations file)
      #f)))

(test-end "lint")
