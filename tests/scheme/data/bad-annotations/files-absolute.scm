;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; A file list with an absolute path.
(provenance (weights "net" #:files (quote (("/etc/net.bin" "7d4322bd2a7749724879683fc3912cb542f19906c83bcc1a52132556427170b2")))))
