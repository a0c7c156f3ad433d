;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; A license id with a typo: an error, not an unknown license.
(provenance (dataset "games" #:license "CC-BY-4" #:availability 'public-download))
