;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; Citations the catalog makes again and again: a file of a GitHub
;;; repository at a commit or tag, and a file of the Guix tree the catalog
;;; describes.  Declaration files (the catalog's, -L files) see these.

(define-module (model-provenance citations)
  #:use-module (model-provenance graph)
  #:export (%guix-commit
            github-file
            guix-file))

(define %guix-commit
  ;; The Guix tree the catalog's package facts were read from: master of
  ;; 2026-03-21, the one the checker is tested against.
  "43770a9d8ac4")

(define (github-file repository commit path date about)
  "Return the citation of PATH in the GitHub REPOSITORY at COMMIT (a commit
or tag), dated DATE, supporting ABOUT."
  (source (string-append "https://github.com/" repository "/blob/" commit "/" path)
          #:date date #:about about))

(define (guix-file file line about)
  "Return the citation of gnu/packages/FILE of the Guix tree at
%guix-commit, at LINE (or #f for the whole file), supporting ABOUT."
  (source (string-append "https://codeberg.org/guix/guix/src/commit/" %guix-commit "/gnu/packages/"
                         file (if line (string-append "#L" (number->string line)) ""))
          #:date "2026-03-21" #:about about))
