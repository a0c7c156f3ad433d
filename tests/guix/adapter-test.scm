;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The Guix adapter on Guix's real packages: views, the checker against
;;; the standalone command's lines, annotations as plain data in a channel
;;; (the README's example), located errors from compiled modules, catalog
;;; ids redeclared, and `run-checkers'.  Run through tests/guix/run.

(use-modules (srfi srfi-1) (srfi srfi-26) (srfi srfi-64)
             (ice-9 match) (ice-9 rdelim) (ice-9 regex) (ice-9 textual-ports)
             (gnu packages) (guix packages) (guix diagnostics) (guix lint)
             ((guix scripts lint) #:select (run-checkers))
             (model-provenance annotations) (model-provenance catalog) (model-provenance lint)
             (model-provenance guix))

(define top (getenv "MP_TOP"))
(define scratch (string-append (or (getenv "TMPDIR") "/tmp") "/mp-guix-adapter-" (number->string (getpid))))

(define package-named find-package)

(define (lint-lines package)
  ;; The checker's warnings as guix lint prints them.
  (map (lambda (w)
         (format #f "~a: ~a@~a: ~a"
                 (location->string (lint-warning-location w))
                 (package-name package) (package-version package)
                 (lint-warning-message w)))
       ((lint-checker-check %model-provenance-checker) package)))

(define-values (catalog-views catalog-declarations) (load-catalog))

(define standalone-context (make-lint-context #:catalog catalog-declarations))

(test-begin "guix-adapter")

(test-equal "the checker's name" 'model-provenance (lint-checker-name %model-provenance-checker))

;;; Real packages, as the standalone command sees the catalog's views.

(test-equal "the catalog describes 50 real packages" 50 (length catalog-views))

(for-each
 (lambda (view)
   (test-equal (string-append "same warnings as the standalone command: "
                              (package-view-full-name view))
     (map warning->string (check-package standalone-context view))
     (lint-lines (package-named (package-view-name view) (package-view-version view)))))
 catalog-views)

(test-equal "hello ships no weights" '() (lint-lines (package-named "hello")))

(let* ((view (package->package-view (package-named "stockfish")))
       (big (find (lambda (o) (string=? "neural-network-big" (origin-view-label o)))
                  (package-view-origins view))))
  (test-equal "an input origin, with its sha256 in hexadecimal"
    "c288c895ea924429ea9092e3f36b2b3c1f00f2a3a4c759ff7e57e79e3b43e4a7"
    (origin-view-sha256 big))
  (test-equal "and its method" 'url-fetch (origin-view-method big)))

(let ((view (package->package-view (package-named "linux-libre"))))
  (test-equal "a computed origin has no sha256" '(#f)
    (map origin-view-sha256 (filter (lambda (o) (string=? "source" (origin-view-label o)))
                                    (package-view-origins view)))))

(test-equal "run-checkers prints guix lint's lines"
  (map (cut string-append <> "\n") (lint-lines (package-named "stockfish")))
  (let ((output (with-output-to-string
                  (lambda () (run-checkers (package-named "stockfish")
                                           (list %model-provenance-checker))))))
    (map (cut string-append <> "\n")
         (string-split (string-trim-right output) #\newline))))

;;; Annotations as plain data, in a channel.

(define (readme-example)
  ;; The first Scheme block of the README's "Annotating a package".
  (let* ((readme (call-with-input-file (string-append top "/README.md") get-string-all))
         (section (substring readme (string-contains readme "## Annotating a package")))
         (start (+ (string-contains section "```scheme\n") (string-length "```scheme\n"))))
    (substring section start (string-contains section "```" start))))

(define (write-module! directory file text)
  (let ((file (string-append directory "/" file)))
    (mkdir-p (dirname file))
    (call-with-output-file file (cut display text <>))
    file))

(define (mkdir-p directory)
  (unless (file-exists? directory)
    (mkdir-p (dirname directory))
    (mkdir directory)))

(define channel (string-append scratch "/channel"))
(write-module! channel "my-channel/chess-nets.scm" (readme-example))
(set! %load-path (cons channel %load-path))

(define my-nnue-net (module-ref (resolve-interface '(my-channel chess-nets)) 'my-nnue-net))

(test-equal "the README's example has nothing to report" '() (lint-lines my-nnue-net))

(let ((view (package->package-view my-nnue-net)))
  (test-equal "its weights are declared as shipped through the source"
    '(("my-nnue-net-1.0" . "source"))
    (map (lambda (s) (cons (shipped-weights-id s) (shipped-weights-input s)))
         (package-shipped-weights standalone-context view)))
  (test-assert "and judged in the catalog's graph, refined by the annotation"
    (package-graph standalone-context view)))

;; A broken annotation in a compiled module: the error is located at the
;; clause, and the other packages of the module still load and check.
(define broken-module
  "(define-module (my-channel broken)
  #:use-module (guix packages)
  #:use-module (guix download)
  #:use-module (guix build-system trivial)
  #:use-module ((guix licenses) #:prefix license:))

(define-public broken-net
  (package
    (name \"broken-net\")
    (version \"1\")
    (source (origin
              (method url-fetch)
              (uri \"https://example.org/broken.onnx\")
              (sha256 (base32 \"0v7cbxf8kdkl1lwq3ndi5kkrcrhb0d9gwpr3l9p3ngrc1sbacbn1\"))))
    (build-system trivial-build-system)
    (home-page \"https://example.org\")
    (synopsis \"s\")
    (description \"d\")
    (license license:cc0)
    (properties
     '((model-provenance
        (weights \"broken-net\" #:input \"source\" #:license \"CC0-1.0\")
        (step \"train-broken-net\" train
              #:inputs ((\"nnue-pytorch\" . sofware))
              #:outputs (\"broken-net\")))))))

(define-public clashing-net
  (package
    (inherit broken-net)
    (name \"clashing-net\")
    (properties
     '((model-provenance
        (dataset \"nnue-pytorch\" #:license \"CC0-1.0\")
        (weights \"stockfish-18-big-net\" #:input \"source\" #:notes \"refined\"))))))

(define-public fine-net
  (package
    (inherit broken-net)
    (name \"fine-net\")
    (properties '())))
")

(define broken-file (write-module! channel "my-channel/broken.scm" broken-module))
(define compiled (string-append scratch "/go"))
(test-equal "the broken module compiles"
  0 (status:exit-val (system* "guild" "compile" "-L" channel "-o"
                              (string-append compiled "/my-channel/broken.go") broken-file)))
(set! %load-compiled-path (cons compiled %load-compiled-path))
;; The source is only read to locate clauses: make it look older.
(utime broken-file 1 1)

(define broken (resolve-interface '(my-channel broken)))

(test-equal "an invalid annotation is one warning located at its clause"
  (list (string-append broken-file ":23:8: broken-net@1: model-provenance: step 'train-broken-net' #:inputs: unknown role 'sofware' in (\"nnue-pytorch\" . sofware); expected one of software, training-data, initial-weights, teacher-weights, generator-weights, document; did you mean software?"))
  (map (cut string-append channel "/" <>)
       ;; Guix keeps file names relative to the load path.
       (lint-lines (module-ref broken 'broken-net))))

(test-equal "redeclaring a catalog id as another kind: one located warning; refining one is fine"
  (list (string-append "my-channel/broken.scm:33:8: clashing-net@1: model-provenance: 'nnue-pytorch' is declared as dataset here but is software already"))
  (filter (cut string-contains <> "declared as")
          (lint-lines (module-ref broken 'clashing-net))))

(test-equal "the other packages of the module still load and check"
  '("my-channel/broken.scm:37:2: fine-net@1: origin 'source' (broken.onnx) looks like trained weights but has no model-provenance annotation")
  (lint-lines (module-ref broken 'fine-net)))

(test-equal "and other packages are not affected" '()
  (lint-lines (package-named "hello")))

(test-end "guix-adapter")

(system* "rm" "-rf" scratch)
