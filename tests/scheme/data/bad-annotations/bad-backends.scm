;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; Backends as bare symbols.
(provenance (software "trainer" #:backends (quote (cpu cuda))))
