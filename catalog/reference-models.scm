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
