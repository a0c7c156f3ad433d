;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; A step kind with a typo.
(provenance (step "train" 'trian #:outputs '("net")))
