;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; Stand-in for (guix lint): its record constructors take field clauses,
;;; as define-record-type* makes them; see packages.scm.
(define-module (guix lint) #:export (lint-warning lint-checker))
(define-syntax-rule (lint-warning (field value) ...) (list (cons 'field value) ...))
(define-syntax-rule (lint-checker (field value) ...) (list (cons 'field value) ...))
