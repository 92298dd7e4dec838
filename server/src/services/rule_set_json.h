#pragma once
// A staffing rule set as JSON (docs/api-contract.md, "RuleSet object"): how it is stored
// (rule_sets.definition), sent over HTTP and loaded from a file by the CLI. Strict: an
// unknown field or a wrong type is refused (400) with the JSON path of the value at fault,
// which for rules is the same path validate_rule_set() names ("rules.township.total").
#include <string_view>

#include <nlohmann/json.hpp>

#include "domain/staffing/rule_set.h"

namespace jinguo::services {

// Reads a set from JSON text: malformed_json, wrong_type, unknown_field (kMalformed).
// `version` is optional (default 1); nothing is validated beyond the shape.
domain::staffing::RuleSet rule_set_from_text(std::string_view text);
domain::staffing::RuleSet rule_set_from_json(const nlohmann::ordered_json& j);

// The set as JSON, rules in the set's order.
nlohmann::ordered_json rule_set_to_json(const domain::staffing::RuleSet& set);

}  // namespace jinguo::services
