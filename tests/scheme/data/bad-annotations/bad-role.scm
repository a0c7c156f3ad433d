;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; An input role that does not exist.
(provenance
  (step "train" (quote train) #:inputs (quote (("data" . data))) #:outputs (quote ("net"))))
