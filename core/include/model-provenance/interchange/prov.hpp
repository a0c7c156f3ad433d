// SPDX-License-Identifier: GPL-3.0-or-later
// W3C PROV-JSON (the W3C member submission of 2013,
// https://www.w3.org/submissions/prov-json/): entities are artifacts,
// activities steps, `used` and `wasGeneratedBy` their inputs and outputs.
// What the graph models beyond PROV (kinds, licenses, digests, compute) is
// carried by attributes in the project's namespace, prov_namespace, so that
// read_prov_json(write_prov_json(d)) == d on every field of d.
//
// The mapping, and what is dropped (each with its JSON pointer):
//
//   entity            -> artifact when its prov:type (a qualified name) or
//                        mp:kind names a kind (mp:weights, mp:dataset,
//                        mp:software, mp:document; also schema:Dataset,
//                        dcat:Dataset, schema:SoftwareSourceCode and
//                        schema:SoftwareApplication); an entity of no
//                        known kind is dropped, never guessed
//   activity          -> step when prov:type or mp:kind names a step kind
//                        (mp:train, mp:fine-tune, ...), else dropped
//   used              -> step input; the role is prov:role when it names
//                        one of ours (mp:training-data, or the plain string
//                        "training-data"); else dropped
//   wasGeneratedBy    -> step output (dropped without an activity)
//   wasAssociatedWith -> a software input of the step, when the agent is a
//                        prov:SoftwareAgent (an artifact of kind software
//                        unless an entity of that id says more: then the
//                        agent's other attributes are dropped); other
//                        agents, and associations with them, are dropped
//   wasDerivedFrom    -> nothing new when its activity's used and
//                        wasGeneratedBy already say it; else dropped (the
//                        graph records a derivation only as a step, and a
//                        step needs a kind and an input role PROV lacks)
//   prov:label        -> name
//   mp:version, mp:license (SPDX), mp:sha256, mp:uri, mp:format,
//   mp:availability, mp:guix-package, mp:size-bytes, mp:notes, mp:source
//   ("URL DATE ABOUT"), mp:backend ("NAME" or "NAME;proprietary"),
//   mp:document-kind, mp:describes      -> the artifact fields
//   mp:flops, mp:hours, mp:hardware-profile, mp:peak-memory-bytes,
//   mp:storage-bytes, mp:notes, mp:source -> the step fields
//   bundle            -> its records are read like the top level's, with
//                        the bundle's prefixes over the document's; a name
//                        written alike for two namespaces gives the later
//                        its full URI as id (ids stay unique)
//   an id repeated (an array of records) -> one element, its attributes
//                        merged; a second value of a one-valued field is
//                        dropped
//   mp:verdict-POLICY, mp:summary-POLICY, mp:reason-POLICY -> dropped (a
//                        verdict is recomputed, not a fact)
//   anything else (other relations: wasAttributedTo, actedOnBehalfOf,
//   wasInformedBy, ...; other attributes: prov:startTime, ...) -> dropped
//
// Errors (DocumentError, WHERE a JSON pointer or LINE:COLUMN): text that is
// not JSON, wrong shapes (a section or record that is not an object), a
// qualified name whose prefix is not declared, an mp: attribute of the
// wrong type, nesting deeper than 64, documents over 1 GiB.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model-provenance/interchange/declarations.hpp"

namespace model_provenance::interchange {

// The namespace of the project's attributes and types (prefix "mp").
inline constexpr std::string_view prov_namespace = "urn:model-provenance:prov#";
// The namespaces the writer puts artifact and step ids in (prefixes "a"
// and "s"); the reader gives the local part as the id for these and the
// qualified name as written ("ex:e1") for any other.
inline constexpr std::string_view prov_artifact_namespace = "urn:model-provenance:artifact:";
inline constexpr std::string_view prov_step_namespace = "urn:model-provenance:step:";

// Reads a PROV-JSON document.  FILE names it in errors.
Declarations read_prov_json(std::string_view text, std::string_view file);

// Writes DECLARATIONS as a PROV-JSON document, with each judgement as
// attributes of its target's entity (mp:verdict-POLICY, mp:summary-POLICY,
// mp:reason-POLICY), or as an entity of its own (prov:type mp:judgement)
// when its target is no artifact of DECLARATIONS.
std::string write_prov_json(const Declarations& declarations,
                            const std::vector<Judgement>& judgements = {});

}  // namespace model_provenance::interchange
