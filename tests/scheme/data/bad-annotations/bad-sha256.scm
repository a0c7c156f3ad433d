;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; A truncated hash.
(provenance (weights "net" #:sha256 "c288c895ea92"))
