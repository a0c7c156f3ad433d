;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; A license expression with a lower-case operator.
(provenance
 (software "trainer" #:license "MIT and GPL-2.0"))
