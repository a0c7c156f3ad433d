;;; SPDX-License-Identifier: GPL-3.0-or-later
;;; Verdicts: could a user re-make these weights under a policy, on their
;;; hardware?  Policies and hardware profiles are records users may define.

(define-module (model-provenance evaluate)
  #:use-module (ice-9 match)
  #:use-module (srfi srfi-1)
  #:use-module (srfi srfi-9)
  #:use-module (model-provenance bindings)
  #:use-module (model-provenance graph)
  #:export (policy->vector
            policy policy? policy-name policy-description policy-software-licenses
            policy-data-licenses policy-weights-licenses policy-document-licenses
            policy-free-licenses policy-non-free-licenses policy-start-from-free-weights?
            policy-allow-proprietary-backends? policy-registration-counts?
            policy-require-data-available? policy-budget-hours policy-classification
            policy-sources policy-unstated-licenses
            builtin-policies lookup-policy default-policy

            backend-capacity backend-capacity? backend-capacity-backend
            backend-capacity-device backend-capacity-peak-flops backend-capacity-memory
            backend-capacity-proprietary?
            hardware-profile hardware-profile? hardware-profile-name
            hardware-profile-description hardware-profile-backends
            hardware-profile-storage hardware-profile-utilization hardware-profile-sources
            builtin-hardware-profiles lookup-hardware-profile default-hardware-profile

            make-evaluator evaluator? evaluate evaluate-all

            verdict? verdict-target verdict-kind verdict-policy verdict-hardware
            verdict-budget-hours verdict-hours verdict-hours-known? verdict-plan-hours
            verdict-plan verdict-obtained
            verdict-blockers verdict-missing verdict-license-lineage
            verdict-classification verdict-class verdict-components
            verdict-summary verdict-explanation
            acceptable-verdict?
            component? component-name component-class component-content-type
            component-required? component-status component-ids component-detail
            planned-step? planned-step-id planned-step-backend planned-step-device
            planned-step-hours
            blocker? blocker-id blocker-kind blocker-reason
            missing-fact? missing-fact-id missing-fact-fact missing-fact-reason
            verdict-summary-entry? verdict-summary-entry-id verdict-summary-entry-kind
            verdict-summary-entry-hours verdict-summary-entry-blockers
            verdict-summary-entry-missing verdict-summary-entry-license-contradicted?
            verdict-summary-entry-hours-known? verdict-summary-entry-verdict

            license-canonical license-judgement license-unknown-ids nearest-name
            format-duration))

;;; Policies.

(define-record-type <policy>
  (%policy name description software-licenses data-licenses weights-licenses
           document-licenses free-licenses non-free-licenses start-from-free-weights?
           allow-proprietary-backends? registration-counts? require-data-available?
           budget-hours classification sources unstated-licenses)
  policy?
  (name policy-name)
  (description policy-description)
  (software-licenses policy-software-licenses)
  (data-licenses policy-data-licenses)
  (weights-licenses policy-weights-licenses)
  (document-licenses policy-document-licenses)
  (free-licenses policy-free-licenses)
  (non-free-licenses policy-non-free-licenses)
  (start-from-free-weights? policy-start-from-free-weights?)
  (allow-proprietary-backends? policy-allow-proprietary-backends?)
  (registration-counts? policy-registration-counts?)
  (require-data-available? policy-require-data-available?)
  (budget-hours policy-budget-hours)
  (classification policy-classification)
  (sources policy-sources)
  (unstated-licenses policy-unstated-licenses))

