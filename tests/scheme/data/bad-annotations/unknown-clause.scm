;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; A clause kind that does not exist.
(provenance (model "net"))
