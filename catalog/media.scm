;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The catalog: weights of Guix's OCR, speech, vision and audio packages
;;; (Tesseract's tessdata_fast, the Parakeet ONNX models of
;;; python-onnx-asr, OpenCV's learned descriptors, RNNoise) and what they
;;; come from.  Every fact cites a file at a commit or an exact page, dated;
;;; what no source settles is left unknown, with what would settle it.
;;; Facts "read from Guix" come from the Guix tree at commit 43770a9d8ac4
;;; (2026-03-21).


;;; Tesseract.

(define tessdata-fast-readme
  (github-file "tesseract-ocr/tessdata_fast" "65727574dfcd264acbb0c3e07860e4e9e9b22185" "README.md" "2019-10-30"
          "tag 4.1.0: \"All data in the repository are licensed under the Apache-2.0 License\"; the \"best value for money\" network \"was then integerized\"; fine tuning \"will NOT be possible from these fast models, as they are 8-bit integer\"; Latin-based models \"trained on about 400000 textlines spanning about 4500 fonts\"; text from the web"))
(define (tessdoc path date about)
  (github-file "tesseract-ocr/tessdoc" "f0e2e52803c3ebf281bee2fda8a6d2e168dff266" path date about))
(define tessdata-fast-training
  (tessdoc "Data-Files-in-tessdata_fast.md" "2026-04-19"
           "\"First, fast is trained with a spec that produces a smaller net than best\"; \"Then, the float->int conversion is done\""))
(define tessdata-files-table
  (tessdoc "Data-Files.md" "2020-11-13"
           "tessdata-fast: \"Integerized LSTM of a smaller network than tessdata-best\", retrainable \"No\"; the official models were \"trained at Google\""))
(define tesseract-training-doc
  (tessdoc "tess5/TrainingTesseract-5.md" "2024-09-06"
           "\"No GPU is needed. (No support.)\"; Tesseract 4 training \"takes a few days to a couple of weeks\"; lstmtraining's stop_training with convert_to_int makes a fast, integer traineddata"))
;; The files of tessdata_fast at tag 4.1.0 (commit 65727574dfcd, the
;; checkout Guix installs whole into share/tessdata), each with the sha256
;; of its git blob at that commit, computed from a copy of the repository
;; on 2026-11-30.  The blobs of 57 files (amh, bre, epo, ... listed below)
;; were missing from that copy: their hashes are not recorded.
;; Unrecorded:
;;   amh bre epo est eus fin frk hun kaz kir lao mal mya nld oci osd pol que
;;   san script/Arabic script/Armenian script/Bengali
;;   script/Canadian_Aboriginal script/Cherokee script/Cyrillic
;;   script/Devanagari script/Ethiopic script/Fraktur script/Georgian
;;   script/Gujarati script/Gurmukhi script/HanS script/HanS_vert script/HanT
;;   script/HanT_vert script/Hangul script/Hangul_vert script/Hebrew
;;   script/Japanese script/Japanese_vert script/Kannada script/Khmer
;;   script/Lao script/Latin script/Malayalam script/Myanmar script/Oriya
;;   script/Sinhala script/Syriac script/Tamil script/Telugu script/Thaana
;;   script/Thai script/Tibetan slk tur uzb
(define tessdata-fast-4.1.0-files
  '(("afr.traineddata" "126d480bfae95be2a911ed4916465e27bde75fea2da631e21b96762e5f239646")
    ("ara.traineddata" "e3206d3dc87fd50c24a0fb9f01838615911d25168f4e64415244b67d2bb3e729")
    ("asm.traineddata" "299c7f6135ac72ca4820d4c39e3cf65b32b24127fc78c4938d11153adbb9fa77")
    ("aze.traineddata" "a365310848aecb739f19369cb3831d4660fcd9345d798e91a3042455f9ccc9f0")
    ("aze_cyrl.traineddata" "2e96ab67817819e14a3a2d6250261130457c8e78dde3077841ab391fe003551c")
    ("bel.traineddata" "9c6668a0b202f3dcfe074b64620d108e1902ca7498a40b5a11b4a3da6112d58f")
    ("ben.traineddata" "31163084c279aaebd376216f0c3d5c17ad4b5fee8db49dae79c20000b5de5964")
    ("bod.traineddata" "1aab1db8dae337dfc8fa0f94a1c137c47e4c7857c3e6b30093ec726cef912a0b")
    ("bos.traineddata" "6cc8cc87cf1afbfa6a41febb725dbadb14bed96a46685906440a6eb8a7892f04")
    ("bul.traineddata" "aebc9b0fcc8cfaf8a9f38a02bb7b85052bd850744696a2c11cf0081820e5b21e")
    ("cat.traineddata" "250db73cd5b380d2798581295dc12f20d0828cdb335a65d833d12dfdbf57117d")
    ("ceb.traineddata" "346a39de801495c93ece6656d018d7d19d298af7db42d82ebae99dfe8ee14961")
    ("ces.traineddata" "934bcaf97ef3348413263331131c9fa7f55f30db333c711929c124fb635f7e1b")
    ("chi_sim.traineddata" "a5fcb6f0db1e1d6d8522f39db4e848f05984669172e584e8d76b6b3141e1f730")
    ("chi_sim_vert.traineddata" "20590de84725bab69cde93bd6e8ed360a13cc5421a7e7364ddeb93e9af53d6da")
    ("chi_tra.traineddata" "529c5b5797d64b126065cd55f2bb4c7fd7b15790798091b1ff259941a829330b")
    ("chi_tra_vert.traineddata" "1df02a4b210e5c217b783819538b63e9dfe6904e2b5e53b62664f1b9f7a989d0")
    ("chr.traineddata" "a4da60d844ebb9dbaeb8843a92290083c1fd275b167fc9c9686d790ccd311fab")
    ("cos.traineddata" "018952d1b4b3d4fd6ee5ebbacf90603c9cef6221951359937c274fe1f190f8d3")
    ("cym.traineddata" "7f6ee3374749645a7c92dfe773f5c3d6492194d371712ecfd775edc53c363fb4")
    ("dan.traineddata" "acb1fd074487a31d1294fcdfd7d7c673467ffd8aeacb2ccd61ebcbf04eb4e2fa")
    ("deu.traineddata" "19d219bbb6672c869d20a9636c6816a81eb9a71796cb93ebe0cb1530e2cdb22d")
    ("div.traineddata" "06051412588963b34b663cc59a468dbf10753329f015ccd574ee711e8c6b84c3")
    ("dzo.traineddata" "364d244fad3f8d4438c9f7ee7642b9b876a4620cf76c0115619b979d6bfef1fa")
    ("ell.traineddata" "4fba8a0b461038d51f1c20d043d4f2ac38c4e778f1b90830847f7bd8fa3ba726")
    ("eng.traineddata" "7d4322bd2a7749724879683fc3912cb542f19906c83bcc1a52132556427170b2")
    ("enm.traineddata" "d312ab5aafc9f99a78082c75e035b0873d2da6cb6d95cde03e219c1b26750034")
    ("equ.traineddata" "8f660323d8a7b7a0e8d2fae1a3439e6e470222bfbb990b2ab7fe9e1fb4791c0b")
    ("fao.traineddata" "0ed46203c283c952b7de0530d1c6e6ac9a25a79773fb89cadd149275ffea9a80")
    ("fas.traineddata" "db1c0a91208aff00d3cf1ed2c1d23f76419afd5f024688b4f71adc3f2ce4a505")
    ("fil.traineddata" "2b17f68014ab44b88b5e2334ebcd0ce0090d9af7c6fbef6fab22e0bbd9a934dd")
    ("fra.traineddata" "ced037562e8c80c13122dece28dd477d399af80911a28791a66a63ac1e3445ca")
    ("frm.traineddata" "3fe6eed7108136a85dbbf53baf23d9fb435afe1262323f5fba7711b6c6048728")
    ("fry.traineddata" "7c9dbc47ef3848e33b623d1b927dd4d998ed39ff750fbc0f14aeb0f627b5da15")
    ("gla.traineddata" "cb7b206d9f56b601d1666683ea8a516c8bb9c04362dbb874fc9665b339b72adf")
    ("gle.traineddata" "2fe9ba6119aac7e2a20d6cfb69ed91afe9520f41bc7e3a903f84280f2663858d")
    ("glg.traineddata" "7947619c5544d86849f563bd737ad90dbea9f5319fbd838c4747a7a1cd40b260")
    ("grc.traineddata" "57b735557eeb67503803cf9f99786dd0b62417931352601952a0b1a23b6c4759")
    ("guj.traineddata" "fa69658614b4946a9afae8853d67e0689838803dfa3d12c2e35ec53ee6f8df34")
    ("hat.traineddata" "842e489a0e0eb12c72b5cb12e9e6624aae5928de1d097d76445474c263ce8b5a")
    ("heb.traineddata" "11f9e43ab227f786352a50f75c94c2e9906f1baba86d93276da19da7ce0904db")
    ("hin.traineddata" "4c73ffc59d497c186b19d1e90f5d721d678ea6b2e277b719bee4e2af12271825")
    ("hrv.traineddata" "9e515d9832ce259dbab550b1cc6b998f8b929faf2edacaaca981b05adb130571")
    ("hye.traineddata" "b701d0d95799a716143dedb0197504e56f27a1bb133d6607ff5778c6988cb67c")
    ("iku.traineddata" "81ef16ee0fa0a3548c8a2d1ff10786e3278b6720e51cefd9a81a506f52660223")
    ("ind.traineddata" "69786901da87ab8766c1ea7fbb10b28f2110c14da3f6c8f2735df131fba95d88")
    ("isl.traineddata" "5ec828c363f3f0062c3caf08216677cf5f3c0c981b05fab445123a16b98f10a9")
    ("ita.traineddata" "b8f89e1e785118dac4d51ae042c029a64edb5c3ee42ef73027a6d412748d8827")
    ("ita_old.traineddata" "ee85de25acf70d5eeefdb3012424814a18ab368183099cc2c3f2fe2d3dce3b02")
    ("jav.traineddata" "46107b6bed3bf2d9617e5e192e52524e368242543fead1a7175c363dddd400f2")
    ("jpn.traineddata" "1f5de9236d2e85f5fdf4b3c500f2d4926f8d9449f28f5394472d9e8d83b91b4d")
    ("jpn_vert.traineddata" "bf1e2640954691797e2dc14f38533e601b59ee37958698ae0f0b81dc6f09c71b")
    ("kan.traineddata" "bd31e6b6ae93271e3bcf5383d306d8eefbb91542937cd6d735a5930c970e61d8")
    ("kat.traineddata" "557abb6f1c68bc1b286f1bdd00bb6b82f85a427a91899807dab6c2f6c7986731")
    ("kat_old.traineddata" "7b77290303d5d88db6adc5b679d1eb876e3c62f64c8999e919bcb4608af379bc")
    ("khm.traineddata" "47f110575341b322052f3becbefee61a3ecf1ef549352b5d4d33d28afe30d099")
    ("kmr.traineddata" "a3ef2daa828399ca8d6ae69edfa21ed21aa5abb3f868e2024d3235406312e7b6")
    ("kor.traineddata" "6b85e11d9bbf07863b97b3523b1b112844c43e713df8b66418a081fd1060b3b2")
    ("kor_vert.traineddata" "c28f19dee36927baba5215fb793a3c00fff3ef2cfbcaa100122401d8f4374869")
    ("lat.traineddata" "3859d8ba60404f4b79830622625bbc76fb4ee2808eac1ad360ffa77f0a533328")
    ("lav.traineddata" "7d9eaf22254b381f18b806cd6cb647862a397a7221adbce3e22cc421793a8847")
    ("lit.traineddata" "1e383df5b055583bc01cb5764ecdf74c540753f2cb3f8205e7105361da4bc989")
    ("ltz.traineddata" "5516a78efa30c050da7eb0727fec3de59670c19735c00678a67fdad98e4b3ec1")
    ("mar.traineddata" "0ba3f2d116972e72fe9e176bc84c38e81dfb6670f4ed1f7f6c8e16a27da7cb61")
    ("mkd.traineddata" "58622bf154830fa62103359938564aeb8112b929759e22a48224f3ecfaac34c6")
    ("mlt.traineddata" "3040b443d5d49e4183da0eaaf58d1033c3a616153d35d2342a56777f9bbb31c7")
    ("mon.traineddata" "a151a3806d61ac43619cd383896d551ba5c3b07388ffec6fc83c8c604d677570")
    ("mri.traineddata" "8552be985e8fa0210d6d815d736151d645089b590a56f2d92391fb864e8bf9c9")
    ("msa.traineddata" "e41a3e5febfec50c90371eb1cbb17a48b10cad387900e3420b1f134c1b766cba")
    ("nep.traineddata" "280ba9450b4f21afbf5985e0de87857b75a972577c50ef0603c141ddde4f1cb8")
    ("nor.traineddata" "0451eb4f8049ae78196806bf878a389a2f40f1386fe038568cf4441226ba6ef2")
    ("ori.traineddata" "36f3135e61d501a3acfad41f5fe60b8e791274fff4c5375c969fdcca980cdbac")
    ("pan.traineddata" "1ec0907fc3534065ea9ae190c6bb7ec9e5c74fd9d2fa996aaec7407f11ad8131")
    ("por.traineddata" "c4932b937207a9514b7514d518b931a99938c02a28a5a5a553f8599ed58b7deb")
    ("pus.traineddata" "f15550bfe3a20ca781cf5afb7b2af6ee769c6521cf4bb990848e72856b484600")
    ("ron.traineddata" "9adfde6b51ba4b97efd10ea37c3070fd3fc2bad7815e81f5c3c198cd96216cc9")
    ("rus.traineddata" "e16e5e036cce1d9ec2b00063cf8b54472625b9e14d893a169e2b0dedeb4df225")
    ("script/Greek.traineddata" "52e201e4a22336d89ee202b579aca04f15ffd6e5e6af1fe164498f2c7de898e6")
    ("script/Vietnamese.traineddata" "30546eea618459e79761f962391e6879778b026ad7b4459a11664a1b654758bd")
    ("sin.traineddata" "bc75c6df2375a30c9f7e759fa7d4b58ae3ecf9ce72668a702d01acb13e551422")
    ("slv.traineddata" "b937632c17ce5fdf20535d25feec044da10a0c4c8234f4302d5606fd671cf60d")
    ("snd.traineddata" "f25cae3b325b0a6dc4dd5d8aeb3ac40b129a18bdd92666317022ee198f7878a7")
    ("spa.traineddata" "6f2e04d02774a18f01bed44b1111f2cd7f3ba7ac9dc4373cd3f898a40ea6b464")
    ("spa_old.traineddata" "11d89a6763ff134ef8f7e41b995974d36fba5d1a807156d3202d7bf991bb1823")
    ("sqi.traineddata" "1d89621d9afe8ddf35b403ecf8951edea52c3a960d241f287b1a7b2c5ba8daac")
    ("srp.traineddata" "aa41ae3d9cc705e60d398ab38a5c3cc8b772c0d420c7d4f0859beb13d0e321b6")
    ("srp_latn.traineddata" "54b2e001bd8a336bdffc249c1487b8b7cb712f0a031f2551930ba050ebefa2a0")
    ("sun.traineddata" "fa939213b005b3477a1032b7222f63cd0b0ac486f83fd9554caf653d6e6c6ffe")
    ("swa.traineddata" "395439d1ec308535066cbaea9b15e0e4cc81f8609170af76ab7e7e8d3ec42f3e")
    ("swe.traineddata" "f7304988d41f833efebcc2d529df54b1903ecebbc3da1faabd19a0fddd4fe586")
    ("syr.traineddata" "7435b43466da8343619bdc43c4da8dc8581f21aab3337fa1bd22ed8a8c10af04")
    ("tam.traineddata" "d02fbec24be4b07e32e80d0ccfc3b6b67a3c5d61c9d0a7c8532677990912c6ec")
    ("tat.traineddata" "7ad946d753f4b9688e4e4bcf525a931f486da4aaa9020e32b6a7262718bdf093")
    ("tel.traineddata" "d10691fddd5b67802e1c12800ebb321d3b8bcd8d24a2ac3ff206f93188c04ab5")
    ("tgk.traineddata" "7b32ed1374649b9b44b9a20ed07f1e86c1e1004c3bd11ce182496a47a18cb321")
    ("tha.traineddata" "294227cc2d1292b0acb28d61d4115c88252b96d466ca90b417cf4cf0c67bf07c")
    ("tir.traineddata" "73d7430c22a062b061f603a2c1d70c4ea4aa092f7a932a97921926e15b4fdb3d")
    ("ton.traineddata" "23d36448a3c59499da59502419ffcaa279056fa369a0fa2c798e066321d01bd1")
    ("uig.traineddata" "163b360268c39fc69e0c0dc9299c06dfe7a6c51ef8f33766da75022217b69b22")
    ("ukr.traineddata" "d59e53e2bded32f4445f124b4b00240fcac7e8044c003ab822ccb94f0b3db59b")
    ("urd.traineddata" "62e8250ce2a994106e313a82e26a516a39e2cf159d0ce3c5b5008387fd0d555f")
    ("uzb_cyrl.traineddata" "a2fe0b3f0eb4a5e46252470160ad51cc5f3c4c0f390ba67d1911beb0dbe80cc8")
    ("vie.traineddata" "79df64caf7bcfb2a27df5042ecb6121e196eada34da774956995747636d5bfa1")
    ("yid.traineddata" "f9a3d74076460a505dc0c6b59a0f5bd1108c6436d570954223b3695988d1666d")
    ("yor.traineddata" "17ab3855f1ba9056183759a84e4c11cebf417a7d3c8c2cdcc37537d7fbffba3d")))
