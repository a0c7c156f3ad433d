;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; Runs SRFI-64 test files and exits non-zero if any test failed, so that
;;; ctest sees failures:  pre-inst-env guile run.scm FILE...

(use-modules (srfi srfi-64) (ice-9 format))

(define failures 0)

(test-runner-factory
 (lambda ()
   (let ((runner (test-runner-simple)))
     (test-runner-on-final!
      runner
      (lambda (r)
        (let ((failed (+ (test-runner-fail-count r) (test-runner-xpass-count r))))
          (format #t "~a passed, ~a failed, ~a skipped~%"
                  (test-runner-pass-count r) failed (test-runner-skip-count r))
          (set! failures (+ failures failed)))))
     runner)))

(for-each load (cdr (command-line)))
(exit (zero? failures))
