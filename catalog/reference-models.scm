;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The catalog: well-known models outside Guix, one for each verdict worth
;;; showing.  Compute figures derived from a configuration use the usual
;;; estimate of training cost, 6 FLOPs per parameter per token (Kaplan et
;;; al. 2020), with the non-embedding parameters of a transformer, about
;;; 12 x layers x width^2.

(define scaling-laws
  (source "https://arxiv.org/abs/2001.08361" #:date "2020-01-23"
          #:about "training compute of about 6 x parameters x tokens"))

(define (nanogpt path date about)
  (source (string-append "https://github.com/karpathy/nanoGPT/blob/3adf61e154c3fe3fca428ad6bc3818b27a3b8291/" path)
          #:date date #:about about))
(define nanogpt-config
  (nanogpt "config/train_shakespeare_char.py" "2023-03-25"
           "n_layer 6, n_embd 384, batch_size 64, block_size 256, max_iters 5000; \"# device = 'cpu'  # run on cpu only\""))
(define nanogpt-readme
  (nanogpt "README.md" "2025-11-12"
           "\"On one A100 GPU this training run takes about 3 minutes\"; a smaller CPU variant with --device=cpu \"runs in about ~3 minutes\"; --device=mps on Apple Silicon"))

(define olmo-card
  (source "https://huggingface.co/allenai/OLMo-7B/blob/main/README.md" #:date "2026-11-30"
          #:about "revision main: 2.5T training tokens (annealed; step556000-tokens2460B is the checkpoint whose learning rate was not annealed); 32 layers, hidden size 4096; \"The code and model are released under Apache 2.0\"; trained on Dolma; supported by AMD and CSC (LUMI)"))

;; OLMo 7B's documents and accompanying code.  The OLMo repository as of
;; its first release (README of 2024-02-07), the Dolma repository, the
;; paper, and the Model Openness Tool's own record of the model (a second
;; reading of the same release, not a primary source).
(define (olmo-repository path about)
  (github-file "allenai/OLMo" "3be4c1ec367213ff96ccc168ba2f7c27be6d5bc7" path "2024-02-07" about))
(define olmo-readme
  (olmo-repository "README.md"
                   "OLMo 7B: 2.5T tokens, trained on Dolma, config configs/official/OLMo-7B.yaml; inference through the Hugging Face integration in hf_olmo (\"from hf_olmo import *\"); example training data path r2://olmo-data/preprocessed/olmo-mix/v1_5/...; \"Additional tools for evaluating OLMo models are available at the OLMo Eval repo\"; paper arXiv:2402.00838"))
(define olmo-license
  (olmo-repository "LICENSE" "Apache License, Version 2.0, for the repository (olmo/, hf_olmo/, evaluation/, configs/)"))
(define olmo-paper-page
  (source "https://arxiv.org/html/2402.00838v3" #:date "2024-02-28"
          #:about "\"License: CC BY 4.0\"; v3's abstract: \"this technical report details the first release of OLMo\"; read through a copy of the page (yiyibooks.cn/__src__/arxiv/2402.00838v3)"))
(define mot-olmo
  (github-file "lfai/model_openness_tool" "5279ab69b67e92c547adff53fa1579300481f4cd" "models/OLMo-7B.yml" "2025-05-16"
               "the Model Openness Tool's record of OLMo-7B: distribution license Apache-2.0 for the components it lists (model card, data card, evaluation results, inference, training and evaluation code, final and intermediate parameters, datasets, evaluation data), the research paper under CC-BY-4.0; it lists no technical report"))
(define olmo-hf-card
  (source "https://huggingface.co/allenai/OLMo-7B-hf" #:date "2026-11-30"
          #:about "\"Model Card for OLMo 7B\", converted from allenai/OLMo-7B: \"We are releasing many checkpoints for these models, for every 1000 training steps\", \"available in allenai/OLMo-7B\"; \"License: The code and model are released under Apache 2.0\""))
(define dolma-readme
  (github-file "allenai/dolma" "46b7e645ce6d6746bae3419c06683d6b8ed0cf7c" "README.md" "2024-04-21"
               "the Dolma Toolkit, \"a high-performance toolkit for curating datasets\" (taggers, deduplication), is the source code of the repository; the dataset is under ODC-BY; its \"data sheet\" is docs/assets/dolma-v0_1-20230819.pdf"))
(define dolma-license
  (github-file "allenai/dolma" "46b7e645ce6d6746bae3419c06683d6b8ed0cf7c" "LICENSE" "2024-04-21"
               "Apache License, Version 2.0, for the repository"))

(define vicuna-card
  (source "https://huggingface.co/lmsys/vicuna-13b-v1.5-16k/blob/main/README.md" #:date "2026-11-30"
          #:about "license: Llama 2 Community License Agreement; fine-tuned from Llama 2 (arXiv:2307.09288) with supervised instruction fine-tuning on around 125K conversations collected from ShareGPT.com; repository https://github.com/lm-sys/FastChat"))

(list
 (provenance
  ;; A fully open small model, trainable in hours on a desktop: nanoGPT's
  ;; character-level Shakespeare model.
  (software "nanogpt" #:license "MIT" #:availability 'public-download
            #:uris '("https://github.com/karpathy/nanoGPT")
            ;; The configuration's comment and the README run it on the CPU;
            ;; the README's timing is on CUDA.  MPS (Apple's Metal) is not
            ;; recorded: no hardware profile has it.
            #:backends '((cpu . #f) (cuda . #t))
            #:sources (list (nanogpt "LICENSE" "2022-12-28" "MIT License, Copyright (c) 2022 Andrej Karpathy")
                            nanogpt-config nanogpt-readme))
  (dataset "tinyshakespeare" #:license "MIT" #:availability 'public-download
           #:uris '("https://github.com/karpathy/char-rnn/blob/6f9487a6fe5b420b7ca9afb0d7c078e37c1d1b4e/data/tinyshakespeare/input.txt")
           #:notes "1,115,394 characters of \"a subset of works of Shakespeare\" from char-rnn, downloaded by nanoGPT's data/shakespeare_char/prepare.py.  MIT is the only statement of terms: char-rnn's README licenses the repository under MIT, with nothing separate for the data; which edition or transcription the text comes from is not stated, and nanoGPT says nothing of its terms (it does not call it public domain).  The text's origin, from its author, would settle whether any other terms apply"
           #:sources (list (source "https://github.com/karpathy/char-rnn/blob/6f9487a6fe5b420b7ca9afb0d7c078e37c1d1b4e/Readme.md"
                                   #:date "2016-04-30"
                                   #:about "data/tinyshakespeare \"consists of a subset of works of Shakespeare\"; \"## License MIT\" for the repository")
                           (nanogpt "data/shakespeare_char/prepare.py" "2025-11-12"
                                    "downloads https://raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt; states no license for it")))
  (weights "nanogpt-shakespeare-char" #:format "pytorch-checkpoint" #:license "MIT"
           #:notes "not distributed: anyone trains it; its license is nanoGPT's"
           #:sources (list nanogpt-readme (nanogpt "LICENSE" "2022-12-28" "MIT")))
  (step "train-nanogpt-shakespeare-char" 'train
        #:inputs '(("nanogpt" . software) ("tinyshakespeare" . training-data))
        #:outputs '("nanogpt-shakespeare-char")
        ;; 12 x 6 x 384^2 = 10.6e6 parameters; 5000 iterations x 64 x 256
        ;; characters = 81.9e6 tokens; 6 x 10.6e6 x 81.9e6 = 5.2e15.
        #:compute (compute #:flops 5.2e15)
        #:notes "the FLOPs are estimated from the configuration; the README's \"about 3 minutes\" is on an A100"
        #:sources (list nanogpt-config nanogpt-readme scaling-laws))

  ;; A fully open large model, far beyond a home budget: OLMo 7B.
  (software "olmo" #:license "Apache-2.0" #:availability 'public-download
            #:uris '("https://github.com/allenai/OLMo")
            #:backends '((rocm . #f) (cuda . #t))
            #:notes "AI2 trained OLMo 7B Twin on different hardware, with the support of AMD and CSC's LUMI (AMD GPUs)"
            #:sources (list olmo-card))
  (dataset "dolma" #:license "ODC-By-1.0" #:availability 'public-download
           #:uris '("https://huggingface.co/datasets/allenai/dolma")
           #:notes "AI2's pretraining corpus: under AI2's ImpACT license (medium risk, a click-through) when OLMo 7B was trained, under ODC-By since 2024-04-15; the current terms are recorded"
           #:sources (list (source "https://huggingface.co/datasets/allenai/dolma/blob/main/README.md" #:date "2024-04-15"
                                   #:about "\"2024-04-15: License Change. We have updated the license of Dolma to ODC-BY\"")
                           (source "https://huggingface.co/datasets/allenai/dolma/blob/b959d5cb2e3006fcbf611c3dfac73f8b121c91f3/README.md"
                                   #:date "2026-11-30"
                                   #:about "before: \"openly released under AI2's ImpACT license as a medium risk artifact\"")
                           olmo-card))
  (weights "olmo-7b" #:license "Apache-2.0" #:availability 'public-download
           #:uris '("https://huggingface.co/allenai/OLMo-7B")
           #:sources (list olmo-card))
  ;; What accompanies OLMo 7B, as the Model Openness Framework counts it.
  (document "olmo-7b-model-card" #:document-kind 'model-card #:describes '("olmo-7b")
            #:license "Apache-2.0" #:availability 'public-download
            #:uris '("https://huggingface.co/allenai/OLMo-7B/blob/main/README.md")
            #:notes "the model repository's README; it states Apache 2.0 for \"the code and model\", not for itself: that the card's text is under the repository's Apache-2.0 is how the Model Openness Tool reads the release.  The card's license tag at a fixed revision would settle it"
            #:sources (list olmo-card mot-olmo))
  (document "olmo-paper" #:document-kind 'research-paper #:describes '("olmo-7b")
            #:name "OLMo: Accelerating the Science of Language Models" #:license "CC-BY-4.0"
            #:availability 'public-download #:uris '("https://arxiv.org/abs/2402.00838")
            #:notes "arXiv:2402.00838, also ACL 2024; it calls itself a technical report (v1 to v3), and is recorded once, as the research paper, which the Model Openness Tool lets stand for the technical report"
            #:sources (list olmo-paper-page mot-olmo olmo-readme))
  (document "olmo-7b-evaluation-results" #:document-kind 'evaluation-results #:describes '("olmo-7b")
            #:license "CC-BY-4.0" #:availability 'public-download
            #:uris '("https://arxiv.org/abs/2402.00838")
            #:notes "the evaluation of OLMo 7B in the paper (downstream tasks and perplexity), under the paper's license; the model card's own results were not read"
            #:sources (list olmo-paper-page
                            (source "https://www.emergentmind.com/articles/2402.00838" #:date "2026-11-30"
                                    #:about "a summary of the paper: \"Progression of OLMo-7B's accuracy on 8 core tasks from the Catwalk evaluation suite\"; an evaluation framework with downstream and perplexity-based evaluation")))
  (document "dolma-datasheet" #:document-kind 'data-card #:describes '("dolma")
            #:name "dolma-v0_1-20230819.pdf" #:license "Apache-2.0" #:availability 'public-download
            #:uris '("https://github.com/allenai/dolma/blob/46b7e645ce6d6746bae3419c06683d6b8ed0cf7c/docs/assets/dolma-v0_1-20230819.pdf")
            #:notes "\"This manuscript contains the datasheet for Dolma\" (manuscript version 0.1, corpus version 1.0), a file of the Dolma repository under its Apache-2.0 LICENSE; it states no terms of its own.  OLMo 7B was trained on a later version (olmo-mix v1_5 in the OLMo README); the Dolma paper (arXiv:2402.00159) has the later datasheet, its license not read"
            #:sources (list dolma-readme dolma-license
                            (github-file "allenai/dolma" "46b7e645ce6d6746bae3419c06683d6b8ed0cf7c"
                                         "docs/assets/dolma-v0_1-20230819.pdf" "2024-04-21"
                                         "\"This manuscript contains the datasheet for Dolma\"; manuscript version 0.1, corpus version 1.0; the corpus then \"licensed under the AI2 ImpACT license as a medium risk artifact\"")))
  (document "dolma-toolkit" #:document-kind 'data-preprocessing-code #:describes '("dolma")
            #:license "Apache-2.0" #:availability 'public-download
            #:uris '("https://github.com/allenai/dolma")
            #:notes "the code that curated Dolma (filters, taggers, deduplication); its runs for the corpus are described in the datasheet, not recorded here as steps"
            #:sources (list dolma-readme dolma-license))
  (document "olmo-inference-code" #:document-kind 'inference-code #:describes '("olmo-7b")
            #:license "Apache-2.0" #:availability 'public-download
            #:uris '("https://github.com/allenai/OLMo/tree/3be4c1ec367213ff96ccc168ba2f7c27be6d5bc7/hf_olmo")
            #:notes "hf_olmo, the Hugging Face integration the README runs OLMo 7B with"
            #:sources (list olmo-readme olmo-license))
  (document "olmo-eval" #:document-kind 'evaluation-code #:describes '("olmo-7b")
            #:license "Apache-2.0" #:availability 'public-download
            #:uris '("https://github.com/allenai/OLMo-Eval")
            #:notes "OLMo Eval, the evaluation pipeline the OLMo README points to (superseded by OLMES since); the OLMo repository's own evaluation/ directory is under the same license"
            #:sources (list olmo-readme
                            (github-file "allenai/OLMo-Eval" "3acadc4897f5b3a73b756718509bbf6ce882727d" "LICENSE" "2023-10-12"
                                         "Apache License, Version 2.0")))
  (document "olmo-7b-evaluation-data" #:document-kind 'evaluation-data #:describes '("olmo-7b")
            #:availability 'public-download
            #:notes "the sets OLMo 7B was evaluated on during training: perplexity on validation sets (C4, Dolma's sources, the Pile, WikiText-103, ICE, M2D2 and others) and downstream tasks (PIQA, HellaSwag, WinoGrande, OpenBookQA, SciQ and others); each set has its own terms, which were not read: a license for each would settle whether they are open"
            #:sources (list (olmo-repository "configs/official/OLMo-7B.yaml"
                                             "evaluators: v3-small and v2-small perplexity validation sets (c4_en, dolma_books, dolma_common-crawl, dolma_pes2o, dolma_reddit, dolma_stack, dolma_wiki, ice, m2d2_s2orc, pile, wikitext_103, ...) and downstream tasks piqa, hellaswag, winogrande, openbook_qa, sciq, ...")))
  (document "olmo-7b-checkpoints" #:document-kind 'intermediate-parameters #:describes '("olmo-7b")
            #:license "Apache-2.0" #:availability 'public-download
            #:uris '("https://huggingface.co/allenai/OLMo-7B")
            #:notes "the checkpoints of the run, one every 1000 steps, as revisions of the model repository (step556000-tokens2460B is the one before annealing); under the model's Apache 2.0"
            #:sources (list olmo-hf-card olmo-card mot-olmo))
  (step "train-olmo-7b" 'train
        #:inputs '(("olmo" . software) ("dolma" . training-data))
        #:outputs '("olmo-7b")
        ;; 12 x 32 x 4096^2 = 6.44e9 parameters; 2.5e12 tokens (revision
        ;; main); 6 x 6.44e9 x 2.5e12 = 9.66e22.
        #:compute (compute #:flops 9.7e22)
        #:notes "estimated from the configuration and the 2.5T tokens of revision main"
        #:sources (list olmo-card scaling-laws))

  ;; A fine-tune of Llama 2, blocked by license: Vicuna v1.5.
  (weights "llama-2-13b" #:license "llama2" #:availability 'registration
           #:uris '("https://arxiv.org/abs/2307.09288")
           #:notes "Meta's base model under the Llama 2 Community License Agreement"
           #:sources (list (source "https://arxiv.org/abs/2307.09288" #:date "2023-07-18"
                                   #:about "Llama 2, Meta's models of 7 to 70 billion parameters")
                           vicuna-card))
  (dataset "sharegpt-conversations" #:availability 'unavailable
           #:notes "about 125K conversations collected from ShareGPT.com; not published with the model"
           #:sources (list vicuna-card))
  (software "fastchat" #:uris '("https://github.com/lm-sys/FastChat") #:availability 'public-download
            #:notes "LMSYS's training and serving code; its license and backends are not recorded (its LICENSE file at a commit would settle the first)"
            #:sources (list vicuna-card))
  (weights "vicuna-13b-v1.5-16k" #:license "llama2" #:availability 'public-download
           #:uris '("https://huggingface.co/lmsys/vicuna-13b-v1.5-16k")
           #:sources (list vicuna-card))
  (step "fine-tune-vicuna-13b-v1.5-16k" 'fine-tune
        #:inputs '(("fastchat" . software) ("llama-2-13b" . initial-weights)
                   ("sharegpt-conversations" . training-data))
        #:outputs '("vicuna-13b-v1.5-16k")
        #:notes "supervised instruction fine-tuning with linear RoPE scaling; compute not recorded"
        #:sources (list vicuna-card))

  ;; Free weights, undisclosed data (Debian's ToxicCandy): Mistral 7B.
  (weights "mistral-7b-v0.1" #:license "Apache-2.0" #:availability 'public-download
           #:uris '("https://huggingface.co/mistralai/Mistral-7B-v0.1")
           #:sources (list (source "https://arxiv.org/abs/2310.06825" #:date "2023-10-10"
                                   #:about "models released under the Apache 2.0 license")))
  (dataset "mistral-7b-training-data" #:availability 'unavailable
           #:notes "Mistral AI does not disclose its training data"
           #:sources (list (source "https://www.llmradar.eu/fr/models/mistral-7b-instruct-v0-2" #:date "2026-11-30"
                                   #:about "Mistral's help centre states training datasets are not disclosed")))
  (step "train-mistral-7b-v0.1" 'train
        #:inputs '(("mistral-7b-training-data" . training-data))
        #:outputs '("mistral-7b-v0.1")
        #:notes "the training software and compute are not published"
        #:sources (list (source "https://www.llmradar.eu/fr/models/mistral-7b-instruct-v0-2" #:date "2026-11-30"
                                #:about "Mistral's help centre states training datasets are not disclosed")))))