(define* (policy name #:key (description "")
                 (software-licenses 'fsf-libre) (data-licenses 'fsf-libre)
                 (weights-licenses 'fsf-libre) (document-licenses 'fsf-libre)
                 (free-licenses '()) (non-free-licenses '())
                 (start-from-free-weights? #t) (allow-proprietary-backends? #f)
                 (registration-counts? #t) (require-data-available? #t)
                 (budget-hours (* 21 24)) (classification 'none) (sources '())
                 (unstated-licenses 'non-free))
  "Return a policy named NAME.  License criteria are fsf-libre,
osi-approved, fsf-libre-or-osi-approved, free-data (any of those, or an
open data license) or any; FREE-LICENSES and
NON-FREE-LICENSES override the judgement of particular license ids.
BUDGET-HOURS is the wall-clock budget, #f for none.  CLASSIFICATION is none,
debian-ml-policy, osaid or mof.  UNSTATED-LICENSES says how the license
NONE, a publisher stating no licence, is judged: non-free, or unknown (a
fact to settle)."
  (%policy name description software-licenses data-licenses weights-licenses
           document-licenses free-licenses non-free-licenses start-from-free-weights?
           allow-proprietary-backends? registration-counts? require-data-available?
           budget-hours classification sources unstated-licenses))

(define (vector->source* v)
  (match v (#(url date about) (source url #:date date #:about about))))

(define (source->vector* s)
  (vector (source-url s) (source-date s) (source-about s)))

(define (policy->vector p)
  (match p
    (($ <policy> name description software data weights documents free non-free
                 start? proprietary? registration? data-available? budget classification
                 sources unstated)
     (vector name description software data weights documents free non-free start?
             proprietary? registration? data-available? budget classification
             (map source->vector* sources) unstated))))

(define (vector->policy v)
  (match v
    (#(name description software data weights documents free non-free start?
            proprietary? registration? data-available? budget classification sources
            unstated)
     (%policy name description software data weights documents free non-free start?
              proprietary? registration? data-available? budget classification
              (map vector->source* sources) unstated))))

(define builtin-policies
  (let ((policies #f))
    (lambda ()
      "Return the built-in policies, the default (guix-base-criterion) first."
      (unless policies
        (set! policies (map vector->policy (%builtin-policies))))
      policies)))

(define (lookup-policy name)
  "Return the built-in policy called NAME (a string or symbol), or #f."
  (let ((name (if (symbol? name) (symbol->string name) name)))
    (find (lambda (p) (string=? (policy-name p) name)) (builtin-policies))))

(define (default-policy)
  "Return the default policy, the Guix base criterion."
  (first (builtin-policies)))

;;; Hardware.

(define-record-type <backend-capacity>
  (backend-capacity backend device peak-flops memory proprietary?)
  backend-capacity?
  (backend backend-capacity-backend)          ;symbol: cpu, rocm, cuda, ...
  (device backend-capacity-device)            ;string
  (peak-flops backend-capacity-peak-flops)    ;FP32 operations per second
  (memory backend-capacity-memory)            ;bytes
  (proprietary? backend-capacity-proprietary?))

(define-record-type <hardware-profile>
  (%hardware-profile name description backends storage utilization sources)
  hardware-profile?
  (name hardware-profile-name)
  (description hardware-profile-description)
  (backends hardware-profile-backends)
  (storage hardware-profile-storage)
  (utilization hardware-profile-utilization)
  (sources hardware-profile-sources))

(define* (hardware-profile name #:key (description "") (backends '()) (storage 0)
                           (utilization 0.462) (sources '()))
  "Return a hardware profile NAME with BACKENDS (backend-capacity records),
STORAGE in bytes, and UTILIZATION, the fraction of peak throughput training
sustains."
  (%hardware-profile name description backends storage utilization sources))

(define (hardware->vector h)
  (match h
    (($ <hardware-profile> name description backends storage utilization sources)
     (vector name description
             (map (match-lambda
                    (($ <backend-capacity> backend device flops memory proprietary?)
                     (vector backend device flops memory proprietary?)))
                  backends)
             storage utilization (map source->vector* sources)))))

(define (vector->hardware v)
  (match v
    (#(name description backends storage utilization sources)
     (%hardware-profile name description
                        (map (match-lambda
                               (#(backend device flops memory proprietary?)
                                (backend-capacity backend device flops memory proprietary?)))
                             backends)
                        storage utilization (map vector->source* sources)))))

(define builtin-hardware-profiles
  (let ((profiles #f))
    (lambda ()
      "Return the built-in hardware profiles: desktop-cpu, desktop-amd-gpu
and desktop-nvidia-gpu."
      (unless profiles
        (set! profiles (map vector->hardware (%builtin-hardware-profiles))))
      profiles)))

(define (lookup-hardware-profile name)
  "Return the built-in hardware profile called NAME, or #f."
  (let ((name (if (symbol? name) (symbol->string name) name)))
    (find (lambda (h) (string=? (hardware-profile-name h) name))
          (builtin-hardware-profiles))))

(define (default-hardware-profile)
  "Return the default hardware: a desktop with a consumer AMD GPU, driven
by free software."
  (lookup-hardware-profile "desktop-amd-gpu"))

;;; Evaluation.

(define* (make-evaluator graph #:key (policy (default-policy))
                         (hardware (default-hardware-profile))
                         (known-profiles '()))
  "Return an evaluator of GRAPH's weights under POLICY on HARDWARE.
KNOWN-PROFILES are further hardware profiles that compute figures of the
graph may name.  Construction evaluates every node; evaluate and
evaluate-all then only read."
  (unless (policy? policy)
    (scm-error 'wrong-type-arg 'make-evaluator "expected a policy: ~s" (list policy) (list policy)))
  (unless (hardware-profile? hardware)
    (scm-error 'wrong-type-arg 'make-evaluator "expected a hardware profile: ~s"
               (list hardware) (list hardware)))
  (%make-evaluator graph (policy->vector policy) (hardware->vector hardware)
                   (map hardware->vector known-profiles)))

(define (evaluator? object)
  "Return #t if OBJECT is an evaluator."
  (%evaluator? object))

;; A verdict, and what evaluate-all gives for each weights artifact (a
;; summary entry): the verdict-* accessors take either.  On an entry,
;; verdict-target and verdict-kind read the entry; the others evaluate its
;; artifact once, when first asked, so that (map verdict-summary
;; (evaluate-all evaluator)) works while evaluate-all stays one pass.

(define-record-type <verdict>
  (make-verdict target kind policy hardware budget-hours hours hours-known? plan obtained
                blockers missing license-lineage classification components summary explanation)
  verdict?
  (target %verdict-target)
  (kind %verdict-kind)      ;reproducible-from-scratch, retrainable-from-free-networks,
                            ;over-budget, blocked, undetermined, opaque
  (policy %verdict-policy)
  (hardware %verdict-hardware)
  (budget-hours %verdict-budget-hours)
  (hours %verdict-hours)
  (hours-known? %verdict-hours-known?)
  (plan %verdict-plan)
  (obtained %verdict-obtained)
  (blockers %verdict-blockers)
  (missing %verdict-missing)
  (license-lineage %verdict-license-lineage)
  (classification %verdict-classification)
  (components %verdict-components)
  (summary %verdict-summary)
  (explanation %verdict-explanation))

(define-record-type <verdict-summary-entry>
  (verdict-summary-entry id kind hours blockers missing license-contradicted? hours-known?
                         full)
  verdict-summary-entry?
  (id verdict-summary-entry-id)
  (kind verdict-summary-entry-kind)
  (hours verdict-summary-entry-hours)       ;the cheapest plan's, each use of a step counted
  (blockers verdict-summary-entry-blockers)
  (missing verdict-summary-entry-missing)
  (license-contradicted? verdict-summary-entry-license-contradicted?)
  (hours-known? verdict-summary-entry-hours-known?)
  (full verdict-summary-entry-promise))     ;the verdict, evaluated on demand

(define (verdict-summary-entry-verdict entry)
  "Return the full verdict of summary ENTRY, evaluating its artifact the
first time."
  (force (verdict-summary-entry-promise entry)))

(define (full-verdict who v)
  (cond ((verdict? v) v)
        ((verdict-summary-entry? v) (verdict-summary-entry-verdict v))
        (else (scm-error 'wrong-type-arg (symbol->string who)
                         "expected a verdict or a summary entry of evaluate-all: ~s"
                         (list v) (list v)))))

(define-syntax-rule (define-verdict-accessor name raw documentation)
  (define (name v)
    documentation
    (raw (full-verdict 'name v))))

(define (verdict-target v)
  "Return the id of the artifact verdict V (or summary entry V) is about."
  (if (verdict-summary-entry? v) (verdict-summary-entry-id v) (%verdict-target (full-verdict 'verdict-target v))))

(define (verdict-kind v)
  "Return the kind of verdict V (or summary entry V): reproducible-from-scratch,
retrainable-from-free-networks, over-budget, blocked, undetermined or opaque."
  (if (verdict-summary-entry? v) (verdict-summary-entry-kind v) (%verdict-kind (full-verdict 'verdict-kind v))))

(define-verdict-accessor verdict-policy %verdict-policy
  "Return the name of the policy of verdict V.")
(define-verdict-accessor verdict-hardware %verdict-hardware
  "Return the name of the hardware profile of verdict V.")
(define-verdict-accessor verdict-budget-hours %verdict-budget-hours
  "Return the budget of V's policy in hours, or #f for none.")
(define-verdict-accessor verdict-hours %verdict-hours
  "Return the wall-clock hours of V's plan that are known: the steps whose
compute is unknown count as none, and 0 when nothing is planned.  See
verdict-plan-hours for a figure that is #f when it is not the whole.")
(define-verdict-accessor verdict-hours-known? %verdict-hours-known?
  "Return #t if verdict-hours of V is its plan's whole wall-clock: every
planned step's compute is known.  #f also when nothing is planned.")
(define (verdict-plan-hours v)
  "Return the wall-clock hours of V's plan, or #f when the compute of a
planned step is unknown or nothing is planned: unknown is not 0 hours."
  (let ((v (full-verdict 'verdict-plan-hours v)))
    (and (%verdict-hours-known? v) (%verdict-hours v))))
(define-verdict-accessor verdict-plan %verdict-plan
  "Return the planned steps of V, in derivation order.")
(define-verdict-accessor verdict-obtained %verdict-obtained
  "Return the ids of the artifacts V's plan takes as they are.")
(define-verdict-accessor verdict-blockers %verdict-blockers
  "Return what blocks V's plan, as blocker records.")
(define-verdict-accessor verdict-missing %verdict-missing
  "Return the facts V lacks, as missing-fact records.")
(define-verdict-accessor verdict-license-lineage %verdict-license-lineage
  "Return the declared licenses V's lineage contradicts, as texts.")
(define-verdict-accessor verdict-classification %verdict-classification
  "Return the class V's policy gives, with what it rests on or lacks in
parentheses (\"ToxicCandy\", \"MOF Class III, Open Model (for Class II:
inference code not recorded)\"); the verdict kind, as a string, for
policies without classes.")
(define (verdict-class v)
  "Return the class of verdict V without its parenthesis: \"ToxicCandy\",
\"MOF Class II, Open Tooling\", \"not classified\"; the verdict kind, as a
string, for policies without classes."
  (let ((text (verdict-classification v)))
    (match (string-index text #\()
      (#f text)
      (at (string-trim-right (substring text 0 at))))))
(define-verdict-accessor verdict-components %verdict-components
  "Return the components of the Model Openness Framework and their status
along V's lineage, as component records, under the mof classification; '()
under other policies.")
(define-verdict-accessor verdict-summary %verdict-summary
  "Return the one-line summary of V: under a classification policy its
class and reasons, otherwise whether and how the weights can be re-made.")
(define-verdict-accessor verdict-explanation %verdict-explanation
  "Return the lines explaining V.")

(define-record-type <planned-step>
  (planned-step id backend device hours)
  planned-step?
  (id planned-step-id)
  (backend planned-step-backend)
  (device planned-step-device)
  (hours planned-step-hours))

(define-record-type <blocker>
  (blocker id kind reason)
  blocker?
  (id blocker-id)
  (kind blocker-kind)
  (reason blocker-reason))

(define-record-type <missing-fact>
  (missing-fact id fact reason)
  missing-fact?
  (id missing-fact-id)
  (fact missing-fact-fact)
  (reason missing-fact-reason))

;; A component of the Model Openness Framework: its NAME ("model card"),
;; the CLASS that first requires it (3, 2 or 1), its CONTENT-TYPE (code,
;; data, document), whether it is REQUIRED?, its STATUS along the lineage
;; (open, not-open, unknown or missing), the IDS it rests on and a DETAIL
;; saying what was found or what is not open.
(define-record-type <component>
  (component name class content-type required? status ids detail)
  component?
  (name component-name)
  (class component-class)
  (content-type component-content-type)
  (required? component-required?)
  (status component-status)
  (ids component-ids)
  (detail component-detail))

(define (acceptable-verdict? v)
  "Return #t if verdict V (or summary entry V) meets its policy: under a
policy with classes, when the class is one it accepts (Free under Debian's
ML policy, Open Source AI under OSAID, any MOF class); under the others,
when the weights can be re-made."
  (let ((kind (verdict-kind v)))
    (if (memq kind '(reproducible-from-scratch retrainable-from-free-networks))
        ;; The class may still refuse what can be re-made (ToxicCandy,
        ;; not classified): only then is it worth computing.
        (let ((class (verdict-class v)))
          (or (string=? class (symbol->string kind)) ;no classes
              (accepted-class? class)))
        (accepted-class? (verdict-class v)))))

(define (accepted-class? class)
  (or (and (member class '("Free" "Open Source AI")) #t)
      (string-prefix? "MOF Class" class)))

(define (vector->verdict v)
  (match v
    (#(target kind policy hardware budget hours plan obtained blockers missing lineage
              classification summary explanation hours-known? components)
     (make-verdict target kind policy hardware budget hours hours-known?
                   (map (match-lambda (#(id backend device hours) (planned-step id backend device hours)))
                        plan)
                   obtained
                   (map (match-lambda (#(id kind reason) (blocker id kind reason))) blockers)
                   (map (match-lambda (#(id fact reason) (missing-fact id fact reason))) missing)
                   lineage classification
                   (map (match-lambda
                          (#(name class content required? status ids detail)
                           (component name class content required? status ids detail)))
                        components)
                   summary explanation))))

(define (evaluate evaluator id)
  "Return the verdict of artifact ID, with its plan and explanation."
  (vector->verdict (%evaluate evaluator id)))

(define (evaluate-all evaluator)
  "Return a summary entry for every weights artifact, in one pass.  The
verdict accessors take an entry too: verdict-target and verdict-kind read
it, the others evaluate its artifact the first time they are asked."
  (map (match-lambda
         (#(id kind hours blockers missing contradicted? hours-known?)
          (verdict-summary-entry id kind hours blockers missing contradicted? hours-known?
                                 (delay (evaluate evaluator id)))))
       (%evaluate-all evaluator)))

;;; Licenses.

(define (license-canonical expression)
  "Parse the SPDX license EXPRESSION and return its canonical form; a
malformed one raises a &provenance-error saying what and at which column."
  (%license-canonical expression))

(define (license-unknown-ids expression)
  "Return the license ids of EXPRESSION this tool does not know, as (ID .
NEAREST) pairs, NEAREST the known id likeliest meant, or #f."
  (%license-unknown-ids expression))

(define (nearest-name word candidates)
  "Return the string of CANDIDATES that WORD is a likely typo of, or #f."
  (%nearest-name word candidates))

(define* (license-judgement expression #:optional (criterion 'fsf-libre))
  "Return two values for the SPDX license EXPRESSION under CRITERION: its
freeness (free, non-free or unknown) and the reason."
  (match (%license-judgement expression criterion)
    ((freeness . reason) (values freeness reason))))

(define (format-duration hours)
  "Return HOURS as a human duration such as \"3.0 weeks\"."
  (%format-duration hours))
