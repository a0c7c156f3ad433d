;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; Stand-in for (guix git-download); see packages.scm.
(define-module (guix git-download) #:export (git-reference? git-reference-url))
(define (git-reference? object) (error "Guix stand-in called"))
(define (git-reference-url reference) (error "Guix stand-in called"))
