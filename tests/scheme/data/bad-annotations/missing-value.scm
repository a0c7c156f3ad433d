;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; A field without its value.
(provenance (dataset "games" #:license))
