;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The C++ core, loaded as a Guile extension, and the condition type its
;;; errors become.  Internal: use (model-provenance graph) and
;;; (model-provenance evaluate).

(define-module (model-provenance bindings)
  #:use-module (ice-9 exceptions)
  #:use-module (model-provenance config)
  #:export (&provenance-error
            provenance-error?
            provenance-error-code
            provenance-error-field
            provenance-error-problems
            raise-provenance-error))

;; An error of the provenance core.  Its message and irritants (the ids
;; involved) are the usual exception fields; CODE is a symbol such as
;; unknown-reference or cycle, FIELD the annotation field at fault, and
;; PROBLEMS a list of (CODE MESSAGE IDS FIELD), one per problem found.
(define-exception-type &provenance-error &error
  make-provenance-error provenance-error?
  (code provenance-error-code)
  (field provenance-error-field)
  (problems provenance-error-problems))

(define (raise-provenance-error who code message ids field problems)
  "Raise a provenance error from WHO.  Called by the extension once it has
left all C++ code."
  (raise-exception
   (make-exception (make-provenance-error code field problems)
                   (make-exception-with-origin who)
                   (make-exception-with-message message)
                   (make-exception-with-irritants ids))))

(load-extension %model-provenance-extension "init_model_provenance")