(define langdata-readme
  (github-file "tesseract-ocr/langdata" "bc528bf11370d6e469190a96e846b71c741425ba" "README.md" "2024-03-07"
          "\"Some languages were trained with commercially available fonts, so you will need to buy them in order to reproduce the training exactly, or use substitutes.\""))

;;; Parakeet.

(define parakeet-base
  "https://huggingface.co/istupakov/parakeet-tdt-0.6b-v3-onnx/resolve/abd2878d52a678ce380088ef9d9b1d9664404565/")
(define parakeet-onnx-card
  (source "https://huggingface.co/istupakov/parakeet-tdt-0.6b-v3-onnx/commit/abd2878d52a678ce380088ef9d9b1d9664404565"
          #:date "2026-11-30"
          #:about "the revision Guix pins: README front matter \"license: cc-by-4.0\", \"base_model: nvidia/parakeet-tdt-0.6b-v3\"; \"NVIDIA Parakeet TDT 0.6B V3 (Multilingual) model converted to ONNX format for onnx-asr\""))
(define onnx-asr-readme
  (github-file "istupakov/onnx-asr" "b7a038386bae7e60a00cbc8bc6fca88e8c6cea56" "README.md" "2026-01-18"
          "v0.10.2: NeMo models are exported with NeMo's ASRModel.from_pretrained(...) then model.export(...); how the int8 files were quantized is not described"))

;;; OpenCV.

(define boostdesc-readme
  (github-file "opencv/opencv_3rdparty" "34e4206aef44d50e6bbcd0ab06354b52e7466d26" "README.md" "2016-10-12"
          "\"Following files are generated from original binaries [1] using export-boostdesc.py tool\"; DLCO is not mentioned; the tree holds README.md and the seven boostdesc_*.i files, no LICENSE and no export script"))
(define boostdesc-header
  (github-file "opencv/opencv_3rdparty" "34e4206aef44d50e6bbcd0ab06354b52e7466d26" "boostdesc_binboost_256.i" "2016-10-12"
          "\"Header exported from binary. [./export-boostdesc.py BINBOOST binboost_256.bin]\" (each boostdesc_*.i names its .bin file)"))
(define boostdesc-port
  (source "https://github.com/opencv/opencv_contrib/pull/648" #:date "2016-04-27"
          #:about "BoostDesc in OpenCV: \"Implementation use BSD with permission from authors, original code [2] was GPLv2\" ([2] http://infoscience.epfl.ch/record/186246/files/boostDesc_1.0.tar.gz); \"Original binary blobs was exported into C headers\""))
(define (dlco path date about)
  (github-file "cbalint13/opencv-dlco" "f7f5dc43a5c9a4b74a518dfe0202c8eb68a94129" path date about))

;;; RNNoise.

(define (rnnoise path date about)
  (github-file "xiph/rnnoise" "7f449bf8bd3b933891d12c30112268c4090e4d59" path date about))
(define rnnoise-copying
  (rnnoise "COPYING" "2021-03-12"
           "a 3-clause BSD license (Mozilla, Jean-Marc Valin, Xiph.Org, Mark Borgerding) for the repository, rnn_data.c included; the GitHub repository is a copy of gitlab.xiph.org/xiph/rnnoise, same commit"))
(define rnnoise-training-readme
  (rnnoise "TRAINING-README" "2021-03-12"
           "the pipeline: denoise_training signal.raw noise.raw count > training.f32, bin2hdf5.py, rnn_train.py (Keras), dump_rnn.py writes src/rnn_data.c and rnn_data.h; names no corpus"))

(list
 (provenance
  ;; Tesseract's fast models: a smaller network trained in floating point,
  ;; then integerized.
  (weights "tessdata-fast-4.1.0" #:version "4.1.0" #:format "traineddata" #:license "Apache-2.0"
           #:uris '("https://github.com/tesseract-ocr/tessdata_fast")
           #:sha256 "0401fb0837b10a06795c57d6066a461528e3fe76c9cb831145bd1fb42e0361d4"
           #:availability 'public-download #:guix-package "tesseract-ocr-tessdata-fast"
           #:files tessdata-fast-4.1.0-files
           #:notes "8-bit integer LSTM models, one per language and script, integerized from a smaller network than tessdata_best's (not from the best models); the sha256 is the checkout's, #:files those of its files"
           #:sources (list (guix-file "ocr.scm" #f "uri, sha256 of the checkout, tag 4.1.0")
                           tessdata-fast-readme tessdata-files-table
                           (source "https://github.com/tesseract-ocr/tessdata_fast/tree/65727574dfcd264acbb0c3e07860e4e9e9b22185"
                                   #:date "2019-10-30"
                                   #:about "the files at tag 4.1.0; #:files holds the sha256 of each file's blob at this commit, for the blobs a copy of the repository had")))
  (weights "tessdata-fast-4.1.0-float" #:format "traineddata" #:availability 'unavailable
           #:notes "the floating-point 'fast' networks before integerization: tessdata_fast holds only the integer models and tessdata_best a larger network, so these were not published"
           #:sources (list tessdata-fast-training tessdata-fast-readme tessdata-files-table))
  (software "tesseract-training-tools" #:license "Apache-2.0" #:availability 'public-download
            #:uris '("https://github.com/tesseract-ocr/tesseract" "https://github.com/tesseract-ocr/tesstrain")
            #:backends '((cpu . #f))
            #:notes "lstmtraining, text2image and the tesstrain scripts; CPU only"
            #:sources (list (github-file "tesseract-ocr/tesseract" "005c674a0db654d6502dc01a1e33a5e37d7d4614" "LICENSE" "2026-11-30"
                                    "Apache License Version 2.0 (the commit's date was not read)")
                            (github-file "tesseract-ocr/tesstrain" "45cacc5c05929a0d8a19d19104d4a0718877a91c" "README.md" "2024-06-04"
                                    "\"Software is provided under the terms of the Apache 2.0 license\"")
                            tesseract-training-doc))
  (dataset "tessdata-training-lines"
           #:availability 'unavailable
           #:notes "about 400,000 text lines in about 4,500 fonts for Latin-based languages (text taken from the web), rendered at Google; no source read publishes the rendered lines, and rendering them again needs the text (langdata_lstm, whose terms and completeness were not read) and the fonts listed in its okfonts.txt files, some of them commercial: reproducing the training exactly means buying fonts, substitutes give a different network.  A published copy of the lines, or of the full text with free fonts only, would change this"
           #:sources (list tessdata-fast-readme langdata-readme
                           (tessdoc "Fonts.md" "2026-04-19"
                                    "the fonts used for the LSTM models of 4.0.0 are listed in <lang>/okfonts.txt of langdata_lstm")
                           (source "https://github.com/tesseract-ocr/tesseract/issues/2860" #:date "2020-01-23"
                                   #:about "quotes Ray Smith (tesseract issue 654, 2017): \"For the LSTM training, I resorted to using Google's parallel infrastructure to render enough text in all the languages.\"")))
  (step "train-tessdata-fast-float" 'train
        #:inputs '(("tesseract-training-tools" . software) ("tessdata-training-lines" . training-data))
        #:outputs '("tessdata-fast-4.1.0-float")
        #:notes "trained at Google with a network spec smaller than best's; compute not recorded: the documentation's \"a few days to a couple of weeks\" is a general statement without hardware, for one model, while tessdata_fast has over a hundred"
        #:sources (list tessdata-fast-training tesseract-training-doc tessdata-files-table))
  (step "integerize-tessdata-fast" 'quantize
        #:inputs '(("tesseract-training-tools" . software) ("tessdata-fast-4.1.0-float" . initial-weights))
        #:outputs '("tessdata-fast-4.1.0")
        #:notes "the float->int conversion; lstmtraining --stop_training --convert_to_int is the documented way to do it, that Google used it is not stated; compute not recorded"
        #:sources (list tessdata-fast-training tesseract-training-doc))

  ;; Parakeet TDT 0.6B v3, as ONNX files converted by istupakov.
  (weights "parakeet-tdt-0.6b-v3-encoder-int8" #:name "encoder-model.int8.onnx" #:format 'onnx
           #:license "CC-BY-4.0" #:availability 'public-download #:guix-package "python-onnx-asr"
           #:uris (list (string-append parakeet-base "encoder-model.int8.onnx"))
           #:sha256 "6139d2fa7e1b086097b277c7149725edbab89cc7c7ae64b23c741be4055aff09"
           #:notes "Guix's package declares expat (onnx-asr's code); the weights' CC-BY-4.0 is the Hub revision's own declaration"
           #:sources (list (guix-file "speech.scm" #f "uri, sha256, comment \"License: CC-BY-4.0 (NVIDIA)\"")
                           parakeet-onnx-card))
  (weights "parakeet-tdt-0.6b-v3-decoder-joint-int8" #:name "decoder_joint-model.int8.onnx" #:format 'onnx
           #:license "CC-BY-4.0" #:availability 'public-download #:guix-package "python-onnx-asr"
           #:uris (list (string-append parakeet-base "decoder_joint-model.int8.onnx"))
           #:sha256 "eea7483ee3d1a30375daedc8ed83e3960c91b098812127a0d99d1c8977667a70"
           #:sources (list (guix-file "speech.scm" #f "uri, sha256, comment \"License: CC-BY-4.0 (NVIDIA)\"")
                           parakeet-onnx-card))
  (software "onnx-asr" #:license "MIT" #:availability 'public-download
            #:uris '("https://github.com/istupakov/onnx-asr") #:guix-package "python-onnx-asr"
            #:notes "the runtime the ONNX files are made for; its README documents the NeMo export"
            #:sources (list (github-file "istupakov/onnx-asr" "b7a038386bae7e60a00cbc8bc6fca88e8c6cea56" "LICENSE" "2026-01-18"
                                    "MIT License, Copyright (c) 2025 Ilya Stupakov")
                            onnx-asr-readme))
  (weights "nvidia-parakeet-tdt-0.6b-v3" #:license "CC-BY-4.0"
           #:uris '("https://huggingface.co/nvidia/parakeet-tdt-0.6b-v3")
           #:notes "NVIDIA's model the ONNX files are converted from.  CC-BY-4.0 as the converter's card and copies of NVIDIA's card say (NVIDIA's v2 card states it for v2); NVIDIA's own v3 card at a fixed revision was not read, nor whether downloading needs registration: reading it would settle both"
           #:sources (list parakeet-onnx-card
                           (source "https://huggingface.co/nvidia/parakeet-tdt-0.6b-v2" #:date "2026-11-30"
                                   #:about "v2: \"GOVERNING TERMS: Use of this model is governed by the CC-BY-4.0 license\"; v3 \"now available\" at nvidia/parakeet-tdt-0.6b-v3")))
  (software "nemo" #:uris '("https://github.com/NVIDIA/NeMo") #:availability 'public-download
            #:notes "NVIDIA's toolkit, which trains Parakeet and exports it (model.export); its LICENSE file only says \"Please refer to per-package licenses\", so the license of the parts used is not recorded; backends not recorded (its documentation or requirements would settle them)"
            #:sources (list (github-file "NVIDIA/NeMo" "31aaf3377871dea7c3ad235cd2167480ae692444" "LICENSE" "2026-11-30"
                                    "\"Please refer to per-package licenses\"")
                            onnx-asr-readme))
  (step "export-parakeet-onnx-int8" 'quantize
        #:inputs '(("nvidia-parakeet-tdt-0.6b-v3" . initial-weights) ("nemo" . software))
        #:outputs '("parakeet-tdt-0.6b-v3-encoder-int8" "parakeet-tdt-0.6b-v3-decoder-joint-int8")
        #:notes "export to ONNX with NeMo's model.export, as onnx-asr documents for NeMo models, and int8 quantization by a tool not stated; the converter's own record of the commands would settle it"
        #:sources (list onnx-asr-readme parakeet-onnx-card))
  (dataset "parakeet-training-data"
           #:notes "Granary (NVIDIA's pseudo-labelled speech in 25 European languages, announced for https://hf.co/datasets/nvidia/Granary) and NeMo ASR Set 3.0, as copies of NVIDIA's card list; the report's 1.7M hours are Canary-1B-v2's, not Parakeet's, and are not recorded; the licenses and availability of both sets were not read"
           #:sources (list (source "https://arxiv.org/abs/2509.14128" #:date "2026-11-30"
                                   #:about "NVIDIA's report: Canary-1B-v2 trained on Granary and NeMo ASR Set 3.0; Parakeet-TDT-0.6B-v3 released alongside")
                           (source "https://arxiv.org/abs/2505.13404" #:date "2026-11-30"
                                   #:about "Granary: speech recognition and translation data for 25 European languages")))
  (step "train-parakeet-tdt-0.6b-v3" 'train
        #:inputs '(("nemo" . software) ("parakeet-training-data" . training-data))
        #:outputs '("nvidia-parakeet-tdt-0.6b-v3")
        #:notes "compute not recorded (the model card's training section would settle it)"
        #:sources (list (source "https://arxiv.org/abs/2509.14128" #:date "2026-11-30"
                                #:about "Parakeet-TDT-0.6B-v3, a successor to v2, trained with NeMo")))

  ;; OpenCV's BoostDesc descriptors: exported from the authors' binaries.
  (weights "opencv-boostdesc-descriptors" #:guix-package "opencv"
           #:uris '("https://github.com/opencv/opencv_3rdparty")
           #:sha256 "c2582d922c6882a8e540b53590e59d31625ab46eb1d57e75dff0bd0d7b78d18f"
           #:notes "the seven boostdesc_*.i headers of commit 34e4206aef44d50e6bbcd0ab06354b52e7466d26 (BinBoost, BGM, LBGM), exported from the authors' original binaries, not made by DLCO (Guix's comment says so of the VGG files only); the headers state no license and the branch has no LICENSE (OpenCV's port is BSD with the authors' permission, which says nothing of the data): the authors' terms for the data would settle it; the sha256 is the checkout's"
           #:sources (list (guix-file "image-processing.scm" #f "uri, commit, sha256; comment: derived from the binary descriptors of the BinBoost package, \"released under GPLv2+\"")
                           boostdesc-readme boostdesc-header boostdesc-port))
  (weights "boostdesc-original-binaries" #:license "GPL-2.0-only"
           #:uris '("http://infoscience.epfl.ch/record/186246/files/boostDesc_1.0.tar.gz")
           #:notes "bgm.bin, bgm_bilinear.bin, bgm_hard.bin, binboost.bin, binboost_128.bin, binboost_256.bin and lbgm.bin of the authors' boostDesc 1.0 (EPFL, Trzcinski et al.), whose code OpenCV's porter gives as GPLv2 (Guix's comment: GPLv2+); the tarball itself was not read, nor whether it can still be downloaded"
           #:sources (list boostdesc-port boostdesc-header))
  (software "export-boostdesc-py"
            #:notes "the script that turned the .bin files into C headers; it is not in opencv_3rdparty's tree, and where it is published, under which terms, was not found"
            #:sources (list boostdesc-readme boostdesc-header))
  (step "export-boostdesc-headers" 'convert
        #:inputs '(("export-boostdesc-py" . software) ("boostdesc-original-binaries" . initial-weights))
        #:outputs '("opencv-boostdesc-descriptors")
        #:notes "./export-boostdesc.py BINBOOST binboost_256.bin and the like, one header per binary"
        #:sources (list boostdesc-header boostdesc-readme))
  (software "boostdesc-trainer" #:availability 'unavailable
            #:notes "the framework that learnt the BoostDesc binaries was never released"
            #:sources (list (source "https://github.com/opencv/opencv_contrib/pull/158" #:date "2015-01-15"
                                    #:about "\"bgm.bin is derived from a never release framework, its license and origin are questionable\"")))
  (dataset "boostdesc-training-patches"
           #:notes "which image patches the binaries were learnt from is not stated in the sources read (the BinBoost papers' experimental sections would settle it)"
           #:sources (list boostdesc-port))
  (step "learn-boostdesc" 'train
        #:inputs '(("boostdesc-trainer" . software) ("boostdesc-training-patches" . training-data))
        #:outputs '("boostdesc-original-binaries")
        #:notes "compute not recorded"
        #:sources (list (source "https://github.com/opencv/opencv_contrib/pull/158" #:date "2015-01-15"
                                #:about "the trainer of bgm.bin and the other binaries was never released")))

  ;; OpenCV's VGG descriptors: learnt with DLCO.
  (weights "opencv-vgg-descriptors" #:guix-package "opencv" #:license "BSD-3-Clause"
           #:uris '("https://github.com/opencv/opencv_3rdparty")
           #:sha256 "7e374633e0b1575417ef3985d80891f4d0e49eb3f63e3c9ac6d8d3db50552e65"
           #:notes "vgg_generated_{48,64,80,120}.i of commit fccf7cd6a4b12079f73bbfb21745f9babcd4eb1d, generated within DLCO; the same files are in DLCO's repository (workspace/opencv), whose LICENSE is BSD-3-Clause, and Guix's comment gives BSD-3 too; the sha256 is the checkout's"
           #:sources (list (guix-file "image-processing.scm" #f "uri, commit, sha256; comment: \"released under BSD-3. They are generated files produced by the DLCO framework\"")
                           (github-file "opencv/opencv_3rdparty" "fccf7cd6a4b12079f73bbfb21745f9babcd4eb1d" "README.md" "2016-03-17"
                                   "\"Following files are generated within DLCO framework\" (https://github.com/cbalint13/opencv-dlco/tree/master/workspace/opencv)")
                           (dlco "workspace/opencv/vgg_generated_120.i" "2016-03-16"
                                 "the file OpenCV ships, identical but for a trailing newline")
                           (dlco "LICENSE" "2016-05-31" "BSD 3-clause, Copyright (c) 2014-2016 Karen Simonyan, Andrea Vedaldi, Andrew Zisserman")))
  (software "dlco" #:license "BSD-3-Clause" #:availability 'public-download
            #:uris '("https://github.com/cbalint13/opencv-dlco")
            #:backends '((cuda . #t))
            #:notes "Descriptor Learning using Convex Optimisation (Simonyan, Vedaldi, Zisserman), ported to OpenCV by Balint Cristian; its trainer compiles a CUDA kernel and needs OpenCV's cudaarithm: no CPU or ROCm path"
            #:sources (list (dlco "LICENSE" "2016-05-31" "BSD 3-clause")
                            (dlco "README.md" "2016-05-31"
                                  "\"Trainer part implemented here uses GPU as mandatory requirement\"; \"CUDA capable GPU card with minimum 4Gb of memory\"")))
  (dataset "brown-patch-datasets" #:uris '("http://www.cs.ubc.ca/~mbrown/patchdata/patchdata.html")
           #:notes "Brown et al.'s patch sets liberty, notredame and yosemite (UBC); the page giving their terms and whether they can still be downloaded was not read"
           #:sources (list (dlco "workspace/dataset/README.md" "2016-05-31"
                                 "\"Unzip here http://www.cs.ubc.ca/~mbrown/patchdata/patchdata.html main datasets: liberty, notredame, yosemite\"")
                           (github-file "opencv/opencv_3rdparty" "fccf7cd6a4b12079f73bbfb21745f9babcd4eb1d" "vgg_generated_120.i" "2016-03-17"
                                   "pooling regions learnt on liberty, projections on notredame-liberty (vgg_generated_48.i: yosemite, notredame-yosemite)")))
  (step "learn-vgg-descriptors" 'train
        #:inputs '(("dlco" . software) ("brown-patch-datasets" . training-data))
        #:outputs '("opencv-vgg-descriptors")
        #:notes "pooling-region learning then projection learning, each \"up to ~1 week\" even on a GPU that is not named: no compute is recorded"
        #:sources (list (dlco "workspace/README.md" "2016-05-31"
                              "\"This may take very long time even using GPU, up to ~1 week given actual 256 combinations of mu and gamma regularization parameters\"")))

  ;; RNNoise: weights compiled into the C source.
  (weights "rnnoise-weights" #:name "rnn_data.c" #:guix-package "rnnoise" #:license "BSD-3-Clause"
           #:uris '("https://gitlab.xiph.org/xiph/rnnoise")
           #:notes "src/rnn_data.c at commit 7f449bf8bd3b933891d12c30112268c4090e4d59, \"automatically generated from a Keras model\"; its weights were last retrained on 2017-09-19 (commit cdf196b1e9de2f8ff1003328ebf9a4316477429d)"
           #:sources (list (guix-file "xiph.scm" #f "uri, commit")
                           rnnoise-copying
                           (rnnoise "src/rnn_data.c" "2017-09-19" "\"This file is automatically generated from a Keras model\"")))
  (software "rnnoise-training-scripts" #:license "BSD-3-Clause" #:availability 'public-download
            #:uris '("https://gitlab.xiph.org/xiph/rnnoise")
            #:notes "denoise_training (C) and the Keras scripts of training/; the backends Keras ran on are not stated (the scripts' requirements or their author would settle it)"
            #:sources (list rnnoise-training-readme rnnoise-copying))
  (dataset "rnnoise-training-corpora"
           #:notes "the speech and noise recordings (signal.raw, noise.raw) are neither in the repository nor named by it; the RNNoise paper (arXiv:1709.08243), not read, would name them"
           #:sources (list rnnoise-training-readme))
  (step "train-rnnoise" 'train
        #:inputs '(("rnnoise-training-scripts" . software) ("rnnoise-training-corpora" . training-data))
        #:outputs '("rnnoise-weights")
        #:notes "training/rnn_train.py: batch size 32, 120 epochs; compute not recorded"
        #:sources (list rnnoise-training-readme
                        (rnnoise "training/rnn_train.py" "2021-03-12" "Keras; batch_size = 32, epochs=120")))))
