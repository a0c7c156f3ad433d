;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; Only weights ship through an input.
(provenance (dataset "games" #:input "games"))
