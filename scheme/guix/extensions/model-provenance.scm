;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; guix model-provenance: lint, show, why, graph and report for the
;;; packages of Guix and of channels.  Installed in share/guix/extensions,
;;; where GUIX_EXTENSIONS_PATH finds it.

(define-module (guix extensions model-provenance)
  #:use-module (ice-9 match)
  #:use-module (srfi srfi-1)
  #:use-module (srfi srfi-11)
  #:use-module (srfi srfi-37)
  #:use-module (guix packages)
  #:use-module (guix scripts)
  #:use-module (guix utils)
  #:use-module (gnu packages)
  #:use-module (model-provenance cli)
  #:use-module (model-provenance guix)
  #:use-module (model-provenance lint)
  #:export (guix-model-provenance))

(define %load-path-option
  ;; As in other guix commands: add DIRECTORY to the package module path,
  ;; so that a channel's packages are found.
  (option '(#\L "load-path") #t #f
          (lambda (opt name directory result)
            (%package-module-path (cons directory (%package-module-path)))
            (set! %load-path (cons directory %load-path))
            (set! %load-compiled-path (cons directory %load-compiled-path))
            result)))

(define (all-packages? package)
  ;; Hidden packages too: they ship inside others (webrtc-for-telegram-desktop
  ;; in telegram-desktop).  Deprecated names of other packages do not count.
  (not (package-superseded package)))

(define (package-for specification)
  ;; The package SPECIFICATION (NAME or NAME@VERSION) names, or #f,
  ;; without the messages of specification->package.
  (let-values (((name version) (package-name->name+version specification)))
    (find-package name version)))

(define (weights-packages)
  ;; Every package of the distribution that may ship weights: annotated,
  ;; known to the catalog, or with origins that look like weights.
  (let ((context (guix-lint-context)))
    (fold-packages (lambda (package result)
                     (if (package-may-ship-weights? context package)
                         (cons package result)
                         result))
                   '()
                   #:select? all-packages?)))

(define (guix-package-set options catalog-views)
  (package-set (lambda (name)
                 (let ((package (package-for name)))
                   (and package (package->package-view package))))
               (lambda ()
                 ;; One view per NAME@VERSION (libvpx and its graft
                 ;; replacement are two), of packages with something to say.
                 (let ((context (guix-lint-context)))
                   (filter (lambda (view)
                             (or (package-view-annotation view)
                                 (any weights-origin? (package-view-origins view))
                                 (pair? (package-shipped-weights context view))
                                 (pair? (check-package context view))))
                           (delete-duplicates
                            (map package->package-view
                                 (sort (weights-packages)
                                       (lambda (a b)
                                         (string<? (package-full-name a) (package-full-name b)))))
                            (lambda (a b)
                              (string=? (package-view-full-name a) (package-view-full-name b)))))))
               annotated-package-annotations
               '()))

(define-command (guix-model-provenance . args)
  (category extension)
  (synopsis "tell where the trained weights of packages come from")
  (exit (run-model-provenance
         args
         #:program "guix model-provenance"
         #:packages-from "every package of Guix and its channels that ships weights"
         #:options (list %load-path-option)
         #:options-help "  -L, --load-path=DIR  prepend DIR to the package module search path\n"
         #:package-set guix-package-set)))
