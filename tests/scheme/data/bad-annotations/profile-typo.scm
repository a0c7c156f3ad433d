;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; A hardware profile name with a typo.
(provenance (step "train" 'train #:outputs '("net") #:compute (compute #:hours 3 #:hardware-profile "desktop-amd")))
