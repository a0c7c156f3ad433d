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
  #:use-module (ice-9 binary-ports)
  #:use-module (system vm loader)
  ;; The compiler only when compiling declarations: it is slow to load.
  #:autoload (system base compile) (compile)
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
            compile-declarations
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

(define (reporting-input-errors file thunk)
  ;; Annotation errors carry their location already; any other failure of
  ;; an input file (syntax errors, unbound variables) becomes an input
  ;; error naming the file, rather than a backtrace.
  (guard (e ((or (annotation-error? e) (input-error? e)) (raise-exception e))
            (else (input-error "~a: ~a" file (describe-exception e))))
    (thunk)))

(define (evaluate-declaration form module file)
  (reporting-input-errors file (lambda () (eval form module))))

(define (declaration? value)
  (or (provenance? value) (policy? value) (hardware-profile? value)))

(define (form-values value)
  (if (list? value) value (list value)))

(define (split-declarations form-results)
  "Return two lists: the package views among FORM-RESULTS, the values of a
file's forms, and its provenance declarations, policies and hardware
profiles (lists of them count too)."
  (let ((results (append-map form-values form-results)))
    (values (filter package-view? results) (filter declaration? results))))

(define (open-declarations-file file)
  (when (file-is-directory? file)
    (input-error "~a: is a directory, not a file of declarations" file))
  (catch 'system-error
    (lambda () (open-input-file file))
    (lambda (key . args)
      (input-error "~a: cannot read: ~a" file (strerror (system-error-errno (cons key args)))))))

(define (read-declaration port file)
  (catch 'read-error
    (lambda () (read port))
    (lambda (key who message arguments . rest)
      (input-error "~a: ~a" file (apply format #f message arguments)))))

(define (evaluate-declarations-file file)
  (let ((port (open-declarations-file file))
        (module (declarations-module)))
    (let loop ((values* '()))
      (let ((form (read-declaration port file)))
        (if (eof-object? form)
            (begin (close-port port) (split-declarations (reverse values*)))
            (loop (cons (evaluate-declaration form module file) values*)))))))

;;; Compiled declarations.  Expanding and interpreting the catalog's forms
;;; was most of a short command's time, so the build compiles each catalog
;;; file.  Its forms other than definitions are wrapped in a call that
;;; collects their values: running the compiled file gives the values that
;;; evaluating the source gives.

(define top-level-only-keywords
  '(define define* define-public define-syntax define-syntax-rule define-record-type
    define-module use-modules eval-when))

(define (collected-form form)
  (match form
    (((? (cut memq <> top-level-only-keywords)) . _) form)
    (_ `(%declaration-value ,form))))

(define* (compile-declarations file output #:key (file-name file))
  "Compile FILE, a file of declarations, into OUTPUT, which
load-declarations runs instead when given it as #:compiled; locations
in the compiled declarations name FILE-NAME (where FILE is installed, say)."
  (let ((port (open-declarations-file file))
        (module (declarations-module)))
    (set-port-encoding! port (or (file-encoding port) "UTF-8"))
    (set-port-filename! port file-name)
    (module-define! module '%declaration-value identity)
    (let loop ((forms '()))
      (let ((form (read-declaration port file)))
        (if (eof-object? form)
            (let ((bytecode
                   (reporting-input-errors
                    file
                    (lambda ()
                      ;; to-file?: laid out for mapping from a file, as
                      ;; compile-file writes it.
                      (compile `(begin ,@(map collected-form (reverse forms)) #t)
                               #:env module #:from 'scheme #:to 'bytecode
                               #:opts '(#:to-file? #t)))))
                  (scratch (string-append output ".tmp")))
              (close-port port)
              (call-with-port (open-file scratch "wb")
                (cut put-bytevector <> bytecode))
              (rename-file scratch output))
            (loop (cons form forms)))))))

(define (modification-time file)
  (let ((status (stat file #f)))
    (and status (+ (* (stat:mtime status) 1000000000) (stat:mtimensec status)))))

(define (compiled-declarations file compiled)
  ;; The compiled file stands for FILE only when at least as new; one
  ;; that does not load (another Guile's, say) is ignored, as a cache.
  (let ((source-time (modification-time file))
        (compiled-time (modification-time compiled)))
    (and source-time compiled-time (>= compiled-time source-time)
         (false-if-exception (load-thunk-from-file compiled)))))

(define (run-compiled-declarations thunk file)
  (let ((module (declarations-module))
        (collected '()))
    (module-define! module '%declaration-value
                    (lambda (value) (set! collected (cons value collected))))
    (reporting-input-errors
     file
     (lambda ()
       (save-module-excursion
        (lambda ()
          (set-current-module module)
          (thunk)))))
    (split-declarations (reverse collected))))

(define* (load-declarations file #:key compiled)
  "Evaluate FILE's forms; return two lists: the package views, and the
provenance declarations, policies and hardware profiles among their
values (lists of them count too).  COMPILED names FILE compiled by
compile-declarations, run instead when it is at least as new as FILE."
  (let ((thunk (and compiled (compiled-declarations file compiled))))
    (if thunk
        (run-compiled-declarations thunk file)
        (evaluate-declarations-file file))))

(define (file-is-directory? file)
  (false-if-exception (eq? 'directory (stat:type (stat file)))))

(define (compiled-catalog-file directory name)
  ;; Only the catalog the build compiled has compiled files.
  (and (string=? directory %model-provenance-compiled-catalog-source)
       (string-append %model-provenance-compiled-catalog "/" (basename name ".scm") ".go")))

(define* (load-catalog #:optional (directory %model-provenance-catalog))
  "Return the package views and the provenance declarations of the
catalog in DIRECTORY, file by file in name order."
  (unless (file-is-directory? directory)
    (input-error "the catalog directory ~a does not exist; use --no-catalog to go without"
                 directory))
  (let loop ((names (sort (filter (cut string-suffix? ".scm" <>) (or (scandir directory) '()))
                          string<?))
             (packages '()) (declarations '()))
    (match names
      (() (values packages declarations))
      ((name . rest)
       (let-values (((more-packages more-declarations)
                     (load-declarations (string-append directory "/" name)
                                        #:compiled (compiled-catalog-file directory name))))
         (loop rest (append packages more-packages) (append declarations more-declarations)))))))
