;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; An artifact without an id.
(provenance (weights #:license "MIT"))
