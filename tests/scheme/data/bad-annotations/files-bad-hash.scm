;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; A file list whose hash is too short.
(provenance (weights "net" #:files (quote (("net.bin" "7d4322bd")))))
