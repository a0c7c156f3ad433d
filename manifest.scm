;; SPDX-License-Identifier: GPL-3.0-or-later
;; What building and testing model-provenance needs, for
;;   guix shell -m manifest.scm -- build-aux/run-tests
(specifications->manifest
 (list "bash" "coreutils" "grep" "sed"
       "gcc-toolchain" "cmake" "make" "pkg-config"
       "boost" "fmt" "googletest" "googlebenchmark" "guile"
       ;; Interchange formats: JSON documents, YAML model cards, Hub dumps.
       "nlohmann-json" "yaml-cpp" "simdjson"
       ;; inspect: hashes, archives, protobuf (ONNX, Lc0), cascade XML.
       "openssl" "libzip" "protobuf" "zlib" "expat"
       ;; The manual (Info, HTML) and the man page.
       "texinfo" "help2man" "man-db"
       ;; `graph --format=svg' runs dot; tests validate JSON against schemas.
       "graphviz" "python" "python-jsonschema"))
