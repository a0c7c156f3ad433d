;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; Stand-in for (guix scripts)' define-command; see packages.scm.
(define-module (guix scripts) #:export (define-command))
(define-syntax define-command
  (syntax-rules (category synopsis)
    ((_ (name . arguments) (category c) (synopsis s) body ...)
     (define (name . arguments) body ...))))
