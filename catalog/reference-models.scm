;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; The catalog: well-known models outside Guix, one for each verdict worth
;;; showing.  Compute figures derived from a configuration use the usual
;;; estimate of training cost, 6 FLOPs per parameter per token (Kaplan et
;;; al. 2020), with the non-embedding parameters of a transformer, about
;;; 12 x layers x width^2.

(define scaling-laws
  (source "https://arxiv.org/abs/2001.08361" #:date "2026-11-30"
          #:about "training compute of about 6 x parameters x tokens"))

(list
 (provenance
  ;; A fully open small model, trainable in hours on a desktop: nanoGPT's
  ;; character-level Shakespeare model.
  (software "nanogpt" #:license "MIT" #:availability 'public-download
            #:uris '("https://github.com/karpathy/nanoGPT")
            ;; The configuration's comment shows how to run it on the CPU;
            ;; the README runs it with CUDA.  Other backends are not recorded.
            #:backends '((cpu . #f) (cuda . #t))
            #:sources (list (source "https://github.com/karpathy/nanoGPT" #:date "2026-11-30"
                                    #:about "license MIT; config/train_shakespeare_char.py: device = 'cpu' runs on the CPU")))
  (dataset "tinyshakespeare" #:license "LicenseRef-public-domain" #:availability 'public-download
           #:uris '("https://github.com/karpathy/char-rnn/tree/master/data/tinyshakespeare")
           #:notes "about 1 MB of Shakespeare's plays, in the public domain; downloaded by nanoGPT's data/shakespeare_char/prepare.py"
           #:sources (list (source "https://github.com/karpathy/nanoGPT" #:date "2026-11-30"
                                   #:about "data/shakespeare_char: the tiny Shakespeare text")))
  (weights "nanogpt-shakespeare-char" #:format "pytorch-checkpoint" #:license "MIT"
           #:notes "not distributed: anyone trains it; its license is nanoGPT's"
           #:sources (list (source "https://github.com/karpathy/nanoGPT" #:date "2026-11-30")))
  (step "train-nanogpt-shakespeare-char" 'train
        #:inputs '(("nanogpt" . software) ("tinyshakespeare" . training-data))
        #:outputs '("nanogpt-shakespeare-char")
        ;; 12 x 6 x 384^2 = 10.6e6 parameters; 5000 iterations x 64 x 256
        ;; characters = 81.9e6 tokens; 6 x 10.6e6 x 81.9e6 = 5.2e15.
        #:compute (compute #:flops 5.2e15)
        #:sources (list (source "https://github.com/karpathy/nanoGPT/blob/master/config/train_shakespeare_char.py"
                                #:date "2026-11-30"
                                #:about "n_layer 6, n_embd 384, batch_size 64, block_size 256, max_iters 5000")
                        scaling-laws))

  ;; A fully open large model, far beyond a home budget: OLMo 7B.
  (software "olmo" #:license "Apache-2.0" #:availability 'public-download
            #:uris '("https://github.com/allenai/OLMo")
            #:backends '((rocm . #f) (cuda . #t))
            #:notes "AI2 trained OLMo 7B Twin on different hardware, with the support of AMD and CSC's LUMI (AMD GPUs)"
            #:sources (list (source "https://huggingface.co/allenai/OLMo-7B" #:date "2026-11-30"
                                    #:about "code and model released under Apache 2.0; supporters AMD and CSC (LUMI); Twin version on different hardware")))
  (dataset "dolma" #:availability 'public-download #:uris '("https://huggingface.co/datasets/allenai/dolma")
           #:notes "AI2's pretraining corpus; its license terms over time are not recorded here"
           #:sources (list (source "https://huggingface.co/allenai/OLMo-7B" #:date "2026-11-30"
                                   #:about "trained on the Dolma dataset")))
  (weights "olmo-7b" #:license "Apache-2.0" #:availability 'public-download
           #:uris '("https://huggingface.co/allenai/OLMo-7B")
           #:sources (list (source "https://huggingface.co/allenai/OLMo-7B" #:date "2026-11-30"
                                   #:about "license: Apache 2.0")))
  (step "train-olmo-7b" 'train
        #:inputs '(("olmo" . software) ("dolma" . training-data))
        #:outputs '("olmo-7b")
        ;; 12 x 32 x 4096^2 = 6.44e9 parameters; 2.46e12 tokens (the
        ;; checkpoint step556000-tokens2460B); 6 x 6.44e9 x 2.46e12 = 9.5e22.
        #:compute (compute #:flops 9.5e22)
        #:sources (list (source "https://huggingface.co/allenai/OLMo-7B" #:date "2026-11-30"
                                #:about "32 layers, hidden size 4096, 2.5 trillion training tokens")
                        scaling-laws))

  ;; A fine-tune of Llama 2, blocked by license: Vicuna v1.5.
  (weights "llama-2-13b" #:license "llama2" #:availability 'registration
           #:uris '("https://arxiv.org/abs/2307.09288")
           #:notes "Meta's base model under the Llama 2 Community License Agreement")
  (dataset "sharegpt-conversations" #:availability 'unavailable
           #:notes "about 125K conversations collected from ShareGPT.com; not published with the model"
           #:sources (list (source "https://huggingface.co/lmsys/vicuna-13b-v1.5-16k" #:date "2026-11-30"
                                   #:about "training data")))
  (software "fastchat" #:uris '("https://github.com/lm-sys/FastChat") #:availability 'public-download
            #:notes "LMSYS's training and serving code; license and backends not recorded here")
  (weights "vicuna-13b-v1.5-16k" #:license "llama2" #:availability 'public-download
           #:uris '("https://huggingface.co/lmsys/vicuna-13b-v1.5-16k")
           #:sources (list (source "https://huggingface.co/lmsys/vicuna-13b-v1.5-16k" #:date "2026-11-30"
                                   #:about "license: Llama 2 Community License Agreement; fine-tuned from Llama 2 on ShareGPT conversations")))
  (step "fine-tune-vicuna-13b-v1.5-16k" 'fine-tune
        #:inputs '(("fastchat" . software) ("llama-2-13b" . initial-weights)
                   ("sharegpt-conversations" . training-data))
        #:outputs '("vicuna-13b-v1.5-16k"))

  ;; Free weights, undisclosed data (Debian's ToxicCandy): Mistral 7B.
  (weights "mistral-7b-v0.1" #:license "Apache-2.0" #:availability 'public-download
           #:uris '("https://huggingface.co/mistralai/Mistral-7B-v0.1")
           #:sources (list (source "https://arxiv.org/abs/2310.06825" #:date "2026-11-30"
                                   #:about "models released under the Apache 2.0 license")))
  (dataset "mistral-7b-training-data" #:availability 'unavailable
           #:notes "Mistral AI does not disclose its training data"
           #:sources (list (source "https://www.llmradar.eu/fr/models/mistral-7b-instruct-v0-2" #:date "2026-11-30"
                                   #:about "Mistral's help centre states training datasets are not disclosed")))
  (step "train-mistral-7b-v0.1" 'train
        #:inputs '(("mistral-7b-training-data" . training-data))
        #:outputs '("mistral-7b-v0.1")
        #:notes "the training software and compute are not published")))
