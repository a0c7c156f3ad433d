;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; A string where a clause should be.
(provenance "net")
