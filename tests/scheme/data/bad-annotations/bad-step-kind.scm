;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; A step kind that does not exist.
(provenance (step "s" (quote pretrain) #:outputs (quote ("x"))))
