;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; Declaration files and the catalog: files of Scheme forms whose values
;;; are package views and (provenance ...) declarations.  The catalog is
;;; the directory of such files every command starts from.

(define-module (model-provenance catalog)
  #:use-module (ice-9 exceptions)
  #:use-module (ice-9 format)
  #:use-module (ice-9 ftw)
  #:use-module (ice-9 match)
  #:use-module (srfi srfi-1)
  #:use-module (srfi srfi-11)
  #:use-module (srfi srfi-26)
  #:use-module (model-provenance annotations)
  #:use-module (model-provenance citations)
  #:use-module (model-provenance config)
  #:use-module (model-provenance evaluate)
  #:use-module (model-provenance graph)
  #:use-module (model-provenance lint)
  #:export (&input-error
            input-error?
            input-error
            load-declarations
            load-catalog))

;;; An input error: a file that cannot be read or evaluated.

(define-exception-type &input-error &error make-input-error input-error?)

(define (input-error message . arguments)
  "Raise an input error, which the commands report and exit 2 for."
  (raise-exception (make-exception (make-input-error)
                                   (make-exception-with-message (apply format #f message arguments)))))

(define (declarations-module)
  (let ((module (make-fresh-user-module)))
    (for-each (lambda (name) (module-use! module (resolve-interface name)))
              '((model-provenance annotations) (model-provenance citations) (model-provenance graph)
                (model-provenance evaluate) (model-provenance lint)))
    module))

(define (describe-exception e)
  (let ((kind (false-if-exception (exception-kind e))))
    (string-trim-right
     (cond (kind
            (call-with-output-string
              (lambda (port) (print-exception port #f kind (exception-args e)))))
           ((exception-with-message? e)
            (format #f "~a~{ ~s~}" (exception-message e)
                    (if (exception-with-irritants? e) (exception-irritants e) '())))
           (else (format #f "~s" e))))))

(define (evaluate-declaration form module file)
  ;; Annotation errors carry their location already; any other failure of
  ;; an input file (syntax errors, unbound variables) becomes an input
  ;; error naming the file, rather than a backtrace.
  (guard (e ((or (annotation-error? e) (input-error? e)) (raise-exception e))
            (else (input-error "~a: ~a" file (describe-exception e))))
    (eval form module)))

(define (declaration? value)
  (or (provenance? value) (policy? value) (hardware-profile? value)))

(define (load-declarations file)
  "Evaluate FILE's forms; return two lists: the package views, and the
provenance declarations, policies and hardware profiles among their
values (lists of them count too)."
  (when (file-is-directory? file)
    (input-error "~a: is a directory, not a file of declarations" file))
  (let ((port (catch 'system-error
                (lambda () (open-input-file file))
                (lambda (key . args)
                  (input-error "~a: cannot read: ~a" file
                               (strerror (system-error-errno (cons key args))))))))
    (let ((module (declarations-module)))
      (let loop ((packages '()) (declarations '()))
        (let ((form (catch 'read-error
                      (lambda () (read port))
                      (lambda (key who message arguments . rest)
                        (input-error "~a: ~a" file (apply format #f message arguments))))))
          (if (eof-object? form)
              (begin (close-port port) (values (reverse packages) (reverse declarations)))
              (let* ((value (evaluate-declaration form module file))
                     (values* (if (list? value) value (list value))))
                (loop (append (reverse (filter package-view? values*)) packages)
                      (append (reverse (filter declaration? values*)) declarations)))))))))

(define (file-is-directory? file)
  (false-if-exception (eq? 'directory (stat:type (stat file)))))

(define* (load-catalog #:optional (directory %model-provenance-catalog))
  "Return the package views and the provenance declarations of the
catalog in DIRECTORY, file by file in name order."
  (unless (file-is-directory? directory)
    (input-error "the catalog directory ~a does not exist; use --no-catalog to go without"
                 directory))
  (let loop ((files (map (cut string-append directory "/" <>)
                         (sort (filter (cut string-suffix? ".scm" <>) (or (scandir directory) '()))
                               string<?)))
             (packages '()) (declarations '()))
    (match files
      (() (values packages declarations))
      ((file . rest)
       (let-values (((more-packages more-declarations) (load-declarations file)))
         (loop rest (append packages more-packages) (append declarations more-declarations)))))))
