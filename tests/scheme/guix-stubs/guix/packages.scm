;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; Stand-ins with the names and arities (guix packages) exports, so that
;;; the Guix adapter can be compiled, and checked for unbound variables,
;;; where Guix is missing.  Calling them is an error.
(define-module (guix packages)
  #:export (origin? origin-uri origin-hash origin-actual-file-name
            content-hash-algorithm content-hash-value
            package-name package-version package-location package-source
            package-inputs package-native-inputs package-properties))
(define (stub name) (lambda args (error "Guix stand-in called:" name)))
(define origin? (stub 'origin?))
(define origin-uri (stub 'origin-uri))
(define origin-hash (stub 'origin-hash))
(define origin-actual-file-name (stub 'origin-actual-file-name))
(define content-hash-algorithm (stub 'content-hash-algorithm))
(define content-hash-value (stub 'content-hash-value))
(define package-name (stub 'package-name))
(define package-version (stub 'package-version))
(define package-location (stub 'package-location))
(define package-source (stub 'package-source))
(define package-inputs (stub 'package-inputs))
(define package-native-inputs (stub 'package-native-inputs))
(define package-properties (stub 'package-properties))
