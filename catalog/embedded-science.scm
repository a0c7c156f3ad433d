;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The catalog: trained models inside the sources of Guix's scientific
;;; packages: SExtractor's star/galaxy classifier and nanopolish's
;;; nanopore pore models.  Package names and versions are those of the
;;; Guix tree of 2026-03-21 (commit 43770a9d8ac4).

(define (sextractor path about) (github-file "astromatic/sextractor" "2.28.2" path "2025-01-19" about))
(define (nanopolish path about) (github-file "jts/nanopolish" "v0.14.0" path "2022-04-19" about))

(list
 ;;; SExtractor 2.28.2: CLASS_STAR's neural network.
 (provenance
  (software "skymaker-prototype"
            #:notes "\"an early prototype of the SkyMaker package\", which simulated the training images; whether that prototype was ever published, and under which license, is not stated"
            #:sources (list (sextractor "doc/src/ClassStar.rst" "\"generated ... using an early prototype of the SkyMaker package\"")))
  (software "sextractor" #:license "GPL-3.0-or-later" #:availability 'public-download
            #:backends '((cpu . #f))
            #:uris '("https://github.com/astromatic/sextractor")
            #:notes "SExtractor itself, run on the simulated images to make the training catalog (C, on the CPU); the version used in the 1990s is not stated"
            #:sources (list (sextractor "COPYRIGHT" "GNU GPL version 3 or (at your option) any later version")))
  (dataset "sextractor-class-star-training-catalog" #:availability 'unavailable
           #:notes "about 10^6 detections with 10 input parameters and a star/galaxy label, from 600 simulated 512x512 blue-band images (Moffat PSFs, 0.025-5.5 arcsec FWHM) each extracted at 8 thresholds; it is described, not published (hence unavailable, until someone finds it)"
           #:sources (list (sextractor "doc/src/ClassStar.rst" "Training: the simulations and \"a catalog with about 10^6 entries\"")))
  (step "simulate-sextractor-class-star-training-catalog" 'generate-data
        #:inputs '(("skymaker-prototype" . software) ("sextractor" . software))
        #:outputs '("sextractor-class-star-training-catalog")
        #:notes "images simulated with the SkyMaker prototype, then catalogued by SExtractor; compute not stated"
        #:sources (list (sextractor "doc/src/ClassStar.rst" "\"SExtractor was run on each image with 8 different extraction thresholds\"")))
  (weights "sextractor-2.28.2-default-nnw" #:guix-package "sextractor" #:version "2.28.2"
           #:file "config/default.nnw" #:format "sextractor-nnw" #:license "GPL-3.0-or-later"
           #:availability 'public-download #:size 2187
           #:notes "\"Neural Network Weights for the SExtractor star/galaxy classifier (V1.3)\": a 10-10-1 multilayer perceptron giving the stellarity index CLASS_STAR, in ASCII; Makefile.am installs config/* to share/sextractor; the weights carry the package's license"
           #:sources (list (sextractor "config/default.nnw" "the weights and their header")
                           (sextractor "config/README" "\"default.nnw: a Neural-Network-Weights file for star/galaxy separation\"")
                           (sextractor "Makefile.am" "dist_pkgdata_DATA = config/* xsl/sextractor.xsl")
                           (sextractor "COPYRIGHT" "GPL-3.0-or-later")
                           (guix-file "astronomy.scm" 11124 "sextractor 2.28.2 from git tag 2.28.2; license gpl3+")))
  (step "train-sextractor-class-star" 'train
        #:inputs '(("sextractor-class-star-training-catalog" . training-data))
        #:outputs '("sextractor-2.28.2-default-nnw")
        #:notes "supervised back-propagation; \"Back-propagation learning took about 15 min on a SUN SPARC20 workstation\" (no hardware profile matches a SPARCstation 20, so the compute is left in this note); the back-propagation program is not named"
        #:sources (list (sextractor "doc/src/ClassStar.rst" "\"Back-propagation learning took about 15 min on a SUN SPARC20 workstation. The final set of synaptic weights was saved to the file default.nnw\""))))

 ;;; nanopolish 0.14.0: k-mer pore models compiled into the program.
 (provenance
  (weights "ont-r9-pore-models" #:availability 'unknown
           #:notes "Oxford Nanopore's R9 and R9.4 k-mer current models (e.g. r9.4_180mv_450bps_6mer/template_median68pA.model, legacy_models/t.007...), which nanopolish's model files name as their originals; ONT's terms for them are not stated in nanopolish's tree"
           #:sources (list (nanopolish "etc/r9-models/r9.4_450bps.nucleotide.6mer.template.model" "#ont_model_name r9.4_180mv_450bps_6mer, #original_file r9.4_180mv_450bps_6mer/template_median68pA.model")
                           (nanopolish "etc/r9-models/r9_250bps.nucleotide.5mer.template.model" "#derived_from t.007, #original_file legacy_models/...")))
  (step "train-ont-r9-pore-models" 'train #:outputs '("ont-r9-pore-models")
        #:notes "estimated by Oxford Nanopore from its sequencing runs; the data, method and compute are not stated in nanopolish's tree"
        #:sources (list (nanopolish "etc/r9-models/r9.4_450bps.nucleotide.6mer.template.model" "names the ONT model it comes from")))
  (weights "nanopolish-0.14.0-r9-model-files" #:guix-package "nanopolish" #:version "0.14.0"
           #:file "etc/r9-models" #:format "nanopolish-pore-model-tsv" #:installed #f
           #:availability 'public-download
           #:notes "12 tab-separated k-mer models (kmer, level mean and deviation, sd mean and deviation): nucleotide models from ONT and CpG/GpC methylation models; Guix installs only the nanopolish binary and scripts/, not etc/"
           #:sources (list (nanopolish "etc/r9-models/r9.4_450bps.cpg.6mer.template.model" "a methylation model with its header")
                           (guix-file "bioinformatics.scm" 21134 "install phase: bin/nanopolish and share/nanopolish/scripts only")))
  (step "derive-nanopolish-r9-model-files" 'convert
        #:inputs '(("ont-r9-pore-models" . initial-weights))
        #:outputs '("nanopolish-0.14.0-r9-model-files")
        #:notes "the nucleotide models rewrite ONT's (5-mer ones derived from 6-mer ones, per their #original_file); the methylation alphabets' models were presumably trained with nanopolish's methyltrain subcommand (src/nanopolish_methyltrain.cpp, \"train a methylation model\"), but the files do not say so; tools, data and compute are not stated"
        #:sources (list (nanopolish "etc/r9-models/r9.4_450bps.nucleotide.5mer.template.model" "#original_file etc/r9-models//r9.4_450bps.nucleotide.6mer.template.model")
                        (nanopolish "src/nanopolish_methyltrain.cpp" "\"nanopolish_methyltrain -- train a methylation model\"")))
  (software "nanopolish-convert-model-to-header" #:license "MIT" #:availability 'public-download
            #:backends '((cpu . #f))
            #:uris '("https://github.com/jts/nanopolish/blob/v0.14.0/scripts/convert_model_to_header.py")
            #:notes "rewrites a .model file as a .inl C++ file compiled into nanopolish (Python, on the CPU)"
            #:sources (list (nanopolish "scripts/convert_model_to_header.py" "\"Convert a .model file into a .inl file that can be directly compiled into nanopolish\"")
                            (nanopolish "LICENSE" "MIT License, Copyright (c) 2015 Ontario Institute for Cancer Research")))
  (weights "nanopolish-0.14.0-builtin-pore-models" #:guix-package "nanopolish" #:version "0.14.0"
           #:file "src/builtin_models" #:format "cc-double-arrays" #:availability 'public-download
           #:notes "14 .inl files (\"Autogenerated by convert_model_to_header.py\"), R9 and R9.4 nucleotide, CpG, GpC, Dam, Dcm and RNA models, included by src/pore_model/nanopolish_builtin_models.h and compiled into bin/nanopolish; nanopolish's code is MIT, while ONT's terms for the values it derives are not stated, so the license is left unrecorded"
           #:sources (list (nanopolish "src/builtin_models/r9_4_450bps_nucleotide_6mer_template_model.inl" "\"Autogenerated by convert_model_to_header.py\"")
                           (nanopolish "src/pore_model/nanopolish_builtin_models.h" "includes every builtin_models/*.inl")
                           (guix-file "bioinformatics.scm" 21096 "nanopolish 0.14.0 from git tag v0.14.0")))
  (step "convert-nanopolish-pore-models-to-headers" 'convert
        #:inputs '(("nanopolish-convert-model-to-header" . software)
                   ("nanopolish-0.14.0-r9-model-files" . initial-weights))
        #:outputs '("nanopolish-0.14.0-builtin-pore-models")
        #:notes "the Dam and Dcm methylation models, 2 of the 14 built-in ones, have no .model file in etc/r9-models, so their own sources are not in the tree; compute negligible, not stated"
        #:sources (list (nanopolish "scripts/convert_model_to_header.py" "the converter")))))
