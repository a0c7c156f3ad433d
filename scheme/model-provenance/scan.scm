;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; Trained weights inside an unpacked source tree: model files by name,
;;; and weights compiled into C and C++ sources as large numeric arrays
;;; (the C++ core reads the files; nothing is executed).

(define-module (model-provenance scan)
  #:use-module (ice-9 match)
  #:use-module (srfi srfi-9)
  #:use-module (model-provenance bindings)
  #:export (scan-finding?
            scan-finding-path
            scan-finding-kind
            scan-finding-detail
            scan-finding-bytes
            scan-finding-values
            scan-finding-in-tests?
            scan-source-tree
            %default-min-array-values))

;; PATH is relative to the directory scanned; KIND a model format (onnx,
;; tflite, opencv-cascade...), c-weights (arrays named like weights),
;; c-table (other large numeric arrays), c-blob (encoded data in string
;; literals), or skipped (too large, unreadable).  IN-TESTS? is true under
;; a test directory.
(define-record-type <scan-finding>
  (scan-finding path kind detail bytes values in-tests?)
  scan-finding?
  (path scan-finding-path)
  (kind scan-finding-kind)
  (detail scan-finding-detail)
  (bytes scan-finding-bytes)
  (values scan-finding-values)
  (in-tests? scan-finding-in-tests?))

(define %default-min-array-values
  ;; Below this, tables of constants (CRCs, quantizers, window shapes) are
  ;; common; learned weights are almost always larger.
  2048)

(define* (scan-source-tree path #:key (min-array-values %default-min-array-values))
  "Scan the file or directory PATH for trained weights and return a list of
scan findings in path order.  Symbolic links are not followed; files too
large to read are listed as skipped."
  (map (match-lambda
         (#(path kind detail bytes values in-tests?)
          (scan-finding path (string->symbol kind) detail bytes values in-tests?)))
       (%scan-source-tree path min-array-values)))
