;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; A misspelt field.
(provenance (weights "net" #:licence "MIT"))
