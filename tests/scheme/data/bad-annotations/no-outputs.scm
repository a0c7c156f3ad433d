;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; A step that makes nothing.
(provenance (step "s" (quote train) #:inputs (quote (("d" . training-data)))))
