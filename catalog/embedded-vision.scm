;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The catalog: trained models inside the sources of Guix's image and
;;; vision packages (dlib's face detector, OpenCV's cascade classifiers,
;;; the Open Image Denoise network of Godot 3.6) and the English Tesseract
;;; model Guix copies into tesseract-ocr.  Package names and versions are
;;; those of the Guix tree of 2026-03-21 (commit 43770a9d8ac4).

(define (dlib path about) (github-file "davisking/dlib" "v20.0" path "2025-05-27" about))
;; OpenCV and Godot were read as stored versions of single files (their
;; repositories are too large to fetch whole here); the commit in each
;; URL is the one read, not the tag Guix builds.
(define (opencv commit path about) (github-file "opencv/opencv" commit path "2026-11-30" about))
(define (godot path about) (github-file "godotengine/godot" "3.6-stable" path "2026-11-30" about))

(list
 ;;; dlib 20.0: the HOG face detector serialized in a header.
 (provenance
  (software "dlib-structural-object-detection-trainer" #:license "BSL-1.0" #:availability 'public-download
            #:backends '((cpu . #f))
            #:uris '("https://github.com/davisking/dlib")
            #:notes "dlib's structural SVM trainer for scan_fhog_pyramid object detectors (C++ on the CPU); the header's training log uses its parameters (C, epsilon, loss per missed target, nuclear norm regularization)"
            #:sources (list (dlib "dlib/svm/structural_object_detection_trainer_abstract.h" "set_c, set_epsilon, set_loss_per_missed_target")
                            (dlib "dlib/image_processing/scan_fhog_pyramid_abstract.h" "set_nuclear_norm_regularization_strength")
                            (dlib "LICENSE.txt" "Boost Software License 1.0")))
  (dataset "dlib-lfw-face-boxes"
           #:notes "labeled_faces_in_the_wild/frontal_faces.xml (4,748 images) and left_faces.xml (493 images): face boxes on Labeled Faces in the Wild images, the left set mirrored for the right detector; neither the annotation files nor LFW's terms are recorded here"
           #:sources (list (dlib "dlib/image_processing/frontal_face_detector.h" "\"trained on mirrored set of labeled_faces_in_the_wild/frontal_faces.xml\", \"num images: 4748\", \"left_faces.xml ... num images: 493\"")))
  (weights "dlib-20.0-frontal-face-detector" #:guix-package "dlib" #:version "20.0"
           #:file "dlib/image_processing/frontal_face_detector.h" #:format "dlib-fhog-object-detector-base64"
           #:license "BSL-1.0" #:availability 'public-download #:size 219037
           #:notes "five HOG filters (front, left, right, front rotated left and right) of an object_detector<scan_fhog_pyramid<pyramid_down<6>>>, compressed and base64-encoded in get_serialized_frontal_faces(); installed with dlib's headers (include/dlib) and built by any program calling get_frontal_face_detector(); added 2013-12-09"
           #:sources (list (dlib "dlib/image_processing/frontal_face_detector.h" "the detector, its training log and \"License: Boost Software License\"")
                           (dlib "dlib/CMakeLists.txt" "install(DIRECTORY ... FILES_MATCHING PATTERN \"*.h\")")
                           (guix-file "machine-learning.scm" 2391 "dlib 20.0 from git tag v20.0; the snippet deletes only dlib/external")))
  (step "train-dlib-frontal-face-detector" 'train
        #:inputs '(("dlib-structural-object-detection-trainer" . software) ("dlib-lfw-face-boxes" . training-data))
        #:outputs '("dlib-20.0-frontal-face-detector")
        #:notes "per filter: images upsampled 2:1, 80x80 window, cell size 8, C 700 (front) or 250 (sides), epsilon 0.05, nuclear norm regularizer 9 or 8; training precision 0.99-1.0, recall 0.86-0.90; the compute is not stated"
        #:sources (list (dlib "dlib/image_processing/frontal_face_detector.h" "\"the training log and parameters used to generate the filters\"")
                        (github-file "davisking/dlib" "6aec6888a" "dlib/image_processing/frontal_face_detector.h" "2013-12-09"
                                "commit \"Added get_frontal_face_detector()\""))))

 ;;; OpenCV 4.13.0: the cascade classifiers it installs.
 (provenance
  (weights "opencv-4.13.0-haarcascades" #:guix-package "opencv" #:version "4.13.0"
           #:file "data/haarcascades" #:format "opencv-cascade-xml" #:availability 'public-download
           #:notes "AdaBoost cascades of Haar-feature decision stumps (faces, eyes, bodies, smiles, cat faces, Russian plates...) that data/CMakeLists.txt installs to share/opencv4/haarcascades (haarcascades_cuda and hogcascades are not installed); each file carries its own author and license header, e.g. haarcascade_frontalface_default.xml, \"Created by Rainer Lienhart\" under the Intel License Agreement For Open Source Computer Vision Library (a BSD-style text without SPDX id); the license is left unrecorded because it differs per file"
           #:sources (list (opencv "061729292049567c28bc9a2b8bcbe662a1b52614" "data/CMakeLists.txt" "install(FILES ${HAAR_CASCADES} ... haarcascades) and lbpcascades")
                           (opencv "6dd91ad5f2ee3f31df0381aa7db73a8dcb1ed2b0" "data/haarcascades/haarcascade_frontalface_default.xml"
                                   "\"Stump-based 24x24 discrete(?) adaboost frontal face detector. Created by Rainer Lienhart.\", Intel License Agreement")
                           (guix-file "image-processing.scm" 592 "opencv 4.13.0 from git tag 4.13.0; the snippet prunes 3rdparty and .jar files, not data/")))
  (step "train-opencv-haarcascades" 'train #:outputs '("opencv-4.13.0-haarcascades")
        #:notes "the tools, training images and compute are not stated in the files read; each file's header would be the place to look"
        #:sources (list (opencv "6dd91ad5f2ee3f31df0381aa7db73a8dcb1ed2b0" "data/haarcascades/haarcascade_frontalface_default.xml"
                                "names its author, not its training data")))
  (weights "opencv-4.13.0-lbpcascades" #:guix-package "opencv" #:version "4.13.0"
           #:file "data/lbpcascades" #:format "opencv-cascade-xml" #:availability 'public-download
           #:notes "local-binary-pattern cascades (frontal and profile faces, cat faces, silverware) installed to share/opencv4/lbpcascades; licenses per file, not recorded"
           #:sources (list (opencv "061729292049567c28bc9a2b8bcbe662a1b52614" "data/CMakeLists.txt" "install(FILES ${LBP_CASCADES} ... lbpcascades)")))
  (step "train-opencv-lbpcascades" 'train #:outputs '("opencv-4.13.0-lbpcascades")
        #:notes "the training data, tool version and compute are not stated in the files read"
        #:sources (list (opencv "061729292049567c28bc9a2b8bcbe662a1b52614" "data/CMakeLists.txt" "the only file read for them"))))

 ;;; Godot 3.6 (package godot-lts, named "godot"): Open Image Denoise 1.1.0.
 (provenance
  (weights "godot-3.6-oidn-rtlightmap-hdr" #:guix-package "godot" #:version "3.6"
           #:file "thirdparty/oidn/weights/rtlightmap_hdr.tza" #:format "oidn-tza" #:license "Apache-2.0"
           #:availability 'public-download
           #:notes "Intel Open Image Denoise 1.1.0's U-Net for HDR lightmaps; modules/denoise/SCsub turns it into rtlightmap_hdr.gen.cpp and compiles it into the editor, built for 64-bit x86 tools builds (Guix builds platform=x11 with tools on x86_64, and keeps thirdparty/oidn); godot 4.6, also named \"godot\" in Guix, has no such file: upstream replaced the OIDN denoiser for 4.2 (PR 81659) and Guix's \"oidn\" preserved entry there keeps nothing"
           #:sources (list (godot "thirdparty/README.md" "oidn 1.1.0 (c58c5216db05ceef4cde5a096862f2eeffd14c06, 2019), License: Apache 2.0, files extracted include weights/rtlightmap_hdr.tza")
                           (godot "modules/denoise/SCsub" "weights_in_path rtlightmap_hdr.tza, tza_to_cpp, compiled with the module")
                           (godot "modules/denoise/config.py" "can_build: tools builds on x11, osx, windows, server, 64-bit, not arm64")
                           (guix-file "game-development.scm" 2394 "godot-lts: name \"godot\", version 3.6, tag 3.6-stable, thirdparty/oidn preserved, platform=x11 target=release_debug")
                           (source "https://github.com/godotengine/godot/pull/81659" #:date "2023-09-27"
                                   #:about "\"Replace OIDN denoiser in Lightmapper with a JNLM denoiser compute shader\", merged for 4.2")))
  (step "train-oidn-1.1.0-rtlightmap-hdr" 'train #:outputs '("godot-3.6-oidn-rtlightmap-hdr")
        #:notes "trained by Intel for OIDN; its training images and compute are not recorded here (OIDN's own repository at c58c5216 and its documentation would say what Intel publishes)"
        #:sources (list (godot "thirdparty/README.md" "the upstream, version and commit the file was extracted from"))))

 ;;; tesseract-ocr 5.3.0: the English model Guix copies in.
 (provenance
  (weights "tesseract-ocr-5.3.0-eng-traineddata" #:guix-package "tesseract-ocr" #:version "5.3.0"
           #:input "tesseract-ocr-tessdata-fast" #:file "share/tessdata/eng.traineddata"
           #:files '(("share/tessdata/eng.traineddata"
                      "7d4322bd2a7749724879683fc3912cb542f19906c83bcc1a52132556427170b2"))
           #:format "traineddata" #:license "Apache-2.0" #:availability 'public-download
           #:notes "Tesseract's upstream source carries no trained data; Guix's phase install-minimal-tessdata copies eng.traineddata from its native input tesseract-ocr-tessdata-fast into share/tessdata, so every package using tesseract-ocr gets it"
           #:sources (list (guix-file "ocr.scm" 143 "install-minimal-tessdata: \"tesseract-ocr cannot be used without its trained models data; install the English language as a minimal base\"")
                           (guix-file "ocr.scm" 103 "tesseract-ocr 5.3.0; tesseract-ocr-tessdata-fast among its native inputs")
                           (guix-file "ocr.scm" 101 "tesseract-ocr-tessdata-fast's license field: asl2.0")
                           (github-file "tesseract-ocr/tessdata_fast" "65727574dfcd264acbb0c3e07860e4e9e9b22185" "eng.traineddata" "2019-10-30"
                                        "the file Guix copies; sha256 of its blob at tag 4.1.0: 7d4322bd2a77...")))
  (step "copy-eng-traineddata-into-tesseract-ocr" 'convert
        #:inputs '(("tessdata-fast-4.1.0" . initial-weights))
        #:outputs '("tesseract-ocr-5.3.0-eng-traineddata")
        #:compute (compute #:flops 0)
        #:notes "a file copy by Guix's build: no software makes a copy, so none is recorded and the verdict stays undetermined; the copy's real verdict is that of tessdata-fast-4.1.0's English model (recording the copy as free software run in no time would make it retrainable from the very network it copies)"
        #:sources (list (guix-file "ocr.scm" 143 "install-file of (search-input-file ... \"/share/tessdata/eng.traineddata\")")))))
